import { env, exports } from "cloudflare:workers";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { app } from "../../../functions/app";
import { ORIGIN, pointIn, syncUnits, tableCounts } from "../complaints/factories";
import { makeStaff } from "../staff/factories";
import { makeKey, validFields, writtenRows } from "./filing-kit";
import { BASE } from "./kit";

// POSTs and token lookups: a fifth of the fuzz runs, at least 1,000 (2,000 under `npm test`).
const RUNS = Math.max(1000, Math.round(inject("fuzzRuns") / 5));
// 1,000 requests took about 10 s here: ten times that per request, plus 30 s.
const TIMEOUT = 30_000 + RUNS * 100;
const BATCH = 10;

/**
 * The Worker with limiters that always allow (a local rate-limit call costs ~13 ms and the fuzz is
 * about validation and writes; the limits have their own tests). One request of each batch still
 * goes through the real Worker entry and its real limiters, so 429 is an answer too.
 */
const allow = { limit: async () => ({ success: true }) };
const allowing = { ...env, COMPLAINT_LIMITER: allow, OPEN311_KEY_LIMITER: allow };

let live = "";
let revoked = "";
let token = "";
beforeAll(async () => {
  await syncUnits();
  live = (await makeKey("模糊测试")).apiKey;
  const r = await makeKey("已吊销");
  revoked = r.apiKey;
  const admin = await makeStaff("admin");
  await env.DB.prepare("UPDATE open311_api_keys SET revoked_at = ?, revoked_by = ? WHERE id = ?")
    .bind(new Date().toISOString(), admin.id, r.id)
    .run();
  const res = await exports.default.fetch(`${ORIGIN}${BASE}/requests.json`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": "192.0.2.200" },
    body: new URLSearchParams(validFields(live)).toString(),
  });
  token = ((await res.json()) as { token: string }[])[0]?.token ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
});

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "<script>alert(1)</script>", "&lt;", "a\u0000b", "\u202e反转", "null", "[]", "{}", "%00"),
);
const number = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom("30.3", "120.1", "-0", "1e3", "0x1F", "30,3", "", " 30.3 ", "Infinity"),
);
const p = pointIn("liuan");
const field = fc.oneof(
  fc.tuple(fc.constant("service_code"), fc.oneof(fc.constantFrom("E0102", "C0118", "other", "X9999"), text)),
  fc.tuple(fc.constantFrom("lat", "long"), number),
  fc.tuple(fc.constant("lat"), fc.constant(String(p.lat))),
  fc.tuple(fc.constant("long"), fc.constant(String(p.lng))),
  fc.tuple(fc.constant("address_string"), fc.oneof(fc.constantFrom("柳岸路", "湖滨文化广场", "柳岸社区柳岸路"), text)),
  fc.tuple(fc.constant("address_id"), fc.oneof(fc.constantFrom("hubin-square", "liuan-road", "nowhere"), text)),
  fc.tuple(fc.constantFrom("first_name", "last_name", "account_id", "device_id", "email", "phone"), text),
  fc.tuple(fc.constant("phone"), fc.constantFrom("13900001234", "+86 139 0000 1234", "12345")),
  fc.tuple(fc.constant("media_url"), fc.oneof(fc.constantFrom("https://a.example/x.jpg", "javascript:1"), text)),
  fc.tuple(fc.constant("jurisdiction_id"), fc.oneof(fc.constant("chengguan-portal"), text)),
  fc.tuple(fc.constant("description"), fc.oneof(text, fc.constant("很长".repeat(2001)))),
  fc.tuple(
    fc.string({ maxLength: 12 }).map((c) => `attribute[${c}]`),
    text,
  ),
  fc.tuple(fc.string({ maxLength: 12 }), text),
);
/**
 * What makes a filing with the live key fail for sure, whatever else the fuzz sends: the suite
 * checks that nothing is written, so no fuzzed request may be a valid filing.
 */
const breaker = fc.constantFrom<[string, string][]>(
  [["description", "<b>满了</b>"]],
  [["description", "短"]],
  [["service_code", "X9999"]],
  [
    ["lat", "0"],
    ["long", "0"],
  ],
  [["phone", "12345"]],
  [["media_url", "ftp://x"]],
  [["jurisdiction_id", "elsewhere"]],
  [["email", "@"]],
);
const apiKey = fc.oneof(
  fc.constant(() => live),
  fc.constant(() => revoked),
  fc.constant(() => "o311_unknown"),
  fc.constant(() => ""),
  text.map((t) => () => t),
);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("application/x-www-form-urlencoded", "application/json") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "multipart/form-data", "", "application/xml") },
);

type Fuzzed = { path: string; init: RequestInit };

const post = fc
  .record({
    fields: fc.array(field, { maxLength: 10 }),
    breaker,
    key: apiKey,
    type: contentType,
    format: fc.constantFrom("json", "xml", "JSON", "csv", ""),
    raw: fc.option(text, { freq: 8 }),
  })
  .map(({ fields, breaker, key, type, format, raw }): Fuzzed => {
    const all: [string, string][] = [["api_key", key()], ...fields, ...breaker];
    const body =
      raw ??
      (type === "application/json" ? JSON.stringify(Object.fromEntries(all)) : new URLSearchParams(all).toString());
    return {
      path: `${BASE}/requests${format ? `.${format}` : ""}`,
      init: { method: "POST", headers: type ? { "content-type": type } : {}, body },
    };
  });
const lookup = fc
  .tuple(
    fc.oneof(fc.constant("TOKEN"), fc.constant("A".repeat(22)), fc.string({ maxLength: 30 }).map(encodeURIComponent)),
    fc.constantFrom(".json", ".xml", "", ".csv"),
    fc.constantFrom("", "?jurisdiction_id=chengguan-portal", "?jurisdiction_id=x"),
  )
  .map(([t, s, q]): Fuzzed => ({ path: `${BASE}/tokens/${t}${s}${q}`, init: {} }));
const request = fc.oneof({ weight: 4, arbitrary: post }, { weight: 1, arbitrary: lookup });

let ipSeq = 0;
const seen = new Map<number, number>();
/** One fuzzed request: 400/403/404/429 (a lookup of the real token 200), in the spec's error list. */
async function check({ path, init }: Fuzzed, real: boolean) {
  const url = `${ORIGIN}${path.replace("TOKEN", token)}`;
  const n = ++ipSeq;
  const req = new Request(url, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), "cf-connecting-ip": `10.9.${(n >> 8) & 255}.${n & 255}` },
  });
  const res = real ? await exports.default.fetch(req) : await app.fetch(req, allowing);
  seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
  const type = res.headers.get("content-type");
  const body = await res.text();
  const where = `${init.method ?? "GET"} ${url} ${String(init.body ?? "").slice(0, 200)} → ${res.status} ${body.slice(0, 200)}`;
  const okLookup = res.status === 200 && path.includes("TOKEN") && !init.method;
  if (!okLookup && ![400, 403, 404, 429].includes(res.status)) throw new Error(where);
  if (type === "application/json; charset=utf-8") {
    const parsed = JSON.parse(body) as { code?: number }[];
    if (!okLookup && parsed[0]?.code !== res.status) throw new Error(where);
  } else if (type === "text/xml; charset=utf-8") {
    if (XMLValidator.validate(body) !== true) throw new Error(where);
    if (!okLookup && !body.includes(`<errors><error><code>${res.status}</code>`)) throw new Error(where);
  } else throw new Error(where);
}

describe("fuzzed Open311 filings and token lookups", () => {
  it(
    `answers ${RUNS} malformed POSTs and token lookups with 400, 403, 404 or 429 only, writing nothing`,
    async () => {
      const before = { ...(await tableCounts()), ...(await writtenRows()) };
      await fc.assert(
        fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), (batch) =>
          Promise.all(batch.map((r, i) => check(r, i === 0))).then(() => undefined),
        ),
        { numRuns: Math.ceil(RUNS / BATCH), seed: 1312 },
      );
      expect({ ...(await tableCounts()), ...(await writtenRows()) }).toEqual(before);
      // The fuzz reached every check: keys refused, bodies refused, unknown tokens and jurisdictions.
      for (const status of [400, 403, 404]) expect(seen.get(status) ?? 0, `${status}`).toBeGreaterThan(RUNS / 50);
    },
    TIMEOUT,
  );
});
