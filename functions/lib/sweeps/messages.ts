import { communityById } from "../../../src/shared/geo";
import { GROUP_TEXTS, GUARDIAN_TEXTS, MESSAGE_TEXTS, REMINDER_FROM_HOUR } from "../../../src/shared/sweeps/rules";
import type { MessageKind, MessageRecipient } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay, dayStart, formatDateTimeZh } from "../../../src/shared/time";
import { markOutcomes } from "../../db/outbox";
import { type OutboxRow, remindersStatement, unsentMessages } from "../../db/sweeps/outbox";
import type { BatchRunner, MessageSender, OutgoingMessage } from "../../platform/ports";

/** Messages the cron sends per run, oldest first: a run stays short, the rest go 15 minutes later. */
export const SEND_CHUNK = 50;
/** Attempts before a message is given up (it stays on the manage page and in the staff outbox as failed). */
export const MAX_ATTEMPTS = 5;
/** A message not sent within this time is not sent at all: it would arrive stale. */
export const SEND_WITHIN_HOURS = 24;
/** Messages sent at once, so one slow gateway answer does not hold the rest. */
const PARALLEL = 5;

/** The sender's signature, as Chinese SMS gateways require one in brackets at the start. */
const SIGNATURE = "【青溪区城管】";

/**
 * The text a message sends: who it is for, which sweep (title, China time, community) and what
 * happened. The manage link cannot be re-sent (only its hash is stored), so the text points to the
 * link the person saved; the consent and group links likewise. One function, so the staff outbox
 * shows exactly what the gateway gets.
 */
export function messageText(m: {
  kind: MessageKind;
  recipient: MessageRecipient;
  title: string;
  startsAt: string;
  communityId: string;
  name: string;
}): string {
  const community = communityById(m.communityId)?.name ?? "";
  const about = `志愿清扫「${m.title}」（${formatDateTimeZh(m.startsAt)}${community ? `，${community}` : ""}）`;
  switch (m.recipient) {
    case "guardian":
      return `${SIGNATURE}您好，${m.name}报名的${about}：${GUARDIAN_TEXTS[m.kind] ?? MESSAGE_TEXTS[m.kind]}`;
    case "group":
      return `${SIGNATURE}您好，您为团体报名的${about}：${GROUP_TEXTS[m.kind] ?? MESSAGE_TEXTS[m.kind]}详情请打开报名时保存的团体链接。`;
    default:
      return `${SIGNATURE}${about}：${MESSAGE_TEXTS[m.kind]}详情请打开报名时保存的管理链接。`;
  }
}

/** The phone a message goes to: the volunteer's, their guardian's or the group contact's ("" when none). */
export function recipientPhone(r: Pick<OutboxRow, "recipient" | "phone" | "guardianPhone" | "groupPhone">): string {
  if (r.recipient === "guardian") return r.guardianPhone ?? "";
  if (r.recipient === "group") return r.groupPhone ?? "";
  return r.phone;
}

/** The outbox row as the sender gets it. */
export function outgoing(r: OutboxRow): OutgoingMessage {
  const kind = r.kind as MessageKind;
  return {
    id: r.id,
    to: recipientPhone(r),
    kind,
    text: messageText({ ...r, kind, name: r.name }),
  };
}

async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

/**
 * Sends the next unsent messages (SEND_CHUNK, oldest first) through the sender and writes the
 * outcomes in one batch: sent ones stamped, failed ones counted toward MAX_ATTEMPTS, those without a
 * phone given up at once. A disabled sender sends nothing and leaves the outbox as it is.
 */
export async function sendOutbox(batch: BatchRunner, sender: MessageSender, now: Date, chunk = SEND_CHUNK) {
  const result = { sent: 0, failed: 0, undeliverable: 0 };
  if (!sender.enabled) return result;
  const since = new Date(now.getTime() - SEND_WITHIN_HOURS * 3_600_000).toISOString();
  const [read] = await batch.run([unsentMessages(since, MAX_ATTEMPTS, chunk)]);
  const rows = (read?.rows ?? []) as unknown as OutboxRow[];
  const messages = rows.map(outgoing);
  const deliverable = messages.filter((m) => m.to !== "");
  const outcomes = await inParallel(deliverable, PARALLEL, (m) => sender.send(m));
  const sent = deliverable.filter((_, i) => outcomes[i] === "sent").map((m) => m.id);
  const failed = deliverable.filter((_, i) => outcomes[i] !== "sent").map((m) => m.id);
  const undeliverable = messages.filter((m) => m.to === "").map((m) => m.id);
  await batch.run(markOutcomes("sweep_messages", { sent, failed, undeliverable }, now.toISOString(), MAX_ATTEMPTS));
  return { sent: sent.length, failed: failed.length, undeliverable: undeliverable.length };
}

/**
 * The day-before reminders: from REMINDER_FROM_HOUR China time, one to each confirmed person of
 * every open sweep starting tomorrow (China-time days), once. Before that hour nothing is written.
 */
export async function writeReminders(batch: BatchRunner, now: Date): Promise<number> {
  const today = chinaDay(now);
  if (now.getTime() < dayStart(today).getTime() + REMINDER_FROM_HOUR * 3_600_000) return 0;
  const tomorrow = addDays(today, 1);
  const [insert] = await batch.run([
    remindersStatement(
      dayStart(tomorrow).toISOString(),
      dayStart(addDays(tomorrow, 1)).toISOString(),
      now.toISOString(),
    ),
  ]);
  return insert?.changes ?? 0;
}
