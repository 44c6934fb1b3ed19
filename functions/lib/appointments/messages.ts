import { pointById, SERVICE_POINTS, type ServiceId, serviceById } from "../../../src/shared/appointments/points";
import type { AppointmentMessageKind } from "../../../src/shared/appointments/wire";
import { REMINDER_FROM_HOUR } from "../../../src/shared/sweeps/rules";
import { addDays, chinaDay, dayStart, formatDateTimeZh } from "../../../src/shared/time";
import {
  type AppointmentOutboxRow,
  appointmentRemindersStatement,
  unsentAppointmentMessages,
} from "../../db/appointments/outbox";
import { markOutcomes } from "../../db/outbox";
import type { BatchRunner, MessageSender, OutgoingMessage } from "../../platform/ports";
import { MAX_ATTEMPTS, SEND_CHUNK, SEND_WITHIN_HOURS } from "../sweeps/messages";

// The appointments' messages go out through the same sender port and by the same rules as the
// sweeps' (chunk, attempts, staleness, the reminder hour): only the rows and the words differ.

const SIGNATURE = "【青溪区城管】";

const WHAT: Record<AppointmentMessageKind, string> = {
  booked: "预约成功。",
  rescheduled: "预约已改期，请以本短信时间为准。",
  cancelled: "预约已取消。",
  reminder: "明天是您的预约时间，请按时前往并带齐材料。",
  point_closed: "服务点临时闭门，您的预约需要改期，请打开预约时保存的管理链接选择新时段。",
  application_status: "您的店招设置申请有新进展（如需补正材料、受理、现场查看或决定），也可凭申请编号和手机号查询。",
};

/** The text a message sends: the booking number, the service, where and when (China time). */
export function appointmentMessageText(r: Omit<AppointmentOutboxRow, "id" | "phone">): string {
  const service = serviceById(r.service as ServiceId);
  const where = service.where === "shop" ? `到店查看：${r.shopAddress}` : (pointById(r.pointId)?.name ?? r.pointId);
  const kind = r.kind as AppointmentMessageKind;
  return `${SIGNATURE}${service.name}预约（预约号 ${r.bookingNumber}，${formatDateTimeZh(r.slotStart)}，${where}）：${WHAT[kind]}详情请打开预约时保存的管理链接。`;
}

export const outgoingAppointment = (r: AppointmentOutboxRow): OutgoingMessage => ({
  id: r.id,
  to: r.phone,
  kind: r.kind,
  text: appointmentMessageText(r),
  outbox: "appointment",
});

/**
 * Sends the next unsent messages through the sender and writes the outcomes in one batch. A
 * disabled sender sends nothing and leaves the outbox as it is (the manage page shows it).
 */
export async function sendAppointmentOutbox(batch: BatchRunner, sender: MessageSender, now: Date, chunk = SEND_CHUNK) {
  if (!sender.enabled) return { sent: 0, failed: 0, undeliverable: 0 };
  const since = new Date(now.getTime() - SEND_WITHIN_HOURS * 3_600_000).toISOString();
  const [read] = await batch.run([unsentAppointmentMessages(since, MAX_ATTEMPTS, chunk)]);
  const messages = ((read?.rows ?? []) as unknown as AppointmentOutboxRow[]).map(outgoingAppointment);
  const sent: number[] = [];
  const failed: number[] = [];
  const undeliverable = messages.filter((m) => m.to === "").map((m) => m.id);
  // One at a time: a run holds at most SEND_CHUNK messages, each with the port's own timeout.
  for (const m of messages.filter((x) => x.to !== "")) ((await sender.send(m)) === "sent" ? sent : failed).push(m.id);
  await batch.run(
    markOutcomes("appointment_messages", { sent, failed, undeliverable }, now.toISOString(), MAX_ATTEMPTS),
  );
  return { sent: sent.length, failed: failed.length, undeliverable: undeliverable.length };
}

/** From REMINDER_FROM_HOUR China time, one reminder to each booking of tomorrow, once. */
export async function writeAppointmentReminders(batch: BatchRunner, now: Date): Promise<number> {
  const today = chinaDay(now);
  if (now.getTime() < dayStart(today).getTime() + REMINDER_FROM_HOUR * 3_600_000) return 0;
  const tomorrow = addDays(today, 1);
  const [insert] = await batch.run([
    appointmentRemindersStatement(
      SERVICE_POINTS.map((p) => p.id),
      dayStart(tomorrow).toISOString(),
      dayStart(addDays(tomorrow, 1)).toISOString(),
      now.toISOString(),
    ),
  ]);
  return insert?.changes ?? 0;
}
