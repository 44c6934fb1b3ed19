import { env, exports } from "cloudflare:workers";
import { createDb } from "../../../functions/db/client";
import { upsertUnits } from "../../../functions/db/staff/units";
import { COMMUNITIES } from "../../../src/shared/geo";
import { contentUnits } from "../../../src/shared/units";

export const ORIGIN = "http://portal.test";
let seq = 0;

/** The centre of a community's first ring: a point that resolves to it. */
export function pointIn(communityId = COMMUNITIES[0]?.id ?? "") {
  const c = COMMUNITIES.find((x) => x.id === communityId);
  const ring = c?.rings[0];
  if (!ring) throw new Error(`no community ${communityId}`);
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
}

export function validComplaint(over: Record<string, unknown> = {}) {
  return {
    categoryId: "E0102",
    addressText: "临河路 88 号 3 单元门口",
    ...pointIn(),
    description: `垃圾堆在路边三天没人清理 #${++seq}`,
    consent: true,
    ...over,
  };
}

export const newKey = () => crypto.randomUUID();
export const newIp = () => `192.0.2.${(++seq % 250) + 1}`;

export interface FileOptions {
  key?: string | null;
  ip?: string;
  headers?: Record<string, string>;
}

/** Files as the filing island does: JSON (no photos), an Idempotency-Key, a client address. */
export function file(body: unknown, { key = newKey(), ip = newIp(), headers = {} }: FileOptions = {}) {
  return exports.default.fetch(`${ORIGIN}/api/complaints`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "cf-connecting-ip": ip,
      ...(key === null ? {} : { "idempotency-key": key }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** Files with photos as multipart: field "complaint" (JSON) and files "photos". */
export function fileWithPhotos(
  body: unknown,
  photos: { bytes: Uint8Array; name: string; type: string }[],
  opts: FileOptions = {},
) {
  const form = new FormData();
  form.append("complaint", JSON.stringify(body));
  for (const p of photos) form.append("photos", new File([p.bytes], p.name, { type: p.type }));
  return exports.default.fetch(`${ORIGIN}/api/complaints`, {
    method: "POST",
    headers: { "idempotency-key": opts.key ?? newKey(), "cf-connecting-ip": opts.ip ?? newIp(), ...opts.headers },
    body: form,
  });
}

export interface Filed {
  caseNumber: string;
  trackingToken: string;
  trackingPath: string;
  state: string;
  communityId: string;
  acceptDueAt: string;
  receivedAt: string;
}

export async function fileOk(over: Record<string, unknown> = {}): Promise<Filed> {
  const res = await file(validComplaint(over));
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Filed;
}

export function track(token: string, path = "/api/complaints/track", init: RequestInit = {}) {
  return exports.default.fetch(`${ORIGIN}${path}`, {
    ...init,
    headers: { "x-tracking-token": token, "content-type": "application/json", ...(init.headers ?? {}) },
  });
}

/** Row counts of every table a filing writes, to prove a refused request wrote nothing. */
export async function tableCounts() {
  const queries = {
    complaints: "SELECT count(*) AS n FROM complaints",
    events: "SELECT count(*) AS n FROM complaint_events",
    photos: "SELECT count(*) AS n FROM complaint_photos",
    supports: "SELECT count(*) AS n FROM complaint_supports",
    idempotency: "SELECT count(*) AS n FROM idempotency_keys",
    // Upserted counters: their sums move even when no row is added.
    dailyCounts: "SELECT total(n) AS n FROM complaint_daily_counts",
    caseCounters: "SELECT total(n) AS n FROM case_counters",
    supporters: "SELECT total(supporters) AS n FROM complaints",
  };
  const counts = {} as Record<keyof typeof queries | "r2", number>;
  for (const [name, q] of Object.entries(queries)) {
    counts[name as keyof typeof queries] = (await env.DB.prepare(q).first<{ n: number }>())?.n ?? -1;
  }
  counts.r2 = (await env.PHOTOS.list()).objects.length;
  return counts;
}

/** The units the content implies, as the seed and deploy sync them: routing names real units. */
export async function syncUnits() {
  await upsertUnits(createDb(env.DB), contentUnits()).run();
}
