import { env, exports } from "cloudflare:workers";
import { sha256Hex } from "../../../functions/lib/tokens";
import { newIp, ORIGIN, pointIn } from "../complaints/factories";
import { BASE } from "./kit";

let seq = 0;

/** A live API key straight in the table (the staff API's own tests cover issuing): the key and its row id. */
export async function makeKey(holder = "测试 App"): Promise<{ apiKey: string; id: number }> {
  const apiKey = `o311_test${crypto.randomUUID().replaceAll("-", "")}`;
  const row = await env.DB.prepare(
    "INSERT INTO open311_api_keys (holder, prefix, key_hash) VALUES (?, ?, ?) RETURNING id",
  )
    .bind(holder, apiKey.slice(0, 11), await sha256Hex(apiKey))
    .first<{ id: number }>();
  return { apiKey, id: row?.id ?? 0 };
}

/** The fields of a filing every check accepts: a point in 柳岸社区, a category, a description. */
export function validFields(apiKey: string, over: Record<string, string> = {}): Record<string, string> {
  const p = pointIn("liuan");
  return {
    api_key: apiKey,
    service_code: "E0102",
    lat: String(p.lat),
    long: String(p.lng),
    description: `路边垃圾桶满了两天没人清 #${++seq}`,
    ...over,
  };
}

export interface PostOptions {
  format?: "json" | "xml";
  ip?: string;
  headers?: Record<string, string>;
  query?: string;
}

/** POST requests.{format} form-encoded, as the spec has it. */
export function postForm(fields: Record<string, string> | URLSearchParams, o: PostOptions = {}) {
  const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
  return exports.default.fetch(`${ORIGIN}${BASE}/requests.${o.format ?? "json"}${o.query ?? ""}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "cf-connecting-ip": o.ip ?? newIp(),
      ...o.headers,
    },
    body: body.toString(),
  });
}

/** POST requests.{format} with a JSON body. */
export function postJson(body: unknown, o: PostOptions = {}) {
  return exports.default.fetch(`${ORIGIN}${BASE}/requests.${o.format ?? "json"}${o.query ?? ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": o.ip ?? newIp(), ...o.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Rows of the tables a filing writes: nothing may change when a filing is refused. */
export async function writtenRows(): Promise<Record<string, number>> {
  const tables = ["complaints", "complaint_events", "idempotency_keys", "open311_requests", "case_counters"];
  const counts = await Promise.all(
    tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM ${t}`).first<{ n: number }>()),
  );
  const used = await env.DB.prepare("SELECT count(*) AS n FROM open311_api_keys WHERE last_used_at IS NOT NULL").first<{
    n: number;
  }>();
  return { ...Object.fromEntries(tables.map((t, i) => [t, counts[i]?.n ?? -1])), keysUsed: used?.n ?? -1 };
}
