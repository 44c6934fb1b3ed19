import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fileOk, ORIGIN, tableCounts } from "../complaints/factories";
import { BASE, setCase } from "./kit";

// GET only (POST requests is fuzzed with its key in its own suite): a fifth of the fuzz runs, at
// least 1,000 requests (2,000 under `npm test`'s 10,000).
const RUNS = Math.max(1000, Math.round(inject("fuzzRuns") / 5));
// 1,000 requests took about 6 s here: ten times that per request, plus 30 s.
const TIMEOUT = 30_000 + RUNS * 60;
const BATCH = 10;

let known: string[] = [];
beforeAll(async () => {
  const a = await fileOk();
  const b = await fileOk({ categoryId: "C0118" });
  await setCase(a.caseNumber, { state: "dispatched", due_at: new Date(Date.now() + 86_400_000).toISOString() });
  await setCase(b.caseNumber, { state: "closed_fixed", closed_at: new Date().toISOString() });
  known = [a.caseNumber, b.caseNumber];
});

const suffix = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(".json", ".xml") },
  { weight: 1, arbitrary: fc.constantFrom("", ".JSON", ".xml.json", ".csv", ".", ".json/", ".xml?") },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => `.${encodeURIComponent(s)}`) },
);
const word = fc.oneof(
  fc.constantFrom("E0101", "C0118", "other", "X9999", "261201-0001", "261201 - 0001", "", "..", "%00", "%zz"),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constant("KNOWN"),
);
const resource = fc.oneof(
  fc.constantFrom("discovery", "services", "requests"),
  word.map((w) => `services/${w}`),
  word.map((w) => `requests/${w}`),
  word.map((w) => `tokens/${w}`),
  word,
);
const dateValue = fc.oneof(
  fc
    .date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom("2026-12-01T00:00:00+08:00", "2026-12-01T00:00:00 08:00", "2026-12-01", "now", "2026-13-45T99:99Z"),
  fc.string({ maxLength: 25 }),
);
const paramValue = fc.oneof(
  word,
  dateValue.map(encodeURIComponent),
  fc.constantFrom("open", "closed", "open,closed", "open,,closed", "1", "0", "-1", "200", "201", "99999", "1e3"),
  fc.array(word, { maxLength: 5 }).map((ws) => ws.join(",")),
  fc.string({ maxLength: 60 }),
);
const paramName = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      "service_request_id",
      "service_code",
      "start_date",
      "end_date",
      "status",
      "page",
      "page_size",
      "jurisdiction_id",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map(encodeURIComponent) },
);
const query = fc
  .array(fc.tuple(paramName, paramValue), { maxLength: 5 })
  .map((ps) => (ps.length === 0 ? "" : `?${ps.map(([k, v]) => `${k}=${v}`).join("&")}`));
const path = fc.tuple(resource, suffix, query).map(([r, s, q]) => `${BASE}/${r}${s}${q}`);

/** One fuzzed GET: 200, 400 or 404, in a format it declares and that parses. */
async function check(p: string) {
  const url = `${ORIGIN}${p.replaceAll("KNOWN", known[p.length % known.length] ?? "")}`;
  const res = await exports.default.fetch(url);
  const type = res.headers.get("content-type");
  const body = await res.text();
  const where = `${url} → ${res.status} ${type} ${body.slice(0, 200)}`;
  if (![200, 400, 404].includes(res.status)) throw new Error(where);
  if (type === "application/json; charset=utf-8") {
    const parsed = JSON.parse(body) as unknown;
    if (res.status !== 200 && !(Array.isArray(parsed) && parsed[0]?.code === res.status)) throw new Error(where);
  } else if (type === "text/xml; charset=utf-8") {
    if (XMLValidator.validate(body) !== true) throw new Error(where);
    if (res.status !== 200 && !body.includes(`<errors><error><code>${res.status}</code>`)) throw new Error(where);
  } else {
    throw new Error(where);
  }
}

describe("fuzzed Open311 reads", () => {
  it(
    `answers ${RUNS} malformed and random GETs with 200, 400 or 404 only, well-formed, writing nothing`,
    async () => {
      const before = await tableCounts();
      await fc.assert(
        fc.asyncProperty(fc.array(path, { minLength: BATCH, maxLength: BATCH }), (batch) =>
          Promise.all(batch.map(check)).then(() => undefined),
        ),
        { numRuns: Math.ceil(RUNS / BATCH), seed: 1311 },
      );
      expect(await tableCounts()).toEqual(before);
    },
    TIMEOUT,
  );
});
