import { env, exports } from "cloudflare:workers";
import { personKey } from "../../../functions/lib/person-key";
import type { LeaderLink, ManageView } from "../../../src/shared/sweeps/wire";
import { call, makeStaff, signIn } from "../staff/factories";
import { makeSweep, manage, newIp, newPhone, ORIGIN, type SweepOptions, signUpOk } from "./factories";

const HOUR = 3_600_000;

export const coordinator = async () => signIn((await makeStaff("volunteer_coordinator")).email);

/** Moves a sweep's time (as a staff edit would: the version goes up by one). Hours from now. */
export async function moveSweep(id: string, startHours: number, endHours: number) {
  const now = Date.now();
  await env.DB.prepare(
    "UPDATE sweeps SET starts_at = ?, ends_at = ?, cancel_cutoff_at = ?, version = version + 1 WHERE id = ?",
  )
    .bind(
      new Date(now + startHours * HOUR).toISOString(),
      new Date(now + endHours * HOUR).toISOString(),
      new Date(now + (startHours - 24) * HOUR).toISOString(),
      id,
    )
    .run();
}

/** A sweep with `people` confirmed sign-ups, then moved to run from `startHours` to `endHours` from now. */
export async function sweepOnTheDay(people = 2, startHours = -1, endHours = 2, o: SweepOptions = {}) {
  const sweep = await makeSweep(o);
  const signups = [];
  for (let i = 0; i < people; i++) signups.push(await signUpOk(sweep.id, { name: `志愿者${i + 1}` }));
  await moveSweep(sweep.id, startHours, endHours);
  const ids = await signupIds(sweep.id);
  return { ...sweep, signups, ids };
}

export async function signupIds(sweepId: string) {
  const { results } = await env.DB.prepare("SELECT id FROM sweep_signups WHERE sweep_id = ? ORDER BY id")
    .bind(sweepId)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

export async function leaderLink(sweepId: string, cookie?: string) {
  const res = await call(`/api/staff/sweeps/${sweepId}/leader-link`, {
    method: "POST",
    body: {},
    cookie: cookie ?? (await coordinator()),
  });
  if (res.status !== 201) throw new Error(`leader link: ${res.status} ${await res.text()}`);
  return ((await res.json()) as LeaderLink).token;
}

/** Calls the leader's API with a leader link's secret. */
export function lead(token: string, path = "", body?: unknown) {
  return exports.default.fetch(`${ORIGIN}/api/sweeps/lead${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      "x-leader-token": token,
      "cf-connecting-ip": newIp(),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function manageViewOf(manageToken: string) {
  return (await (await manage(manageToken)).json()) as ManageView;
}

export async function row(id: number) {
  return env.DB.prepare("SELECT * FROM sweep_signups WHERE id = ?").bind(id).first<Record<string, unknown>>();
}

/** `count` past sweeps at which the person with `phone` did not come. */
export async function pastNoShows(phone: string, count: number) {
  const key = await personKey(env, "sweep", phone);
  for (let i = 0; i < count; i++) {
    const sweep = await makeSweep({ inHours: -48 * (i + 1) });
    const createdAt = new Date(Date.parse(sweep.startsAt) - 24 * HOUR).toISOString();
    await env.DB.prepare(
      `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
        created_at, updated_at) VALUES (?, ?, ?, '王小明', ?, '青溪大学', '2000-05', 'confirmed', ?, ?)`,
    )
      .bind(sweep.id, crypto.randomUUID(), key, phone, createdAt, createdAt)
      .run();
    await env.DB.prepare("UPDATE sweep_signups SET attendance = 'no_show' WHERE sweep_id = ?").bind(sweep.id).run();
  }
}

export { newPhone };
