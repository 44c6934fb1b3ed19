import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { createDb } from "../../../functions/db/client";
import { sweepList } from "../../../functions/lib/sweeps/list";
import type { PublicSweep, SweepList } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { instrumentedDb } from "../instrumented-db";
import { makeSweep, manage, signUpOk } from "./factories";

// The public list keeps its rows while the sweeps' change counter stands still
// (functions/db/kept-reads.ts, migrations/0026). Each test changes what the list shows, in each of
// the ways the tables can change, and expects the very next list to show it.

type E = typeof env;
const HOUR = 3_600_000;

const listVia = async (e: E, day: string): Promise<SweepList> => {
  const res = await app.request(`/api/sweeps?from=${day}&to=${day}`, {}, e);
  expect(res.status).toBe(200);
  return (await res.json()) as SweepList;
};

/** A sweep in a day of its own (`days` ahead), listed once so its rows are kept. */
async function listedSweep(days: number, o: Parameters<typeof makeSweep>[0] = {}) {
  const s = await makeSweep({ inHours: 24 * days, ...o });
  const day = chinaDay(new Date(s.startsAt));
  const shown = (await listVia(env, day)).sweeps.find((x) => x.id === s.id);
  expect(shown).toBeDefined();
  const again = async (): Promise<PublicSweep | undefined> =>
    (await listVia(env, day)).sweeps.find((x) => x.id === s.id);
  return { ...s, day, shown: shown as PublicSweep, again };
}

describe("the public list, kept while nothing it reads changes", () => {
  it("answers a list read again with one round trip, the counter, and the same body", async () => {
    const s = await listedSweep(60);
    const probe = instrumentedDb();
    const list = await listVia(probe.env, s.day);
    expect(probe.stats.roundTrips).toBe(1);
    expect(list.sweeps.find((x) => x.id === s.id)).toEqual(s.shown);
  });

  it("shows a sweep planned since in the next list", async () => {
    const s = await listedSweep(65);
    const later = await makeSweep({ inHours: 24 * 65 });
    expect(chinaDay(new Date(later.startsAt))).toBe(s.day);
    expect((await listVia(env, s.day)).sweeps.map((x) => x.id)).toContain(later.id);
  });

  it("shows a sign-up and its cancellation in the next list", async () => {
    const s = await listedSweep(61, { capacity: 5 });
    const person = await signUpOk(s.id);
    expect(await s.again()).toMatchObject({ placesTaken: 1, placesLeft: 4 });
    expect((await manage(person.manageToken, "DELETE")).status).toBe(200);
    expect(await s.again()).toMatchObject({ placesTaken: 0, placesLeft: 5 });
  });

  it("shows a staff edit of the sweep, and drops a cancelled one, in the next list", async () => {
    const s = await listedSweep(62, { capacity: 5 });
    await env.DB.prepare("UPDATE sweeps SET capacity = 8, version = version + 1 WHERE id = ?").bind(s.id).run();
    expect(await s.again()).toMatchObject({ capacity: 8, placesLeft: 8 });
    await env.DB.prepare("UPDATE sweeps SET state = 'cancelled', version = version + 1 WHERE id = ?").bind(s.id).run();
    expect(await s.again()).toBeUndefined();
  });

  it("shows a community's new target in the next list's coverage", async () => {
    const s = await listedSweep(63);
    const community = (l: SweepList) => l.coverage.find((c) => c.communityId === s.shown.communityId);
    expect(community(await listVia(env, s.day))?.targetSet).toBe(false);
    const now = new Date().toISOString();
    await env.DB.prepare(
      `INSERT INTO sweep_targets (community_id, period_start, period_end, kind, target, created_at, updated_at)
       VALUES (?, ?, ?, 'places', 40, ?, ?)`,
    )
      .bind(s.shown.communityId, s.day, addDays(s.day, 1), now, now)
      .run();
    expect(community(await listVia(env, s.day))).toMatchObject({ targetSet: true, target: 40 });
  });

  it("drops a sweep once it has begun, with no write to tell it", async () => {
    const db = createDb(env.DB);
    const s = await makeSweep({ inHours: 24 * 64 });
    const day = chinaDay(new Date(s.startsAt));
    const before = new Date(Date.parse(s.startsAt) - HOUR);
    const after = new Date(Date.parse(s.startsAt) + HOUR);
    const ids = async (now: Date) => (await sweepList(db, { from: day, to: day }, now)).sweeps.map((x) => x.id);
    expect(await ids(before)).toContain(s.id);
    expect(await ids(after)).not.toContain(s.id);
  });
});
