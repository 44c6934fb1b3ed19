import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { CATEGORIES } from "../../../src/shared/complaints/categories";
import { OPEN311_JURISDICTION } from "../../../src/shared/open311/jurisdiction";
import type { Open311Request, Open311Service } from "../../../src/shared/open311/wire";
import { jpegClean } from "../../unit/fixtures/images";
import { fileOk, fileWithPhotos, ORIGIN, pointIn, syncUnits, validComplaint } from "../complaints/factories";
import { both, expectError, expectSameFacts, expectValid, publicReply, setCase } from "./kit";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** The second an instant falls in: Open311 datetimes are written to the second. */
const second = (at: string) => Math.floor(Date.parse(at) / 1000);

/** A reporter with a name, a phone, a house number and a precise point: none of it may appear. */
const secret = () => {
  const p = pointIn("liuan");
  return {
    categoryId: "E0102",
    name: "赵保密",
    phone: "13800005678",
    callbackWanted: true,
    lat: p.lat + 0.000123,
    lng: p.lng + 0.000456,
    addressText: "柳岸路 23 号 4 单元 502 室",
    description: `楼下垃圾堆了一周，味道很大 ${crypto.randomUUID()}`,
  };
};

let unit: { id: string; name: string };
beforeAll(async () => {
  await syncUnits();
  unit = (await env.DB.prepare("SELECT id, name FROM units ORDER BY id LIMIT 1").first()) as typeof unit;
});

describe("Open311 services", () => {
  it("lists one service per category, valid against the published schema, alike in XML", async () => {
    const { json, xml } = await both("/services.{f}");
    expectValid("services", json);
    const list = json as Open311Service[];
    expect(list.map((s) => s.service_code)).toEqual(CATEGORIES.map((c) => c.id));
    const one = list.find((s) => s.service_code === "E0101");
    const category = CATEGORIES.find((c) => c.id === "E0101");
    expect(one).toEqual({
      service_code: "E0101",
      service_name: category?.name,
      description: category?.label,
      metadata: false,
      type: "realtime",
      keywords: category?.synonyms.join(","),
      group: category?.majorName,
    });
    expectSameFacts(json, xml.services);
  });

  it("answers a service's definition and 404 for an unknown code, in both formats", async () => {
    const { json, xml } = await both("/services/C0118.{f}");
    expectValid("service_definition", json);
    expect(json).toEqual({ service_code: "C0118", attributes: [] });
    expect((xml.service_definition as { service_code: string }).service_code).toBe("C0118");
    await expectError("/services/X9999.{f}", 404);
  });

  it("checks jurisdiction_id when given: ours is fine, another is an unknown jurisdiction", async () => {
    await both(`/services.{f}?jurisdiction_id=${OPEN311_JURISDICTION}`);
    await expectError("/services.{f}?jurisdiction_id=elsewhere", 404);
    await expectError("/requests.{f}?jurisdiction_id=elsewhere", 404);
  });
});

describe("Open311 requests", () => {
  it("publishes cases with a public page only, through the publicCase boundary, alike in XML", async () => {
    const s = secret();
    const accepted = await fileOk(s);
    const dispatched = await fileOk(secret());
    const closed = await fileOk(secret());
    const received = await fileOk(secret());
    const refused = await fileOk(secret());
    const due = iso(Date.now() + 3 * DAY);
    await setCase(accepted.caseNumber, { state: "accepted" });
    await setCase(dispatched.caseNumber, { state: "in_progress", unit_id: unit.id, due_at: due });
    await publicReply(dispatched.caseNumber, "已安排环卫车今天下午清运");
    const closedAt = iso(Date.now() - 60_000);
    await setCase(closed.caseNumber, { state: "closed_fixed", unit_id: unit.id, due_at: due, closed_at: closedAt });
    await setCase(refused.caseNumber, { state: "not_accepted" });

    const { json, xml, xmlText } = await both("/requests.{f}?page_size=200");
    expectValid("requests", json);
    expectSameFacts(json, xml.service_requests);
    const list = json as Open311Request[];
    const ids = list.map((r) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([accepted.caseNumber, dispatched.caseNumber, closed.caseNumber]));
    expect(ids).not.toContain(received.caseNumber);
    expect(ids).not.toContain(refused.caseNumber);

    const a = list.find((r) => r.service_request_id === accepted.caseNumber) as Open311Request;
    expect(a).toMatchObject({
      status: "open",
      status_notes: "已立案",
      service_code: "E0102",
      description: null,
      agency_responsible: null,
      expected_datetime: null,
      media_url: null,
      requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      extended_attributes: { fixmystreet_status: "open", public_url: `${ORIGIN}/complaints/c/${accepted.caseNumber}/` },
    });
    // The coarse public point (≈ 100 m), never the one the resident sent.
    expect(a.lat).not.toBe(s.lat);
    expect(a.long).not.toBe(s.lng);
    expect(Math.abs((a.lat ?? 0) - s.lat)).toBeLessThan(0.002);

    const d = list.find((r) => r.service_request_id === dispatched.caseNumber) as Open311Request;
    expect(d).toMatchObject({
      status: "open",
      status_notes: "处理中。最新答复：已安排环卫车今天下午清运",
      agency_responsible: unit.name,
      extended_attributes: { fixmystreet_status: "in_progress" },
    });
    expect(second(d.expected_datetime ?? "")).toBe(second(due));

    const c = list.find((r) => r.service_request_id === closed.caseNumber) as Open311Request;
    expect(c).toMatchObject({ status: "closed", extended_attributes: { fixmystreet_status: "fixed" } });
    expect(second(c.updated_datetime)).toBe(second(closedAt));

    for (const text of [JSON.stringify(json), xmlText]) {
      for (const leak of [s.name, s.phone, s.addressText, s.description, String(s.lat), String(s.lng), "23 号"]) {
        expect(text).not.toContain(leak);
      }
    }
  });

  it("reads one request by its number in both formats; a case without a public page is 404", async () => {
    const filed = await fileOk();
    await expectError(`/requests/${filed.caseNumber}.{f}`, 404);
    await setCase(filed.caseNumber, { state: "dispatched", unit_id: unit.id, due_at: iso(Date.now() + DAY) });
    const { json, xml } = await both(`/requests/${filed.caseNumber}.{f}`);
    expectValid("requests", json);
    expectSameFacts(json, xml.service_requests);
    expect((json as Open311Request[])[0]).toMatchObject({
      service_request_id: filed.caseNumber,
      extended_attributes: { fixmystreet_status: "action_scheduled" },
    });
    await expectError("/requests/not-a-number.{f}", 404);
    await expectError("/requests/991231-9999.{f}", 404);
  });

  it("gives our own public photo as media_url once the case is public", async () => {
    const res = await fileWithPhotos(validComplaint(), [{ bytes: jpegClean(), name: "a.jpg", type: "image/jpeg" }]);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    await setCase(caseNumber, { state: "accepted" });
    const { json } = await both(`/requests/${caseNumber}.{f}`);
    const url = (json as Open311Request[])[0]?.media_url ?? "";
    expect(url).toMatch(new RegExp(`^${ORIGIN}/api/complaints/photos/\\d+$`));
  });

  it("lets service_request_id (a comma list) override every other parameter", async () => {
    const one = await fileOk();
    const two = await fileOk({ categoryId: "C0118" });
    await setCase(one.caseNumber, { state: "accepted" });
    await setCase(two.caseNumber, { state: "closed_not_fixed", closed_at: iso(Date.now()) });
    const { json } = await both(
      `/requests.{f}?service_request_id=${one.caseNumber},${two.caseNumber}&status=open&service_code=E0101&page=9`,
    );
    expect((json as Open311Request[]).map((r) => r.service_request_id).sort()).toEqual(
      [one.caseNumber, two.caseNumber].sort(),
    );
  });

  it("filters by service_code and status, newest first, a page at a time", async () => {
    const cases = [];
    for (let i = 0; i < 3; i++) {
      const f = await fileOk({ categoryId: "C0201" });
      await setCase(f.caseNumber, { state: "accepted", received_at: iso(Date.now() - (3 - i) * 60_000) });
      cases.push(f.caseNumber);
    }
    const { json } = await both("/requests.{f}?service_code=C0201&status=open");
    expect((json as Open311Request[]).map((r) => r.service_request_id)).toEqual([...cases].reverse());
    const page2 = await both("/requests.{f}?service_code=C0201&page_size=1&page=2");
    expect((page2.json as Open311Request[]).map((r) => r.service_request_id)).toEqual([cases[1]]);
    const closedOnly = await both("/requests.{f}?service_code=C0201&status=closed");
    expect(closedOnly.json).toEqual([]);
    expect(closedOnly.xml.service_requests).toBe("");
  });

  it("reads the last 90 days by default, and a given window of at most 90 days", async () => {
    const old = await fileOk({ categoryId: "E0202" });
    await setCase(old.caseNumber, { state: "accepted", received_at: iso(Date.now() - 100 * DAY) });
    const byDefault = await both("/requests.{f}?service_code=E0202");
    expect(byDefault.json).toEqual([]);
    const start = encodeURIComponent(new Date(Date.now() - 120 * DAY).toISOString());
    const end = encodeURIComponent(new Date(Date.now() - 40 * DAY).toISOString());
    const windowed = await both(`/requests.{f}?service_code=E0202&start_date=${start}&end_date=${end}`);
    expect((windowed.json as Open311Request[]).map((r) => r.service_request_id)).toEqual([old.caseNumber]);
    // China time, with the "+" an unencoded query string turns into a space.
    const china = await both("/requests.{f}?service_code=E0202&start_date=2020-01-01T00:00:00 08:00");
    expect(china.json).toEqual([]);
  });

  it("answers a bad query with the spec's 400, in both formats", async () => {
    for (const q of [
      "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
      "start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z",
      "start_date=yesterday",
      "start_date=2026-01-01",
      "status=pending",
      "service_code=X9999",
      "page=0",
      "page_size=1000",
      "service_request_id=abc",
      "service_request_id=",
      "page=1&page=2",
    ]) {
      await expectError(`/requests.{f}?${q}`, 400);
    }
  });
});
