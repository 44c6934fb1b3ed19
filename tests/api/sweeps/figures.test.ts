import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { COMMUNITIES } from "../../../src/shared/geo";
import type { Role } from "../../../src/shared/staff/roles";
import type {
  SweepCoverage,
  SweepFigures,
  SweepList,
  SweepTargetList,
  SweepTargetsResult,
} from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { call, makeStaff, signIn } from "../staff/factories";
import { makeSweep, signUpOk } from "./factories";

const asRole = async (role: Role) => signIn((await makeStaff(role)).email);
const [A, B, C] = COMMUNITIES.map((c) => c.id) as [string, string, string];
const DAY_HOURS = 24;
let seq = 0;

/** A sign-up row written straight to D1, as the day's pages leave it (attendance, minutes). */
async function addSignup(
  sweep: { id: string; startsAt: string },
  o: { status?: string; attendance?: "attended" | "no_show"; minutes?: number; organisation?: string; person?: string },
) {
  const n = ++seq;
  const created = new Date(Date.parse(sweep.startsAt) - 86_400_000).toISOString();
  await env.DB.prepare(
    `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
       attendance, minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '2001-03', ?, ?, ?, ?, ?)`,
  )
    .bind(
      sweep.id,
      `figures-hash-${n}-${crypto.randomUUID()}`,
      o.person ?? `figures-person-${n}-${crypto.randomUUID()}`,
      `秘名${n}号`,
      `1370000${String(1000 + n).slice(-4)}`,
      o.organisation ?? "青溪大学",
      o.status ?? "confirmed",
      o.attendance ?? null,
      o.minutes ?? null,
      created,
      created,
    )
    .run();
}

const put = (cookie: string, body: unknown) => call("/api/staff/sweeps/targets", { method: "PUT", cookie, body });
const auditCount = async () =>
  (
    await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sweep.targets_set'").first<{
      n: number;
    }>()
  )?.n ?? 0;

describe("community targets", () => {
  it("are set per period by a coordinator, read back, replaced as a whole, and audited", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const from = addDays(chinaDay(), 500);
    const to = addDays(from, 27);
    const before = await auditCount();
    const first = await put(cookie, {
      from,
      to,
      kind: "places",
      targets: [
        { communityId: A, target: 40 },
        { communityId: B, target: 20 },
      ],
    });
    expect(first.status).toBe(200);
    const { period } = (await first.json()) as SweepTargetsResult;
    expect(period).toMatchObject({ periodStart: from, periodEnd: addDays(to, 1), kind: "places" });
    expect(period.targets.map((t) => [t.communityId, t.target]).sort()).toEqual(
      [
        [A, 40],
        [B, 20],
      ].sort(),
    );

    // A second PUT replaces the period's targets: B's row goes.
    expect((await put(cookie, { from, to, kind: "hours", targets: [{ communityId: A, target: 90 }] })).status).toBe(
      200,
    );
    const list = (await (
      await call(`/api/staff/sweeps/targets?from=${from}&to=${to}`, { cookie })
    ).json()) as SweepTargetList;
    expect(list.periods).toHaveLength(1);
    expect(list.periods[0]).toMatchObject({ kind: "hours", targets: [{ communityId: A, target: 90 }] });
    expect(await auditCount()).toBe(before + 2);
  });

  it("splits a total in equal shares over all communities", async () => {
    const cookie = await asRole("admin");
    const from = addDays(chinaDay(), 560);
    const res = await put(cookie, { from, to: addDays(from, 6), kind: "places", total: COMMUNITIES.length * 15 });
    expect(res.status).toBe(200);
    const { period } = (await res.json()) as SweepTargetsResult;
    expect(period.targets).toHaveLength(COMMUNITIES.length);
    expect(period.targets.every((t) => t.target === 15)).toBe(true);
  });

  it("refuses a period overlapping another one's (409), both a list and a total (422), writing nothing", async () => {
    const cookie = await asRole("admin");
    const from = addDays(chinaDay(), 600);
    expect((await put(cookie, { from, to: addDays(from, 9), kind: "places", total: 120 })).status).toBe(200);
    const before = await auditCount();
    const clash = await put(cookie, { from: addDays(from, 5), to: addDays(from, 20), kind: "places", total: 120 });
    expect(clash.status).toBe(409);
    expect(await clash.text()).toMatch(/重叠/);
    const both = await put(cookie, {
      from: addDays(from, 30),
      to: addDays(from, 40),
      kind: "places",
      total: 10,
      targets: [{ communityId: A, target: 1 }],
    });
    expect(both.status).toBe(422);
    const bad = await put(cookie, { from: addDays(from, 30), to: addDays(from, 40), kind: "places", targets: [] });
    expect(bad.status).toBe(200);
    expect(await auditCount()).toBe(before + 1);
  });

  it("are read by a viewer but set only with sweeps:manage; figures are refused to a role without sweeps:figures", async () => {
    const viewer = await asRole("viewer");
    const from = addDays(chinaDay(), 640);
    expect((await call(`/api/staff/sweeps/targets?from=${from}&to=${from}`, { cookie: viewer })).status).toBe(200);
    expect((await call(`/api/staff/sweeps/figures?from=${from}&to=${from}`, { cookie: viewer })).status).toBe(200);
    expect((await put(viewer, { from, to: from, kind: "places", total: 12 })).status).toBe(403);
    const dispatcher = await asRole("dispatcher");
    expect((await call(`/api/staff/sweeps/figures?from=${from}&to=${from}`, { cookie: dispatcher })).status).toBe(403);
    expect((await call(`/api/staff/sweeps/targets?from=${from}&to=${from}`, { cookie: dispatcher })).status).toBe(403);
    expect((await call(`/api/staff/sweeps/figures?from=${from}&to=${from}`)).status).toBe(401);
  });
});

describe("staff figures of the sweeps", () => {
  it("count volunteers, attendance, hours, no-shows and late cancels by community, school and month, never a name", async () => {
    // Past sweeps of a period of their own, about 400 days ago.
    const a = await makeSweep({ communityId: A, capacity: 10, inHours: -400 * DAY_HOURS, hours: 3 });
    const b = await makeSweep({ communityId: B, capacity: 10, inHours: -400 * DAY_HOURS + 24, hours: 3 });
    const twice = `figures-twice-${crypto.randomUUID()}`;
    await addSignup(a, { attendance: "attended", minutes: 120, organisation: "青溪一中", person: twice });
    await addSignup(a, { attendance: "attended", minutes: 90, organisation: "青溪一中" });
    await addSignup(a, { attendance: "no_show", organisation: "青溪一中" });
    await addSignup(a, { status: "late_cancelled", organisation: "小机构" });
    await addSignup(a, { status: "cancelled" });
    await addSignup(a, { status: "waitlisted" });
    for (let i = 0; i < 3; i++) {
      await addSignup(b, { attendance: "attended", minutes: 60, person: i === 0 ? twice : undefined });
    }
    const from = addDays(chinaDay(new Date(a.startsAt)), -1);
    const to = addDays(from, 5);
    const cookie = await asRole("volunteer_coordinator");
    expect((await put(cookie, { from, to, kind: "places", targets: [{ communityId: A, target: 4 }] })).status).toBe(
      200,
    );

    const res = await call(`/api/staff/sweeps/figures?from=${from}&to=${to}`, { cookie });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/秘名|1370000/);
    const f = JSON.parse(text) as SweepFigures;
    // Places taken: 3 in a (attended, attended, no-show) + 3 in b; one person in both.
    expect(f.totals).toMatchObject({
      sweeps: 2,
      volunteers: 5,
      signups: 6,
      attended: 5,
      noShows: 1,
      hours: 6.5,
      lateCancels: 1,
      noShowRate: 0.17,
      lateCancelRate: 0.13,
    });
    const community = new Map(f.byCommunity.map((r) => [r.key, r]));
    expect(community.get(A)).toMatchObject({ volunteers: 3, signups: 3, attended: 2, noShows: 1, hours: 3.5 });
    expect(community.get(B)).toMatchObject({ volunteers: 3, attended: 3, hours: 3 });
    // 青溪一中 (3 persons) is named; 青溪大学 (3) too; 小机构 has none taking a place: 其他.
    const orgs = new Map(f.byOrganisation.map((r) => [r.key, r]));
    expect(orgs.get("青溪一中")).toMatchObject({ volunteers: 3, attended: 2 });
    expect(orgs.get("青溪大学")).toMatchObject({ volunteers: 3, attended: 3 });
    expect(orgs.has("小机构")).toBe(false);
    expect(orgs.get("其他")).toMatchObject({ volunteers: 0, signups: 0 });
    expect(f.byMonth.reduce((n, r) => n + r.attended, 0)).toBe(5);
    // Past sweeps count who came: a 2 of a target of 4, b 3 of its 10 places (no target: its own places).
    const cov = new Map(f.coverage.map((r) => [r.communityId, r]));
    expect(cov.get(A)).toMatchObject({ attended: 2, target: 4, targetSet: true, ratio: 0.5 });
    expect(cov.get(B)).toMatchObject({ attended: 3, target: 10, targetSet: false, ratio: 0.3 });
    expect(cov.get(C)).toMatchObject({ ratio: null, target: null });
    expect(f.balance).toBe(0.25);
    // The light coverage read says the same.
    const light = await call(`/api/staff/sweeps/coverage?from=${from}&to=${to}`, { cookie });
    expect(light.status).toBe(200);
    expect((await light.json()) as SweepCoverage).toEqual({ from, to, coverage: f.coverage, balance: 0.25 });
  });
});

describe("the public list with targets", () => {
  it("ranks the communities against their staff targets, not only their places", async () => {
    const inHours = 24 * 70;
    const a = await makeSweep({ communityId: A, capacity: 10, inHours });
    const b = await makeSweep({ communityId: B, capacity: 10, inHours: inHours + 1 });
    for (let i = 0; i < 2; i++) await signUpOk(a.id);
    for (let i = 0; i < 4; i++) await signUpOk(b.id);
    const day = chinaDay(new Date(a.startsAt));
    const from = addDays(day, -1);
    const to = addDays(day, 1);
    const list = async () => (await (await call(`/api/sweeps?from=${from}&to=${to}`)).json()) as SweepList;
    // By places alone, a (2 of 10) needs help more than b (4 of 10).
    expect((await list()).sweeps.map((s) => s.id)).toEqual([a.id, b.id]);
    // Staff expect only 4 in a: a is at half its target, b still at 0.4 of its places.
    const cookie = await asRole("volunteer_coordinator");
    expect((await put(cookie, { from, to, kind: "places", targets: [{ communityId: A, target: 4 }] })).status).toBe(
      200,
    );
    const after = await list();
    expect(after.sweeps.map((s) => [s.id, s.mostNeeded])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    expect(after.coverage.find((x) => x.communityId === A)).toMatchObject({ taken: 2, target: 4, targetSet: true });
  });
});
