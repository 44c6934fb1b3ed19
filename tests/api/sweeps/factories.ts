import { env, exports } from "cloudflare:workers";
import { newSweepId } from "../../../functions/lib/sweeps/plan";
import { COMMUNITIES } from "../../../src/shared/geo";
import type { SignupResult } from "../../../src/shared/sweeps/wire";

export const ORIGIN = "http://portal.test";
const HOUR = 3_600_000;
let seq = 0;

export interface SweepOptions {
  communityId?: string;
  capacity?: number;
  waitlistLimit?: number;
  minAge?: number;
  /** Hours from now to the start. */
  inHours?: number;
  hours?: number;
  state?: "open" | "draft" | "cancelled";
  cutoffHours?: number;
}

/** A sweep written straight to D1 (the staff API has its own tests). */
export async function makeSweep(o: SweepOptions = {}) {
  const id = newSweepId();
  const now = Date.now();
  const startsAt = new Date(now + (o.inHours ?? 72) * HOUR).toISOString();
  const endsAt = new Date(now + ((o.inHours ?? 72) + (o.hours ?? 3)) * HOUR).toISOString();
  const cutoff = new Date(now + ((o.inHours ?? 72) - (o.cutoffHours ?? 24)) * HOUR).toISOString();
  await env.DB.prepare(
    `INSERT INTO sweeps (id, title, community_id, starts_at, ends_at, meeting_point, lat, lng, capacity, waitlist_limit,
      min_age, organiser, leader_contact, insurance_ref, state, cancel_cutoff_at, created_at, updated_at)
     VALUES (?, '周六清扫', ?, ?, ?, '社区工作站门口', 30.1, 120.1, ?, ?, ?, '临河中队 · 青溪区团委', '李队长 0571-8888 0000',
      'PICC-2026-001', ?, ?, ?, ?)`,
  )
    .bind(
      id,
      o.communityId ?? COMMUNITIES[0]?.id ?? "",
      startsAt,
      endsAt,
      o.capacity ?? 10,
      o.waitlistLimit ?? 50,
      o.minAge ?? 16,
      o.state ?? "open",
      cutoff,
      new Date(now).toISOString(),
      new Date(now).toISOString(),
    )
    .run();
  return { id, startsAt, endsAt };
}

/** A fresh mobile number per call. */
export const newPhone = () => `139${String(10_000_000 + ((++seq * 7919) % 89_999_999)).padStart(8, "0")}`;
export const newIp = () => `203.0.113.${(++seq % 250) + 1}`;
export const newKey = () => crypto.randomUUID();

export function validSignup(over: Record<string, unknown> = {}) {
  return {
    name: "王小明",
    phone: newPhone(),
    organisation: "青溪大学",
    birthMonth: "2000-05",
    consent: true,
    ...over,
  };
}

/** Community `i`'s meeting point, as the staff console sends a sweep's place. */
export function staffPlace(i: number) {
  const c = COMMUNITIES[i];
  if (!c) throw new Error("no community");
  return { communityId: c.id, meetingPoint: `${c.name}社区工作站门口`, lat: 30.2, lng: 120.2 };
}

/**
 * A sweep's fields as the staff console sends them: a plan adds `firstDay`, `weeks` and `places`,
 * an edit a place (staffPlace), the `day` and the `version`.
 */
export function staffSweepFields(over: Record<string, unknown> = {}) {
  return {
    title: "周六上午志愿清扫",
    startTime: "08:30",
    endTime: "11:00",
    capacity: 20,
    waitlistLimit: 10,
    minAge: 16,
    guardianPresentBelow: null,
    organiser: "临河中队 · 青溪区团委",
    leaderContact: "李队长 0571-8888 0000",
    whatToBring: "手套、水杯",
    insuranceRef: "PICC-2026-118",
    cancelCutoffHours: 24,
    open: true,
    ...over,
  };
}

export function signUp(sweepId: string, body: unknown, { key = newKey(), ip = newIp() } = {}) {
  return exports.default.fetch(`${ORIGIN}/api/sweeps/${sweepId}/signups`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip, "idempotency-key": key },
    body: JSON.stringify(body),
  });
}

export async function signUpOk(sweepId: string, over: Record<string, unknown> = {}) {
  const res = await signUp(sweepId, validSignup(over));
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as SignupResult;
}

export function manage(token: string, method = "GET", path = "") {
  return exports.default.fetch(`${ORIGIN}/api/sweeps/manage${path}`, {
    method,
    headers: { "x-manage-token": token, "cf-connecting-ip": newIp() },
  });
}

export async function statuses(sweepId: string) {
  const { results } = await env.DB.prepare("SELECT id, status FROM sweep_signups WHERE sweep_id = ? ORDER BY id")
    .bind(sweepId)
    .all<{ id: number; status: string }>();
  return results;
}

export async function rowCounts() {
  const n = async (t: string) =>
    (await env.DB.prepare(`SELECT count(*) AS n FROM ${t}`).first<{ n: number }>())?.n ?? 0;
  return {
    signups: await n("sweep_signups"),
    messages: await n("sweep_messages"),
    keys: await n("sweep_idempotency_keys"),
  };
}
