// The sweeps' rules as data, read by the Worker and shown by the pages: change them here, not in code.
import { dayStart } from "../time.ts";
import type { MessageKind } from "./wire.ts";

/** Hours a person offered a freed place has to confirm it, before it goes to the next on the waitlist. */
export const OFFER_HOURS = 12;

/** The age from which a person signs up alone; below it the guardian's consent is needed (团委 2013 rules). */
export const ADULT_AGE = 18;

/** Hours a minor's place is held for the guardian's consent before it goes back to the pool. */
export const CONSENT_HOLD_HOURS = 48;

/** Below this age a child's data is sensitive personal information (PIPL art. 28, 31): the consent screen says so. */
export const SENSITIVE_AGE = 14;

/** Hours before a sweep starts by which a group's members must be completed, else their places return to the pool. */
export const GROUP_COMPLETE_HOURS_BEFORE = 24;

/** The least time a group is given to complete its members' details: a sweep sooner than this after its deadline takes no group. */
export const GROUP_MIN_COMPLETE_HOURS = 2;

/** The largest group one contact may sign up (a class). */
export const GROUP_MAX = 60;

/**
 * How service time becomes recorded hours: check-in to check-out, clipped to the sweep's scheduled
 * time (travel and waiting are not service), then rounded DOWN to whole units of `unitMinutes`
 * (no national rule exists: this is the bureau's, stated on the certificate page).
 */
export const HOURS_ROUNDING = { unitMinutes: 30, mode: "down" } as const;

/** After this many no-shows within `withinDays`, a person may not sign up again until the oldest ages out. */
export const NO_SHOW_RULE = { limit: 3, withinDays: 180 } as const;

/** Contact details (name, phone, guardian) are anonymised this many days after a person's sweep. */
export const CONTACT_RETENTION_DAYS = 365;

/** Hours records and certificates are kept this many years (the organiser's record duty, 志愿服务条例 art. 19). */
export const RECORD_RETENTION_YEARS = 5;

/** What each message says, as the manage page shows it (and a sender will send it). */
export const MESSAGE_TEXTS: Record<MessageKind, string> = {
  confirmed: "报名成功，名额已确认。请按时到集合地点签到。",
  waitlisted: "活动名额已满，您已进入候补名单。有人取消时将按顺序递补。",
  offered: `有名额空出，已为您保留 ${OFFER_HOURS} 小时：请在期限内确认，逾期将递补给下一位。`,
  offer_expired: "递补名额未在期限内确认，已让给下一位候补者。",
  cancelled: "您已取消报名。",
  sweep_changed: "活动信息有变更（时间、地点或名额），请查看最新安排。",
  sweep_cancelled: "很抱歉，活动已取消。",
  consent_needed: `未成年人报名需监护人同意：名额为您保留 ${CONSENT_HOLD_HOURS} 小时，请把监护人同意链接发给监护人。`,
  consented: "监护人已同意：保留的名额已确认；如在候补中，递补后即可确认。",
  released: "保留期内未完成（监护人同意或本人信息），名额已释放给其他人。",
  group_details_needed: "团体名额已保留：请在截止前通过团体链接填写每位成员的信息，未填写的名额将释放。",
  reminder: "提醒：您报名的清扫活动明天举行，请按时到集合地点签到。",
  hours_approved: "本次活动的志愿服务时长已审核通过，可在管理页查看。",
  certificate_ready: "志愿服务记录证明已开具，可在管理页查看和打印。",
};

/**
 * Completed years on `day` ("YYYY-MM-DD") for a person born in `birthMonth` ("YYYY-MM"). Only the
 * month is known, so within the birth month the birthday is taken as not yet reached: the age is
 * never overstated, and a minor is never counted as an adult.
 */
export function ageOn(birthMonth: string, day: string): number {
  const [by, bm] = birthMonth.split("-").map(Number) as [number, number];
  const [y, m] = day.split("-").map(Number) as [number, number];
  return y - by - (m <= bm ? 1 : 0);
}

/**
 * Coverage of each community: confirmed places ÷ places offered, over the sweeps given. A community
 * without sweeps has none (null). The least covered are "most needed" (within 1e-9, so ties share it).
 */
export function coverageByCommunity(
  sweeps: readonly { communityId: string; capacity: number; confirmed: number }[],
): Map<string, { capacity: number; confirmed: number; ratio: number }> {
  const out = new Map<string, { capacity: number; confirmed: number; ratio: number }>();
  for (const s of sweeps) {
    const c = out.get(s.communityId) ?? { capacity: 0, confirmed: 0, ratio: 0 };
    c.capacity += s.capacity;
    c.confirmed += s.confirmed;
    c.ratio = c.capacity > 0 ? c.confirmed / c.capacity : 0;
    out.set(s.communityId, c);
  }
  return out;
}

/** The communities with the lowest coverage ratio; none when all are equally covered (a flag on all says nothing). */
export function mostNeeded(coverage: ReadonlyMap<string, { ratio: number }>): Set<string> {
  const ratios = [...coverage.values()].map((c) => c.ratio);
  if (ratios.length === 0) return new Set();
  const min = Math.min(...ratios);
  if (Math.max(...ratios) - min <= 1e-9) return new Set();
  return new Set([...coverage].filter(([, c]) => c.ratio <= min + 1e-9).map(([id]) => id));
}

/** "HH:MM" on a China-time day, as an ISO instant: how staff and the seed give a sweep's times. */
export function atChinaTime(day: string, time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return new Date(dayStart(day).getTime() + (h * 60 + m) * 60_000).toISOString();
}

// ---- messages, reminders and retention (the outbox and its sender) ----

/** China-time hour of the day before a sweep from which its reminders are written: nobody gets an SMS at midnight. */
export const REMINDER_FROM_HOUR = 9;

/** What a guardian reads instead, where the volunteer's text speaks to the volunteer. */
export const GUARDIAN_TEXTS: Partial<Record<MessageKind, string>> = {
  consent_needed: `需要您作为监护人同意：请打开孩子转给您的监护人同意链接。名额保留 ${CONSENT_HOLD_HOURS} 小时，逾期释放。`,
  consented: "您已同意，孩子的名额已确认。",
  released: "保留期内未取得监护人同意，名额已释放给其他人。",
};

/** What a group's contact (a teacher) reads instead. */
export const GROUP_TEXTS: Partial<Record<MessageKind, string>> = {
  group_details_needed: MESSAGE_TEXTS.group_details_needed,
  released: "截止时仍未填写信息的团体名额已释放给其他人。",
  sweep_changed: "活动信息有变更（时间、地点或名额），请通过团体链接查看最新安排并转告学生。",
  sweep_cancelled: "很抱歉，活动已取消，请转告团体成员。",
};

// ---- certificates (志愿服务记录证明; civil-affairs guidance of 2015) ----

/** Who issues the certificates: the organiser that recorded the service (name, responsible person, handler, contact). */
export const CERTIFICATE_ISSUER = {
  organisation: "青溪区城市管理局 · 共青团青溪区委员会",
  responsible: "陈志远",
  handler: "林晓",
  contact: "0571-8600 1200",
} as const;

/** The certificate numbers' prefix: 青溪志愿 (QX ZY), then the year and 8 random characters. */
export const CERTIFICATE_PREFIX = "QXZY";

/** The remarks every certificate prints: how its hours were counted, and how to verify it. */
export const CERTIFICATE_REMARKS = `服务时长按签到至签退计算，限于活动安排时间内，路途时间不计入，按每 ${HOURS_ROUNDING.unitMinutes} 分钟向下取整，并经组织单位审核。本证明免费出具，可凭证明编号和校验码在青溪区城市管理局门户“志愿服务记录证明核验”页面核验。`;
