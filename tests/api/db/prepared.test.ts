import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../functions/db/client";
import { publicCases, publicCasesOf } from "../../../functions/db/complaints/index";
import { prepared, preparedByKey, readTogether } from "../../../functions/db/prepared";
import { openSweeps, openSweepsBetween, publicSweepById, publicSweepOf } from "../../../functions/db/sweeps/index";
import { makeSweep } from "../sweeps/factories";

// Compiled reads (functions/db/prepared.ts) must answer exactly what the builders they are compiled
// from answer, alone and together in one round trip, and be compiled once per database and key.

const FAR = "2099-01-01T00:00:00.000Z";

describe("compiled reads", () => {
  it("answer as their builder does, alone and read together in one batch", async () => {
    const db = createDb(env.DB);
    const a = await makeSweep({ inHours: 48 });
    const b = await makeSweep({ inHours: 60, capacity: 25 });
    const start = new Date().toISOString();
    const built = await openSweepsBetween(db, start, FAR).all();
    const compiled = await openSweeps(db).all({ start, end: FAR });
    expect(compiled).toEqual(built);
    expect(compiled.map((r) => r.sweep.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    const [list, one, other] = await readTogether(db, [
      [openSweeps(db), { start, end: FAR }],
      [publicSweepOf(db), { id: b.id }],
      [publicSweepOf(db), { id: a.id }],
    ]);
    const [batched, byId] = await db.batch([openSweepsBetween(db, start, FAR), publicSweepById(db, b.id)]);
    expect(list).toEqual(batched);
    expect(one).toEqual(byId);
    expect(one[0]?.sweep.capacity).toBe(25);
    expect(other[0]?.sweep.id).toBe(a.id);
  });

  it("are compiled once per database, and once per key", () => {
    const db = createDb(env.DB);
    let builds = 0;
    const read = prepared((d) => {
      builds++;
      return publicSweepById(d, sql.placeholder("id"));
    });
    expect(read(db)).toBe(read(db));
    expect(builds).toBe(1);
    const other = createDb(env.DB);
    expect(read(other)).not.toBe(read(db));
    expect(builds).toBe(2);

    const keyed = preparedByKey((d, key) => publicCases(d, { state: key === "open" ? "open" : undefined, limit: 5 }));
    expect(keyed(db, "open")).toBe(keyed(db, "open"));
    expect(keyed(db, "open")).not.toBe(keyed(db, ""));
    expect(keyed(db, "open").getQuery().sql).not.toBe(keyed(db, "").getQuery().sql);
  });

  it("refuse a missing placeholder value instead of reading with none", async () => {
    const db = createDb(env.DB);
    await expect(openSweeps(db).all({ start: new Date().toISOString() })).rejects.toThrow(/end/);
  });
});

describe("the public list of cases", () => {
  // A public read must not even fetch what a public view may not show (the resident's words,
  // name, phone and exact point), so nothing public can be computed from it.
  it("selects none of a case's private columns, in any of its shapes", () => {
    const db = createDb(env.DB);
    for (const shape of ["", "open", "closed", "+before", "open+before", "closed+before"]) {
      const text = publicCasesOf(db, shape).getQuery().sql;
      expect(text).toContain('"case_number"');
      for (const column of ["reporter_name", "reporter_phone", "description", "address_text", "tracking_hash"]) {
        expect(text).not.toContain(`"${column}"`);
      }
      expect(text).not.toMatch(/"(lat|lng)"/);
    }
  });
});
