import { env, exports } from "cloudflare:workers";
import { Validator } from "@cfworker/json-schema";
import { beforeAll, describe, expect, it } from "vitest";
import type { Open311Filed, Open311Token } from "../../../src/shared/open311/post";
import { ORIGIN, syncUnits, track } from "../complaints/factories";
import { act, session, validBody } from "../complaints/handling/factories";
import { freshLimiterWindow } from "../limiter-window";
import { makeKey, postForm, postJson, validFields, writtenRows } from "./filing-kit";
import { expectSameFacts, get, parseXml } from "./kit";
import postResponses from "./schemas/post-responses.json";

beforeAll(syncUnits);

type Error311 = { code: number; description: string }[];

const { oneOf: _either, ...definitions } = postResponses;
/** An answer checked against the published RequestResponse or TokenResponse definition (a list of them). */
function expectPublished(kind: "RequestResponse" | "TokenResponse", body: unknown) {
  const schema = { ...definitions, type: "array", items: { $ref: `#/definitions/${kind}` }, minItems: 1 };
  const result = new Validator(schema as never, "7", false).validate(body);
  expect(result.errors.map((e) => `${e.instanceLocation}: ${e.error}`)).toEqual([]);
}

const caseOf = (token: string) =>
  env.DB.prepare(
    `SELECT c.*, r.key_id, r.account_id, r.media_url FROM open311_requests r JOIN complaints c ON c.id = r.complaint_id
     WHERE r.token = ?`,
  )
    .bind(token)
    .first<Record<string, unknown>>();

async function fileOk(fields: Record<string, string>) {
  const res = await postForm(fields);
  expect(res.status, await res.clone().text()).toBe(200);
  const [filed] = (await res.json()) as Open311Filed[];
  if (!filed) throw new Error("no answer");
  return filed;
}

describe("POST requests: filing through Open311 with an API key", () => {
  it("files a form-encoded request through the website's filing and answers the spec's list", async () => {
    const key = await makeKey();
    const res = await postForm(
      validFields(key.apiKey, {
        first_name: "小明",
        last_name: "王",
        phone: "+86 139 0000 1234",
        email: "wang@example.com",
        account_id: "app-user-42",
        media_url: "https://photos.example.com/p/1.jpg",
        "attribute[bins]": "3",
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await res.json()) as Open311Filed[];
    expect(body).toHaveLength(1);
    expectPublished("RequestResponse", body);
    const filed = body[0] as Open311Filed;
    expect(filed.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(filed.account_id).toBe("app-user-42");
    expect(filed.service_notice).toMatch(/前决定是否立案/);
    expect(filed.tracking_url).toMatch(new RegExp(`^${ORIGIN}/complaints/track/#t=[A-Za-z0-9_-]{22}$`));
    const row = await caseOf(filed.token);
    expect(row).toMatchObject({
      state: "received",
      category_id: "E0102",
      community_id: "liuan",
      reporter_name: "王小明",
      reporter_phone: "13900001234",
      callback_wanted: 1,
      key_id: key.id,
      account_id: "app-user-42",
      media_url: "https://photos.example.com/p/1.jpg",
    });
    // The attribute goes to staff with the description; the email is accepted, never kept.
    expect(row?.description).toContain("bins：3");
    expect(JSON.stringify(row)).not.toContain("wang@example.com");
    const used = await env.DB.prepare("SELECT last_used_at FROM open311_api_keys WHERE id = ?").bind(key.id).first();
    expect(used?.last_used_at).not.toBeNull();
    // The filing's event and the hot-spot count come from the same trigger as the website's.
    const events = await env.DB.prepare("SELECT count(*) AS n FROM complaint_events WHERE complaint_id = ?")
      .bind(row?.id)
      .first<{ n: number }>();
    expect(events?.n).toBe(1);
  });

  it("files a JSON body and answers in XML", async () => {
    const key = await makeKey();
    const { api_key, ...rest } = validFields(key.apiKey);
    const res = await postJson(
      { api_key, ...rest, lat: Number(rest.lat), long: Number(rest.long), attribute: { bins: "2" } },
      { format: "xml" },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    const xml = parseXml(await res.text()) as { service_requests: { request: Record<string, string>[] } };
    const filed = xml.service_requests.request[0] as Record<string, string>;
    expect(filed.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(filed.service_notice).toMatch(/前决定是否立案/);
    expect(await caseOf(filed.token ?? "")).toMatchObject({ category_id: "E0102", key_id: key.id });
  });

  it("files by address_id or address_string against the gazetteer, and says what is missing otherwise", async () => {
    const key = await makeKey();
    const byId = await fileOk(validFields(key.apiKey, { lat: "", long: "", address_id: "hubin-square" }));
    expect(await caseOf(byId.token)).toMatchObject({ place_id: "hubin-square", community_id: "hubin", lat: null });
    const byName = await fileOk(validFields(key.apiKey, { lat: "", long: "", address_string: "湖滨文化广场东门" }));
    expect(await caseOf(byName.token)).toMatchObject({ place_id: "hubin-square", address_text: "湖滨文化广场东门" });
    const road = await fileOk(validFields(key.apiKey, { lat: "", long: "", address_string: "柳岸社区 柳岸路 12 号" }));
    expect(await caseOf(road.token)).toMatchObject({ place_id: "liuan-road", community_id: "liuan" });
    const before = await writtenRows();
    for (const [over, expected] of [
      [{ address_string: "柳岸路 12 号" }, /多个社区/],
      [{ address_string: "火星大道 1 号" }, /地名库/],
      [{ address_id: "no-such-place" }, /地名库/],
      [{}, /lat\/long、address_string 或 address_id/],
    ] as const) {
      const res = await postForm(validFields(key.apiKey, { lat: "", long: "", ...over }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as Error311)[0]?.description).toMatch(expected);
    }
    expect(await writtenRows()).toEqual(before);
  });

  it("refuses a missing, unknown or revoked key with 403 in both formats, writing nothing", async () => {
    const key = await makeKey();
    const admin = await session("admin");
    const revoke = await exports.default.fetch(`${ORIGIN}/api/staff/open311/keys/${key.id}/revoke`, {
      method: "POST",
      headers: {
        origin: ORIGIN,
        "sec-fetch-site": "same-origin",
        cookie: admin.cookie,
        "content-type": "application/json",
      },
      body: "{}",
    });
    expect(revoke.status).toBe(200);
    const before = await writtenRows();
    for (const fields of [validFields(key.apiKey), validFields("o311_unknownkey"), validFields("")]) {
      const res = await postForm(fields);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual([{ code: 403, description: expect.any(String) }]);
      const xml = await postForm(fields, { format: "xml" });
      expect(xml.status).toBe(403);
      expect((parseXml(await xml.text()) as { errors: { error: unknown[] } }).errors.error).toHaveLength(1);
    }
    // A live key in the address is refused too: it would be in every access log on the way.
    const live = await makeKey();
    const { api_key: _inBody, ...rest } = validFields(live.apiKey);
    const inQuery = await postForm(rest, { query: `?api_key=${encodeURIComponent(live.apiKey)}` });
    expect(inQuery.status).toBe(403);
    expect(((await inQuery.json()) as { description: string }[])[0]?.description).toMatch(/请求体/);
    expect(await writtenRows()).toEqual(before);
  });

  it("refuses bad input with 400 and one description naming the field, writing nothing", async () => {
    const key = await makeKey();
    const before = await writtenRows();
    const cases: [Record<string, string>, RegExp][] = [
      [{ description: "<b>垃圾</b>满了没人管" }, /HTML/],
      [{ description: "垃圾满了 &amp; 没人管" }, /HTML/],
      [{ description: "好".repeat(4001) }, /4000/],
      [{ service_code: "X9999" }, /service_code/],
      [{ lat: "0", long: "0" }, /不在本区/],
      [{ long: "" }, /lat 与 long/],
      [{ phone: "12345" }, /phone/],
      [{ email: "not-an-email" }, /email/],
      [{ media_url: "javascript:alert(1)" }, /media_url/],
      [{ "attribute[<x>]": "1" }, /属性编号/],
      [{ first_name: "名".repeat(21) }, /first_name/],
    ];
    for (const [over, expected] of cases) {
      const res = await postForm(validFields(key.apiKey, over));
      const body = (await res.json()) as Error311;
      expect(res.status, JSON.stringify(over).slice(0, 80)).toBe(400);
      expect(body[0]?.description).toMatch(expected);
    }
    expect((await postJson("{not json", {})).status).toBe(400);
    // Over the API's 64 KB: refused before it is read, 400 as the spec has it.
    expect((await postForm(validFields(key.apiKey, { device_id: "x".repeat(70_000) }))).status).toBe(400);
    const wrongType = await exports.default.fetch(`${ORIGIN}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "api_key=x",
    });
    expect(wrongType.status).toBe(400);
    expect(await writtenRows()).toEqual(before);
  });

  it("checks jurisdiction_id when given: 404 for another, accepted for ours", async () => {
    const key = await makeKey();
    const other = await postForm(validFields(key.apiKey, { jurisdiction_id: "elsewhere" }));
    expect(other.status).toBe(404);
    await fileOk(validFields(key.apiKey, { jurisdiction_id: "chengguan-portal" }));
  });

  it("replays the first answer for the same Idempotency-Key, with the same token", async () => {
    const key = await makeKey();
    const fields = validFields(key.apiKey);
    const idem = crypto.randomUUID();
    const first = await postForm(fields, { headers: { "idempotency-key": idem } });
    expect(first.status).toBe(200);
    const again = await postForm(fields, { headers: { "idempotency-key": idem } });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const [a] = (await first.json()) as Open311Filed[];
    const [b] = (await again.json()) as Open311Filed[];
    expect(b?.token).toBe(a?.token);
    expect(b?.tracking_url).toBe(a?.tracking_url);
  });
});

describe("reading a filing back", () => {
  it("answers tokens/{token} with the token only until staff accept, then the case number everywhere", async () => {
    const key = await makeKey();
    const filed = await fileOk(validFields(key.apiKey));
    const waiting = await get(`/tokens/${filed.token}.json`);
    expect(waiting.status).toBe(200);
    const waitingBody = await waiting.json();
    expect(waitingBody).toEqual([{ token: filed.token }]);
    expectPublished("TokenResponse", waitingBody);
    const row = await caseOf(filed.token);
    // Not public yet: requests/{id} does not know it, the website's tracking does.
    expect((await get(`/requests/${row?.case_number}.json`)).status).toBe(404);
    const trackingToken = filed.tracking_url.split("#t=")[1] ?? "";
    const tracked = await track(trackingToken);
    expect(tracked.status).toBe(200);
    expect(((await tracked.json()) as { caseNumber: string }).caseNumber).toBe(row?.case_number);

    const dispatcher = await session("dispatcher");
    const accepted = await act(
      dispatcher.cookie,
      Number(row?.id),
      "accept",
      validBody("accept", Number(row?.version), { unitId: "", targetCaseNumber: "" }),
    );
    expect(accepted.status).toBe(200);

    const json = (await (await get(`/tokens/${filed.token}.json`)).json()) as Open311Token[];
    expect(json).toEqual([{ token: filed.token, service_request_id: row?.case_number }]);
    expectPublished("TokenResponse", json);
    const xml = parseXml(await (await get(`/tokens/${filed.token}.xml`)).text());
    expectSameFacts(json, xml.service_requests);
    const published = await get(`/requests/${row?.case_number}.json`);
    expect(published.status).toBe(200);
    const [request] = (await published.json()) as { service_request_id: string; status: string }[];
    expect(request).toMatchObject({ service_request_id: row?.case_number, status: "open" });
    expect(JSON.stringify(request)).not.toContain("路边垃圾桶满了");
    const website = await track(trackingToken);
    expect(((await website.json()) as { state: string }).state).toBe("accepted");
  });

  it("answers an unknown or malformed token with 404 in both formats", async () => {
    for (const t of ["A".repeat(22), "short", "with.dot"]) {
      for (const f of ["json", "xml"]) {
        const res = await get(`/tokens/${t}.${f}`);
        expect(res.status, `${t}.${f}`).toBe(404);
      }
    }
    expect((await get(`/tokens/${"A".repeat(22)}.json?jurisdiction_id=elsewhere`)).status).toBe(404);
  });
});

describe("rate limits of a filing by key", () => {
  it("counts every filing against its key: 429 in Open311's format after the limit, another key unaffected", async () => {
    // Up to 20 s waiting for a fresh window of the limiter, so the count cannot straddle two.
    await freshLimiterWindow();
    const key = await makeKey();
    const other = await makeKey();
    // Each filing from its own address, so only the key's limit (30 a minute) can refuse it.
    for (let i = 0; i < 30; i++) expect((await postForm(validFields(key.apiKey))).status).toBe(200);
    const before = await writtenRows();
    const refused = await postForm(validFields(key.apiKey));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual([{ code: 429, description: expect.stringMatching(/过于频繁/) }]);
    const xml = await postForm(validFields(key.apiKey), { format: "xml" });
    expect(xml.status).toBe(429);
    expect(await writtenRows()).toEqual(before);
    expect((await postForm(validFields(other.apiKey))).status).toBe(200);
  }, 90_000);

  it("counts a client on the website's filing limiter too", async () => {
    await freshLimiterWindow();
    const key = await makeKey();
    const ip = "203.0.113.77";
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await postForm(validFields("o311_wrong"), { ip })).status);
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await postForm(validFields(key.apiKey), { ip })).status).toBe(429);
  }, 60_000);
});
