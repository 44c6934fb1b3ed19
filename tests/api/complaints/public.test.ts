import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Hotspots, NearbyCases, OpenData, PublicCasePage } from "../../../src/shared/complaints/wire";
import { addDays, chinaDay, chinaIso, lastDays } from "../../../src/shared/time";
import { fileOk, newIp, ORIGIN, pointIn } from "./factories";

const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`);
const json = async <T>(path: string) => (await (await get(path)).json()) as T;
/** Staff accepted it: only then is a case listed (src/shared/complaints/places.ts). */
const accept = (caseNumber: string) =>
  env.DB.prepare("UPDATE complaints SET state = 'accepted' WHERE case_number = ?").bind(caseNumber).run();
/** A reporter with a name, a phone and a precise point: none of it may appear publicly. */
const secretReporter = () => {
  const p = pointIn("liuan");
  return {
    name: "王秘密",
    phone: "13700001234",
    callbackWanted: true,
    lat: p.lat + 0.000123,
    lng: p.lng + 0.000456,
    addressText: "柳岸路 17 号 2 单元 301 室",
  };
};

describe("the public view of complaints", () => {
  it("lists cases newest first with the public fields only, paginated", async () => {
    const a = await fileOk();
    const b = await fileOk();
    await accept(a.caseNumber);
    await accept(b.caseNumber);
    const page = await json<PublicCasePage>("/api/complaints?limit=1");
    expect(page.cases.map((c) => c.caseNumber)).toEqual([b.caseNumber]);
    const rest = await json<PublicCasePage>(`/api/complaints?limit=1&before=${page.next}`);
    expect(rest.cases.map((c) => c.caseNumber)).toEqual([a.caseNumber]);
  });

  // Six endpoints at once: 0.2 s on the two-core machine under load; 30 s leaves room.
  it("shows no name, phone, house number or precise point on any public endpoint", async () => {
    const r = secretReporter();
    const filed = await fileOk({ ...r, categoryId: "E0505" });
    await env.DB.prepare("UPDATE complaints SET state = 'accepted' WHERE case_number = ?").bind(filed.caseNumber).run();
    const { from, to } = lastDays(30);
    const bodies = await Promise.all(
      [
        "/api/complaints",
        "/api/complaints?state=open",
        `/api/complaints/nearby?categoryId=E0505&lat=${r.lat}&lng=${r.lng}`,
        "/api/complaints/hotspots?days=30",
        `/api/complaints/open-data.json?from=${from}&to=${to}`,
        `/api/complaints/open-data.csv?from=${from}&to=${to}`,
      ].map(async (p) => {
        const res = await get(p);
        expect(res.status, p).toBe(200);
        return res.text();
      }),
    );
    const all = bodies.join("\n");
    expect(all).toContain(filed.caseNumber);
    for (const secret of [
      "王秘密",
      "13700001234",
      "0001234",
      "17 号",
      // The room with its 室: a bare "301" also turns up in timestamps' milliseconds (…03.301Z).
      "301 室",
      String(r.lat),
      String(r.lng),
      String(r.lat).slice(0, 9),
    ]) {
      expect(all, secret).not.toContain(secret);
    }
    const listed = (await json<PublicCasePage>("/api/complaints")).cases.find((c) => c.caseNumber === filed.caseNumber);
    expect(listed?.place).toBe("柳岸路");
    expect(Math.abs((listed?.lat ?? 0) - r.lat)).toBeLessThan(0.0006);
    expect(String(listed?.lat).split(".")[1]?.length ?? 0).toBeLessThanOrEqual(3);
  }, 30_000);

  it("finds open cases of the same category within 250 m of their published point, nearest first, in bands", async () => {
    const here = pointIn("zhuyuan");
    const near = await fileOk({ ...here, categoryId: "C0118" });
    // Published (rounded to 0.001°) at ≈ 111 m, then ≈ 333 m: distances are from the published point.
    const alsoNear = await fileOk({ lat: here.lat + 0.0014, lng: here.lng, categoryId: "C0118" });
    await fileOk({ lat: here.lat + 0.003, lng: here.lng, categoryId: "C0118" });
    await fileOk({ ...here, categoryId: "C0101" }); // another category
    const { cases } = await json<NearbyCases>(
      `/api/complaints/nearby?categoryId=C0118&lat=${here.lat}&lng=${here.lng}`,
    );
    expect(cases.map((c) => c.caseNumber)).toEqual([near.caseNumber, alsoNear.caseNumber]);
    expect(cases.map((c) => c.withinMetres)).toEqual([100, 200]);
  });

  it("counts support once per person", async () => {
    const filed = await fileOk();
    const support = (id: string) =>
      exports.default.fetch(`${ORIGIN}/api/complaints/${filed.caseNumber}/support`, {
        method: "POST",
        headers: { "x-supporter-id": id, "cf-connecting-ip": newIp() },
      });
    const alice = "alice-0123456789abcdef";
    expect(await (await support(alice)).json()).toMatchObject({ supporters: 1, counted: true });
    expect(await (await support(alice)).json()).toMatchObject({ supporters: 1, counted: false });
    expect(await (await support("bob-0123456789abcdef0")).json()).toMatchObject({ supporters: 2, counted: true });
    // Not yet 立案: no public page to link to, and the answer says so; from 立案 on it has one.
    expect(await (await support(alice)).json()).toMatchObject({ publicPage: false });
    await env.DB.prepare("UPDATE complaints SET state = 'accepted' WHERE case_number = ?").bind(filed.caseNumber).run();
    expect(await (await support(alice)).json()).toMatchObject({ publicPage: true });
    expect((await support("x")).status).toBe(422);
    const closed = await fileOk();
    await env.DB.prepare("UPDATE complaints SET state = 'closed_fixed' WHERE case_number = ?")
      .bind(closed.caseNumber)
      .run();
    const res = await exports.default.fetch(`${ORIGIN}/api/complaints/${closed.caseNumber}/support`, {
      method: "POST",
      headers: { "x-supporter-id": alice },
    });
    expect(res.status).toBe(404);
  });

  it("counts hot spots by community and category for the last 30 and 90 days", async () => {
    await fileOk({ ...pointIn("xintang"), categoryId: "E0302" });
    await fileOk({ ...pointIn("xintang"), categoryId: "E0302" });
    await fileOk({ ...pointIn("xintang"), categoryId: "E0303" });
    // A count from 60 days ago shows in the 90-day view only.
    const old = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    await env.DB.prepare(
      "INSERT INTO complaint_daily_counts (day, community_id, category_id, n) VALUES (?, 'xintang', 'E0302', 5)",
    )
      .bind(old)
      .run();
    const cell = (r: Hotspots, cat: string) => r.cells.find((c) => c.communityId === "xintang" && c.categoryId === cat);
    const d30 = await json<Hotspots>("/api/complaints/hotspots?days=30");
    const d90 = await json<Hotspots>("/api/complaints/hotspots?days=90");
    expect(cell(d30, "E0302")).toMatchObject({ count: 2, communityName: "新塘社区", categoryName: "工地扬尘" });
    expect(cell(d30, "E0303")?.count).toBe(1);
    expect(cell(d90, "E0302")?.count).toBe(7);
    expect((await get("/api/complaints/hotspots?days=7")).status).toBe(422);
  });

  it("publishes open data as JSON and as CSV that spreadsheets cannot be tricked by", async () => {
    const filed = await fileOk({ addressText: '=HYPERLINK("http://x")路口' });
    await accept(filed.caseNumber);
    const today = chinaDay();
    // From yesterday: a case filed just before China midnight is still in the window.
    const from = addDays(today, -1);
    const data = await json<OpenData>(`/api/complaints/open-data.json?from=${from}&to=${today}`);
    expect(data.cases.map((c) => c.caseNumber)).toContain(filed.caseNumber);
    const csv = await get(`/api/complaints/open-data.csv?from=${from}&to=${today}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(
      "caseNumber,categoryId,categoryName,communityId,communityName,place,placeId,lat,lng,state,stateLabel,receivedAt,closedAt,supporters",
    );
    // What the resident typed is not published at all (tests/unit/complaints/public-view.test.ts: formulas).
    expect(text).not.toContain("HYPERLINK");
    // The JSON keeps the API's UTC instants; the CSV, read in spreadsheets, gives China time with its offset.
    const { receivedAt } = data.cases.find((c) => c.caseNumber === filed.caseNumber) as unknown as {
      receivedAt: string;
    };
    expect(receivedAt).toMatch(/Z$/);
    expect(text).toContain(chinaIso(receivedAt));
    expect(chinaIso(receivedAt)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect((await get(`/api/complaints/open-data.csv?from=${today}&to=2000-01-01`)).status).toBe(422);
    expect((await get("/api/complaints/open-data.json")).status).toBe(422);
  });
});
