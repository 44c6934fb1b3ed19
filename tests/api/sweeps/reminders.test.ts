import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../functions/index";
import { writeReminders } from "../../../functions/lib/sweeps/messages";
import { cloudflarePlatform } from "../../../functions/platform/cloudflare";
import { REMINDER_FROM_HOUR } from "../../../src/shared/sweeps/rules";
import { addDays, chinaDay, dayStart } from "../../../src/shared/time";
import { makeSweep, signUpOk } from "./factories";

// The day-before reminder: from REMINDER_FROM_HOUR China time on the day before a sweep, one
// `reminder` message per confirmed sign-up, never twice, by one statement the cron runs every
// quarter hour. The clock is the `now` handed in.

const HOUR = 3_600_000;
const batch = () => cloudflarePlatform(env).batch;

/** A sweep at 08:30 China time on `day`, with `people` signed up (the first `capacity` confirmed). */
async function sweepOn(day: string, people: number, capacity = people) {
  const s = await makeSweep({ capacity, inHours: 24 * 7 });
  const startsAt = new Date(dayStart(day).getTime() + 8.5 * HOUR).toISOString();
  const endsAt = new Date(dayStart(day).getTime() + 11 * HOUR).toISOString();
  await env.DB.prepare(
    "UPDATE sweeps SET starts_at = ?, ends_at = ?, cancel_cutoff_at = ?, version = version + 1 WHERE id = ?",
  )
    .bind(startsAt, endsAt, startsAt, s.id)
    .run();
  for (let i = 0; i < people; i++) await signUpOk(s.id);
  return s;
}

const remindersOf = async (sweepId: string) =>
  (
    await env.DB.prepare(
      `SELECT s.status, m.recipient FROM sweep_messages m JOIN sweep_signups s ON s.id = m.signup_id
       WHERE s.sweep_id = ? AND m.kind = 'reminder' ORDER BY m.id`,
    )
      .bind(sweepId)
      .all<{ status: string; recipient: string }>()
  ).results;

// Today and tomorrow in China time, as the test runs: the sweeps are in the future, so sign-ups work.
const today = chinaDay();
const tomorrow = addDays(today, 1);
const atHour = (day: string, h: number) => new Date(dayStart(day).getTime() + h * HOUR);

describe("the day-before reminder", () => {
  it("reminds each confirmed person of tomorrow's sweep once, from the stated hour; the waitlist is not reminded", async () => {
    const s = await sweepOn(addDays(tomorrow, 1), 3, 2);
    const dayBefore = tomorrow;
    // Before the hour on the day before: nothing yet.
    await writeReminders(batch(), atHour(dayBefore, REMINDER_FROM_HOUR - 1));
    expect(await remindersOf(s.id)).toEqual([]);
    // From the hour: the two confirmed, to themselves.
    await writeReminders(batch(), atHour(dayBefore, REMINDER_FROM_HOUR));
    expect(await remindersOf(s.id)).toEqual([
      { status: "confirmed", recipient: "volunteer" },
      { status: "confirmed", recipient: "volunteer" },
    ]);
    // Every later quarter hour writes nothing more.
    await writeReminders(batch(), atHour(dayBefore, REMINDER_FROM_HOUR + 0.25));
    await writeReminders(batch(), atHour(dayBefore, 23.9));
    expect(await remindersOf(s.id)).toHaveLength(2);
  });

  it("does not remind two days ahead, nor for a cancelled sweep", async () => {
    const far = await sweepOn(addDays(tomorrow, 2), 1);
    await writeReminders(batch(), atHour(tomorrow, 12));
    expect(await remindersOf(far.id)).toEqual([]);
    const cancelled = await sweepOn(addDays(tomorrow, 1), 1);
    await env.DB.prepare("UPDATE sweeps SET state = 'cancelled', version = version + 1 WHERE id = ?")
      .bind(cancelled.id)
      .run();
    await writeReminders(batch(), atHour(tomorrow, 12));
    expect(await remindersOf(cancelled.id)).toEqual([]);
  });

  it("is written by the Worker's cron", async () => {
    const s = await sweepOn(addDays(tomorrow, 1), 1);
    const ctx = createExecutionContext();
    const at = atHour(tomorrow, REMINDER_FROM_HOUR + 1).getTime();
    await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/15 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await remindersOf(s.id)).toHaveLength(1);
  });
});
