import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { complaintStatements, DEMO_CASES, DEMO_REPORTERS } from "../../../scripts/seed/complaints";
import type { Open311Request } from "../../../src/shared/open311/wire";
import { syncUnits } from "../complaints/factories";
import { get } from "./kit";

// The equivalent of tests/browser/complaints/privacy-scan.test.ts for Open311, in workerd: the 320
// demo cases as the seed writes them, and every Open311 answer about them, in both formats.

interface DemoRow {
  case_number: string;
  address_text: string;
  description: string;
  lat: number | null;
  lng: number | null;
  state: string;
}
let demo: DemoRow[] = [];
/** What residents typed of their own on a case (the reopen reason), never staff's public replies. */
let residentNotes: string[] = [];

beforeAll(async () => {
  await syncUnits();
  const statements = complaintStatements();
  for (let i = 0; i < statements.length; i += 100) {
    await env.DB.batch(statements.slice(i, i + 100).map((s) => env.DB.prepare(s)));
  }
  demo = (
    await env.DB.prepare(
      "SELECT case_number, address_text, description, lat, lng, state FROM complaints WHERE case_number LIKE '%-9%'",
    ).all<DemoRow>()
  ).results;
  residentNotes = (
    await env.DB.prepare(
      "SELECT DISTINCT note FROM complaint_events WHERE actor_kind = 'reporter' AND note IS NOT NULL",
    ).all<{ note: string }>()
  ).results.map((r) => r.note);
}, 60_000);

/** Every name, phone, exact point and typed text of the demo cases found in `text`. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const r of DEMO_REPORTERS) {
    if (text.includes(r.name)) found.push(r.name);
    if (text.includes(r.phone) || text.includes(r.phone.slice(3))) found.push(r.phone);
  }
  for (const c of demo) {
    // The typed address and the resident's own sentence (the description after the category's name).
    if (text.includes(c.address_text)) found.push(c.address_text);
    const typed = c.description.split("：").pop() ?? c.description;
    if (text.includes(typed)) found.push(typed);
    for (const x of [c.lat, c.lng]) if (x !== null && text.includes(String(x))) found.push(String(x));
  }
  for (const note of residentNotes) if (text.includes(note)) found.push(note);
  // The district lies around 30.2–30.4 N, 120.1–120.3 E: more than 3 decimals is finer than 100 m.
  for (const m of text.matchAll(/\b(?:30|120)\.\d{4,}/g)) found.push(m[0]);
  return found;
}

const DAY = 86_400_000;
const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());

describe("no Open311 answer shows the demo reporters' personal data", () => {
  it("holds for every list page and every request, JSON and XML", async () => {
    expect(demo).toHaveLength(DEMO_CASES);
    const bodies: string[] = [];
    const seen = new Set<string>();
    // The seed spreads cases over about 120 days: two 90-day windows cover them all.
    const now = Date.now() + 60_000;
    for (const [from, to] of [
      [now - 90 * DAY, now],
      [now - 180 * DAY, now - 90 * DAY],
    ]) {
      for (let page = 1; ; page++) {
        const q = `start_date=${iso(from as number)}&end_date=${iso(to as number)}&page_size=200&page=${page}`;
        const json = await get(`/requests.json?${q}`);
        const xml = await get(`/requests.xml?${q}`);
        expect(json.status).toBe(200);
        expect(xml.status).toBe(200);
        const text = await json.text();
        bodies.push(text, await xml.text());
        const list = JSON.parse(text) as Open311Request[];
        for (const r of list) seen.add(r.service_request_id);
        if (list.length < 200) break;
      }
    }
    bodies.push(await (await get("/requests.json")).text(), await (await get("/requests.xml")).text());
    const published = demo.filter((c) => !["received", "not_accepted"].includes(c.state));
    expect([...seen].sort()).toEqual(published.map((c) => c.case_number).sort());
    for (const c of demo) {
      for (const f of ["json", "xml"]) {
        const res = await get(`/requests/${c.case_number}.${f}`);
        expect(res.status).toBe(seen.has(c.case_number) ? 200 : 404);
        bodies.push(await res.text());
      }
    }
    expect(leaks(bodies.join("\n"))).toEqual([]);
    // The check itself can fail: the seed's own data holds what it looks for.
    const one = demo[0] as DemoRow;
    expect(leaks(`${DEMO_REPORTERS[0]?.name} ${one.address_text} 30.123456`)).toHaveLength(3);
  }, 120_000);
});
