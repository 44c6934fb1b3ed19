import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeSweep } from "./factories";

// The tallies on each sweep row (migrations/0022's triggers) against a count of its sign-ups, after
// random writes of every kind straight to D1: inserts, status, attendance and minutes changes, a
// move to the other sweep, deletes. A write a guard trigger refuses (full, not confirmed…) must
// leave the tallies as they were, so refusals are part of the sequence too.

const STATUSES = [
  "confirmed",
  "offered",
  "waitlisted",
  "pending_consent",
  "reserved",
  "cancelled",
  "late_cancelled",
  "released",
] as const;
const ATTENDANCE = [null, "attended", "no_show"] as const;

type Op =
  | { kind: "insert"; sweep: 0 | 1; status: (typeof STATUSES)[number] }
  | { kind: "status"; pick: number; status: (typeof STATUSES)[number] }
  | { kind: "attendance"; pick: number; attendance: (typeof ATTENDANCE)[number]; minutes: number | null }
  | { kind: "move"; pick: number }
  | { kind: "delete"; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    sweep: fc.constantFrom(0 as const, 1 as const),
    status: fc.constantFrom(...STATUSES),
  }),
  fc.record({ kind: fc.constant("status" as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({
    kind: fc.constant("attendance" as const),
    pick: fc.nat(),
    attendance: fc.constantFrom(...ATTENDANCE),
    minutes: fc.option(fc.integer({ min: 0, max: 480 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant("move" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
);

const TALLIES = `SELECT confirmed_count AS confirmed, offered_count AS offered, waitlisted_count AS waitlisted,
  held_count AS held, attended_count AS attended, attended_minutes AS minutes FROM sweeps WHERE id = ?`;
const RECOUNT = `SELECT
  count(CASE WHEN status = 'confirmed' THEN 1 END) AS confirmed,
  count(CASE WHEN status = 'offered' THEN 1 END) AS offered,
  count(CASE WHEN status = 'waitlisted' THEN 1 END) AS waitlisted,
  count(CASE WHEN status IN ('pending_consent', 'reserved') THEN 1 END) AS held,
  count(CASE WHEN status = 'confirmed' AND attendance = 'attended' THEN 1 END) AS attended,
  coalesce(sum(CASE WHEN status = 'confirmed' AND attendance = 'attended' THEN minutes END), 0) AS minutes
  FROM sweep_signups WHERE sweep_id = ?`;

let person = 0;
async function apply(ids: [string, string], o: Op): Promise<boolean> {
  const rows = (
    await env.DB.prepare("SELECT id, sweep_id FROM sweep_signups WHERE sweep_id IN (?, ?) ORDER BY id")
      .bind(...ids)
      .all<{ id: number; sweep_id: string }>()
  ).results;
  const row = o.kind === "insert" ? undefined : rows[o.pick % Math.max(rows.length, 1)];
  if (o.kind !== "insert" && !row) return false;
  const now = new Date().toISOString();
  try {
    if (o.kind === "insert") {
      const n = ++person;
      await env.DB.prepare(
        `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
          created_at, updated_at) VALUES (?, ?, ?, '测试', '13900000000', '测试学校', '2004-05', ?, ?, ?)`,
      )
        .bind(
          ids[o.sweep],
          `tally-${crypto.randomUUID()}`,
          `tally-person-${n}-${crypto.randomUUID()}`,
          o.status,
          now,
          now,
        )
        .run();
    } else if (o.kind === "status") {
      await env.DB.prepare("UPDATE sweep_signups SET status = ? WHERE id = ?").bind(o.status, row?.id).run();
    } else if (o.kind === "attendance") {
      await env.DB.prepare("UPDATE sweep_signups SET attendance = ?, minutes = ? WHERE id = ?")
        .bind(o.attendance, o.minutes, row?.id)
        .run();
    } else if (o.kind === "move") {
      const other = row?.sweep_id === ids[0] ? ids[1] : ids[0];
      await env.DB.prepare("UPDATE sweep_signups SET sweep_id = ? WHERE id = ?").bind(other, row?.id).run();
    } else {
      await env.DB.prepare("DELETE FROM sweep_signups WHERE id = ?").bind(row?.id).run();
    }
    return true;
  } catch {
    return false; // refused by a guard trigger: the statement, tallies included, did not happen
  }
}

describe("sweep tallies (migrations/0022)", () => {
  it("equal a count of the sign-ups after any sequence of writes, refused ones included", async () => {
    const done = { insert: 0, status: 0, attendance: 0, move: 0, delete: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        // Small capacities, so the capacity guard refuses some inserts and status changes.
        const a = await makeSweep({ capacity: 3, inHours: 48 });
        const b = await makeSweep({ capacity: 2, inHours: 48 });
        for (const o of ops) {
          if (await apply([a.id, b.id], o)) done[o.kind]++;
          else done.refused++;
        }
        for (const id of [a.id, b.id]) {
          const kept = await env.DB.prepare(TALLIES).bind(id).first();
          const counted = await env.DB.prepare(RECOUNT).bind(id).first();
          expect(kept).toEqual(counted);
        }
      }),
      { numRuns: 40 },
    );
    // Every kind of write took effect at least once, and some were refused.
    for (const n of Object.values(done)) expect(n).toBeGreaterThan(0);
  });

  it("count attended minutes for confirmed sign-ups only, and move them with the sign-up", async () => {
    const a = await makeSweep();
    const b = await makeSweep({ inHours: 200 });
    const now = new Date().toISOString();
    const { meta } = await env.DB.prepare(
      `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
        created_at, updated_at) VALUES (?, ?, ?, '测试', '13900000000', '测试学校', '2004-05', 'confirmed', ?, ?)`,
    )
      .bind(a.id, `tally-${crypto.randomUUID()}`, `tally-${crypto.randomUUID()}`, now, now)
      .run();
    const id = meta.last_row_id;
    await env.DB.prepare("UPDATE sweep_signups SET attendance = 'attended', minutes = 150 WHERE id = ?").bind(id).run();
    const tally = (sweep: string) =>
      env.DB.prepare(TALLIES).bind(sweep).first<{ confirmed: number; attended: number; minutes: number }>();
    expect(await tally(a.id)).toMatchObject({ confirmed: 1, attended: 1, minutes: 150 });
    await env.DB.prepare("UPDATE sweep_signups SET sweep_id = ? WHERE id = ?").bind(b.id, id).run();
    expect(await tally(a.id)).toMatchObject({ confirmed: 0, attended: 0, minutes: 0 });
    expect(await tally(b.id)).toMatchObject({ confirmed: 1, attended: 1, minutes: 150 });
    await env.DB.prepare("UPDATE sweep_signups SET minutes = 90 WHERE id = ?").bind(id).run();
    expect(await tally(b.id)).toMatchObject({ attended: 1, minutes: 90 });
  });
});
