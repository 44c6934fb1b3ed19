import { BOOKING_RULES, type ServiceId } from "../../../src/shared/appointments/points";
import { noShowRestriction } from "../../../src/shared/appointments/rules";
import type { Booking } from "../../../src/shared/appointments/schemas";
import { parseSlotId, type Slot } from "../../../src/shared/appointments/slots";
import type { BookingResult } from "../../../src/shared/appointments/wire";
import { chinaDay, formatDateZh } from "../../../src/shared/time";
import { bookBatch } from "../../db/appointments/bookings";
import type { ClosureRow, TemplateRow } from "../../db/appointments/calendar";
import { appointmentByManageHash, findAppointmentIdempotency, noShowsOf } from "../../db/appointments/index";
import type { Db } from "../../db/client";
import { readTogether } from "../../db/prepared";
import { Recent } from "../../db/recent";
import type { BatchRunner } from "../../platform/ports";
import { idempotencyRecord, inProgress, openRetry } from "../idempotency";
import { type PersonKeyEnv, personKey } from "../person-key";
import { problem } from "../problem";
import { idempotencyKeyHash } from "../replay-cipher";
import { randomToken, sha256Hex } from "../tokens";
import { isRefusal, refusalOf } from "./errors";
import { nearestFree, offeredFrom, offeredSlotReads } from "./slots";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "YY" and 8 random Crockford base32 characters (40 bits): read out on the phone, not guessable as a sequence. */
export function newBookingNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `YY${[...bytes].map((b) => CROCKFORD[b % 32]).join("")}`;
}

/** The published no-show rule in words, as a refusal quotes it. */
export const NO_SHOW_RULE_TEXT = (() => {
  const { count, withinMonths, restrictedDays } = BOOKING_RULES.noShowRule;
  return `${withinMonths} 个月内预约后未到场（且未取消）累计 ${count} 次的，${restrictedDays} 天内不能预约。`;
})();

/** Refuses (409, quoting the rule) a person the no-show rule restricts today, from their no-shows read before the batch. */
export function refuseRestricted(rows: readonly { slotStart: string }[], now: Date): void {
  const until = noShowRestriction(
    rows.map((r) => chinaDay(new Date(r.slotStart))),
    chinaDay(now),
  );
  if (until) {
    throw problem(409, {
      detail: `您多次预约后未到场，按预约规则 ${formatDateZh(until)} 前不能在线预约。规则：${NO_SHOW_RULE_TEXT}如有急事请直接到服务点现场办理。`,
    });
  }
}

const IDEMPOTENCY_TEXTS = {
  reused: "该 Idempotency-Key 已用于另一次预约，请为新的预约生成新的 Idempotency-Key。",
  inProgress: "同一次预约正在提交中，请稍后再查看结果。",
};

/** Canonical JSON (sorted keys) of the validated booking. */
const requestHash = (input: Booking) =>
  sha256Hex(JSON.stringify(Object.entries(input).sort(([a], [b]) => a.localeCompare(b))));

const answer = (
  bookingNumber: string,
  slot: { id: string; start: string; end: string },
  token: string,
): BookingResult => ({
  bookingNumber,
  status: "booked",
  slotId: slot.id,
  start: slot.start,
  end: slot.end,
  manageToken: token,
  managePath: `/appointments/manage/#t=${token}`,
});

/** A slot the data does not offer now: 422 at the field, never a guess at the capacity. */
export const slotNotOffered = () =>
  problem(422, {
    detail: "这个时段不可预约（已过、预约时间不足、超出可预约范围或服务点不开放），请重新选择。",
    errors: [{ pointer: "#/slotId", detail: "这个时段不可预约，请重新选择" }],
  });

/** A point's saved calendar for one day, as `offeredSlotReads` reads it. */
interface DayCalendar {
  templates: TemplateRow[];
  closures: ClosureRow[];
  day: { start: string; end: string };
}

/**
 * The points' calendars this isolate has lately read for a booking, by point and day. A booking
 * decides on them (is the slot offered, its capacity) and its batch writes only while they still
 * hold (`decidedOn`), so a calendar remembered here spares the read without trusting it: a changed
 * template or closure writes nothing and is read again. Each read costs a trip to D1, which is most
 * of a booking's cost.
 */
const recentCalendars = new Recent<DayCalendar>(500);

/**
 * Books a slot: one batch writing the booking, its message and the idempotency record. Whether the
 * slot is offered is decided on its point's calendar for the day: remembered from an earlier
 * booking, or read (one round trip, with the person's no-shows, to which the no-show rule is
 * applied). The slot's capacity and the one active booking per phone and service are the database's
 * to refuse (409; a full slot's problem carries `nearestFree`). A retry with the same
 * Idempotency-Key gets the first answer, one that overlapped the first 409, and the key reused for
 * another body 422.
 */
export async function book(
  env: PersonKeyEnv,
  db: Db,
  batch: BatchRunner,
  input: Booking,
  idempotencyKey: string,
  now = new Date(),
): Promise<BookingResult & { replayed?: true }> {
  const reads = offeredSlotReads(db, input.slotId);
  if (!reads) throw slotNotOffered();
  const [, [, day]] = reads;
  // "One active booking per person per service" is an index on this key (functions/lib/person-key.ts).
  const key = await personKey(env, "appointment", input.phone);
  const attempt = { db, batch, input, idempotencyKey, now, key };
  const calendarKey = `${parseSlotId(input.slotId)?.pointId}/${day.start}`;
  const remembered = recentCalendars.get(calendarKey);
  const rememberedSlot = remembered && offeredFrom(input.slotId, now, remembered.templates, remembered.closures);
  // Fewer no-shows than the rule counts cannot restrict; a person with more is read and judged below.
  const quick =
    remembered && rememberedSlot
      ? await write(attempt, rememberedSlot, remembered, BOOKING_RULES.noShowRule.count)
      : undefined;
  if (quick) return quick;
  const [templates, closures, noShows] = await readTogether(db, [...reads, [noShowsOf(db), { personKey: key }]]);
  const calendar = { templates, closures, day };
  recentCalendars.set(calendarKey, calendar);
  const slot = offeredFrom(input.slotId, now, templates, closures);
  if (!slot) throw slotNotOffered();
  refuseRestricted(noShows, now);
  const written = await write(attempt, slot, calendar, noShows.length + 1);
  if (written) return written;
  // The point's calendar changed between the read and the write (a staff edit, this very second).
  recentCalendars.delete(calendarKey);
  throw problem(409, { detail: "服务点的开放时间刚刚有变动，请刷新后重新选择时段。" });
}

interface Attempt {
  db: Db;
  batch: BatchRunner;
  input: Booking;
  idempotencyKey: string;
  now: Date;
  key: string;
}

/** The booking's batch, decided on `calendar`; undefined when it, or the person's no-shows, no longer allow it. */
async function write(
  { db, batch, input, idempotencyKey, now, key }: Attempt,
  slot: Slot,
  calendar: DayCalendar,
  noShowsBelow: number,
): Promise<(BookingResult & { replayed?: true }) | undefined> {
  const keyHash = await idempotencyKeyHash(idempotencyKey);
  const hash = await requestHash(input);
  const startedAt = now.toISOString();
  const token = randomToken(16);
  const manageHash = await sha256Hex(token);
  const bookingNumber = newBookingNumber();
  try {
    const [inserted] = await batch.run(
      bookBatch(db, {
        bookingNumber,
        manageHash,
        service: slot.service as ServiceId,
        slot: { pointId: slot.pointId, slotId: slot.id, start: slot.start, end: slot.end, capacity: slot.capacity },
        name: input.name,
        phone: input.phone,
        personKey: key,
        shopName: input.shopName,
        shopAddress: input.shopAddress,
        licenceNumber: input.licenceNumber ?? null,
        applicationNumber: input.applicationNumber ?? null,
        now: startedAt,
        idempotency: await idempotencyRecord(idempotencyKey, keyHash, hash, token),
        decidedOn: {
          template: calendar.templates[0] ?? null,
          closures: calendar.closures,
          day: calendar.day,
          noShowsBelow,
        },
      }),
    );
    return inserted?.rows.length ? answer(bookingNumber, slot, token) : undefined;
  } catch (err) {
    // A retry of a request that was written meets a refusal (same person, same key, a slot since
    // full or past): the record tells a retry from another booking.
    const found = await findAppointmentIdempotency(db, keyHash).get();
    const first = await openRetry(found, { key: idempotencyKey, requestHash: hash, startedAt }, IDEMPOTENCY_TEXTS);
    if (first !== undefined) {
      const row = await appointmentByManageHash(db, await sha256Hex(first)).get();
      if (row) {
        const slot = { id: row.slotId, start: row.slotStart, end: row.slotEnd };
        return { ...answer(row.bookingNumber, slot, first), replayed: true };
      }
    }
    if (isRefusal(err, "appointment_idempotency_keys.key_hash")) throw inProgress(IDEMPOTENCY_TEXTS.inProgress);
    if (isRefusal(err, "slot_full") || isRefusal(err, "point_closed")) {
      throw refusalOf(err, { nearestFree: await nearestFree(db, input.slotId, now) });
    }
    throw refusalOf(err) ?? err;
  }
}
