import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appointmentRemindersStatement, unsentAppointmentMessages } from "../../../functions/db/appointments/outbox";
import { toQuery } from "../../../functions/db/batch";
import { sendAppointmentOutbox, writeAppointmentReminders } from "../../../functions/lib/appointments/messages";
import { cloudflarePlatform } from "../../../functions/platform/cloudflare";
import type { MessageSender, OutgoingMessage } from "../../../functions/platform/ports";
import { webhookSender } from "../../../functions/platform/sender";
import { addDays, dayStart } from "../../../src/shared/time";
import { expectIndexed, plan } from "../query-plan";
import { booked, manage, slotsAhead } from "./factories";

// The appointments' outbox goes through the sweeps' sender port: the same webhook, its idempotency
// key naming the outbox, so the gateway never takes an appointment message for a sweep's.

const intake = slotsAhead("intake");
const HOUR = 3_600_000;

function recording(): MessageSender & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    enabled: true,
    sent,
    send: async (m) => {
      sent.push(m);
      return "sent";
    },
  };
}

const kindsOf = async (bookingNumber: string) =>
  (
    await env.DB.prepare(
      "SELECT m.kind, m.sent_at FROM appointment_messages m JOIN appointments a ON a.id = m.appointment_id WHERE a.booking_number = ? ORDER BY m.id",
    )
      .bind(bookingNumber)
      .all<{ kind: string; sent_at: string | null }>()
  ).results;

describe("appointment messages", () => {
  it("sends the booking's message once through the sender port, named as the appointments' outbox", async () => {
    const b = await booked((intake[0] as { id: string }).id, { phone: "13900001111" });
    const sender = recording();
    const { batch } = cloudflarePlatform(env);
    await sendAppointmentOutbox(batch, sender, new Date());
    const mine = sender.sent.filter((m) => m.text.includes(b.bookingNumber));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: "13900001111", kind: "booked", outbox: "appointment" });
    expect(mine[0]?.text).toMatch(/^【青溪区城管】现场收件预约（预约号 YY\w{8}，.+，临河/);
    expect((await kindsOf(b.bookingNumber))[0]?.sent_at).not.toBeNull();
    const again = recording();
    await sendAppointmentOutbox(batch, again, new Date());
    expect(again.sent.filter((m) => m.text.includes(b.bookingNumber))).toHaveLength(0);
  });

  it("gives the webhook an idempotency key of the appointments' outbox", async () => {
    const requests: Request[] = [];
    const fetchMock = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return new Response(null, { status: 202 });
    }) as typeof fetch;
    const sender = webhookSender({ url: "https://sms.bureau.example/send", token: "t" }, fetchMock);
    await sender.send({ id: 7, to: "13900001111", text: "x", kind: "booked", outbox: "appointment" });
    expect(requests[0]?.headers.get("idempotency-key")).toBe("appointment-message-7");
    expect(await requests[0]?.json()).toEqual({
      to: "13900001111",
      text: "x",
      kind: "booked",
      id: 7,
      outbox: "appointment",
    });
  });

  it("reminds each booking of tomorrow once, from 09:00 China time the day before, and no cancelled one", async () => {
    const slot = intake[1] as { id: string; day: string };
    const b = await booked(slot.id);
    const gone = await booked((intake[2] as { id: string }).id);
    expect((await manage(gone.manageToken, "DELETE")).status).toBe(200);
    const { batch } = cloudflarePlatform(env);
    const dayBefore = addDays(slot.day, -1);
    await writeAppointmentReminders(batch, new Date(dayStart(dayBefore).getTime() + 8 * HOUR));
    expect((await kindsOf(b.bookingNumber)).map((m) => m.kind)).toEqual(["booked"]);
    await writeAppointmentReminders(batch, new Date(dayStart(dayBefore).getTime() + 10 * HOUR));
    await writeAppointmentReminders(batch, new Date(dayStart(dayBefore).getTime() + 11 * HOUR));
    expect((await kindsOf(b.bookingNumber)).map((m) => m.kind)).toEqual(["booked", "reminder"]);
    if ((intake[2] as { day: string }).day === slot.day)
      expect((await kindsOf(gone.bookingNumber)).map((m) => m.kind)).toEqual(["booked", "cancelled"]);
  });

  it("finds the sender's next messages and tomorrow's bookings through indexes", async () => {
    expectIndexed(await plan({ toSQL: () => toQuery(unsentAppointmentMessages("2026-12-01T00:00:00.000Z", 5, 50)) }));
    const reminders = await plan({
      toSQL: () =>
        toQuery(
          appointmentRemindersStatement(
            ["linhe", "guiyuan"],
            "2026-12-08T00:00:00.000Z",
            "2026-12-09T00:00:00.000Z",
            "2026-12-07T02:00:00.000Z",
          ),
        ),
    });
    expectIndexed(reminders);
    expect(reminders.join(" | ")).toContain("appointments_slot_taken_idx");
  });
});
