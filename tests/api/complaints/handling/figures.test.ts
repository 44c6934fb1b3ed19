import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Figures } from "../../../../src/shared/complaints/console-wire";
import type { MonthFigures } from "../../../../src/shared/complaints/wire";
import { addDays, chinaDay } from "../../../../src/shared/time";
import { call } from "../../staff/factories";
import { act, makeCase, session } from "./factories";

// China time (UTC+8) throughout: a case counts on the China-time day its metric is dated by.
const cst = (s: string) => new Date(`${s}+08:00`).toISOString();

/**
 * Seven cases around October 2026, their outcomes chosen so each rate has a known value:
 *   A  received 10-05, decided in 20 min, due 10-07, handled 10-06, closed fixed 10-06, rated 满意 10-06
 *   B  received 10-10, decided in 45 min (late), due 10-12, handled 10-12, reopened once, closed 10-13 (late), 不满意 10-13
 *   C  received 10-15, not accepted in 15 min
 *   D  received 10-20, accepted in 5 min, due 10-25, still in progress
 *   E  received 10-31 23:30, not yet looked at
 *   F  received 09-28 (September), due 10-02, handled 10-01, closed not fixed 10-01, 基本满意 10-02
 *   G  received 11-01 00:10 China time, which is still 10-31 in UTC: November, not October
 * October, by hand:
 *   received A B C D E = 5; decided within the limit A C D = 3 → 响应率 60%; filed A B D = 3 → 立案率 60%
 *   due in October A B D F = 4; closed A B F = 3 → 结案率 75%; closed by the deadline A F = 2 → 按期结案率 50%
 *   handled in October A B F = 3; reworked B = 1 → 返工率 1/3; rated A B F = 3; 满意 or 基本满意 A F → 满意率 2/3
 */
async function october(units: { u1: string; u2: string }) {
  const base = { categoryId: "E0102" };
  await makeCase({
    ...base,
    unitId: units.u1,
    state: "closed_fixed",
    receivedAt: cst("2026-10-05T10:00:00"),
    acceptDueAt: cst("2026-10-05T10:30:00"),
    respondedAt: cst("2026-10-05T10:20:00"),
    acceptedAt: cst("2026-10-05T10:20:00"),
    dueAt: cst("2026-10-07T10:00:00"),
    handledAt: cst("2026-10-06T09:00:00"),
    closedAt: cst("2026-10-06T15:00:00"),
    rating: "satisfied",
    ratedAt: cst("2026-10-06T18:00:00"),
  });
  await makeCase({
    ...base,
    unitId: units.u1,
    state: "closed_fixed",
    receivedAt: cst("2026-10-10T08:00:00"),
    acceptDueAt: cst("2026-10-10T08:30:00"),
    respondedAt: cst("2026-10-10T08:45:00"),
    acceptedAt: cst("2026-10-10T08:45:00"),
    dueAt: cst("2026-10-12T12:00:00"),
    handledAt: cst("2026-10-12T11:00:00"),
    reworkCount: 1,
    closedAt: cst("2026-10-13T10:00:00"),
    rating: "dissatisfied",
    ratedAt: cst("2026-10-13T20:00:00"),
  });
  await makeCase({
    categoryId: "C0118",
    unitId: units.u1,
    state: "not_accepted",
    receivedAt: cst("2026-10-15T09:00:00"),
    acceptDueAt: cst("2026-10-15T09:30:00"),
    respondedAt: cst("2026-10-15T09:15:00"),
    acceptedAt: null,
    closedAt: cst("2026-10-15T09:15:00"),
  });
  await makeCase({
    categoryId: "C0118",
    unitId: units.u2,
    state: "in_progress",
    receivedAt: cst("2026-10-20T14:00:00"),
    acceptDueAt: cst("2026-10-20T14:30:00"),
    respondedAt: cst("2026-10-20T14:05:00"),
    acceptedAt: cst("2026-10-20T14:05:00"),
    dueAt: cst("2026-10-25T14:00:00"),
  });
  await makeCase({
    ...base,
    unitId: units.u2,
    state: "received",
    receivedAt: cst("2026-10-31T23:30:00"),
    acceptDueAt: cst("2026-11-01T00:00:00"),
    respondedAt: null,
    acceptedAt: null,
  });
  await makeCase({
    ...base,
    unitId: units.u2,
    state: "closed_not_fixed",
    receivedAt: cst("2026-09-28T10:00:00"),
    acceptDueAt: cst("2026-09-28T10:30:00"),
    respondedAt: cst("2026-09-28T10:10:00"),
    acceptedAt: cst("2026-09-28T10:10:00"),
    dueAt: cst("2026-10-02T10:00:00"),
    handledAt: cst("2026-10-01T09:00:00"),
    closedAt: cst("2026-10-01T16:00:00"),
    rating: "basically_satisfied",
    ratedAt: cst("2026-10-02T09:00:00"),
  });
  await makeCase({
    ...base,
    unitId: units.u2,
    state: "received",
    receivedAt: cst("2026-11-01T00:10:00"),
    acceptDueAt: cst("2026-11-01T00:40:00"),
    respondedAt: null,
    acceptedAt: null,
  });
}

describe("the published figures", () => {
  it("match hand-computed values for a month, bureau-wide, per unit and per category", async () => {
    const viewer = await session("viewer");
    const [u1, u2] = [(await session("unit_handler")).staff.unitId, (await session("unit_handler")).staff.unitId];
    await october({ u1: u1 as string, u2: u2 as string });
    const res = await call("/api/staff/figures?from=2026-10-01&to=2026-10-31&by=unit", { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    const byUnit = (await res.json()) as Figures;
    expect(byUnit.total.counts).toEqual({
      received: 5,
      responded_on_time: 3,
      filed: 3,
      due: 4,
      closed: 3,
      closed_on_time: 2,
      handled: 3,
      reworked: 1,
      rated: 3,
      satisfied: 2,
    });
    expect(byUnit.total.rates).toEqual({
      response: 0.6,
      filing: 0.6,
      closure: 0.75,
      on_time_closure: 0.5,
      rework: 1 / 3,
      satisfaction: 2 / 3,
    });
    // Unit 1 holds A, B, C: received 3, decided in time 2 (A, C), filed 2, due 2, closed 2, on time 1.
    const one = byUnit.rows.find((r) => r.id === u1);
    expect(one?.counts).toMatchObject({
      received: 3,
      responded_on_time: 2,
      filed: 2,
      due: 2,
      closed: 2,
      closed_on_time: 1,
    });
    expect(one?.rates).toMatchObject({ response: 2 / 3, closure: 1, on_time_closure: 0.5, rework: 0.5 });

    const byCategory = (await (
      await call("/api/staff/figures?from=2026-10-01&to=2026-10-31&by=category", { cookie: viewer.cookie })
    ).json()) as Figures;
    expect(byCategory.total.counts).toEqual(byUnit.total.counts);
    expect(byCategory.rows.find((r) => r.id === "C0118")?.counts).toMatchObject({ received: 2, filed: 1, due: 1 });

    // The public page's month: the same bureau-wide figures and a per-unit table, no staff session.
    const pub = await exports.default.fetch("http://portal.test/api/complaints/figures?month=2026-10");
    const body = (await pub.json()) as MonthFigures;
    expect(body.month).toBe("2026-10");
    expect(body.total.rates.response).toBe(0.6);
    expect(body.units.map((u) => u.id).sort()).toEqual([u1, u2].sort());
  });

  it("follow the workflow as it happens: a case accepted at once counts as received, responded and filed", async () => {
    const c = await makeCase({ receivedAt: new Date(Date.now() - 60_000).toISOString() });
    const { cookie } = await session("dispatcher");
    const before = await todays(cookie);
    expect((await act(cookie, c.id, "accept", { version: c.version })).status).toBe(200);
    const after = await todays(cookie);
    expect(after.responded_on_time - before.responded_on_time).toBe(1);
    expect(after.filed - before.filed).toBe(1);
    expect(after.received).toBe(before.received);
  });

  it("refuse a period that is backwards or longer than a year, naming the field", async () => {
    const { cookie } = await session("viewer");
    const res = await call("/api/staff/figures?from=2026-10-31&to=2026-10-01", { cookie });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe("#/to");
    expect((await call("/api/staff/figures?from=2024-01-01&to=2026-10-01", { cookie })).status).toBe(422);
    expect((await exports.default.fetch("http://portal.test/api/complaints/figures?month=2026-13")).status).toBe(422);
  });
});

/**
 * The counts of yesterday and today (China time): a case received a minute ago and accepted now
 * may straddle midnight (CI once ran this at 00:00 China time), and both days are in the window.
 */
async function todays(cookie: string) {
  const day = chinaDay();
  const res = await call(`/api/staff/figures?from=${addDays(day, -1)}&to=${day}`, { cookie });
  return ((await res.json()) as Figures).total.counts;
}
