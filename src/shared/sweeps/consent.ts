// Minors and their guardian's consent: who counts as a minor on a sweep's day, when the child's data
// is sensitive, and what the consent screen says is processed. Pure, shared by the Worker (which
// decides) and the pages (which show the same words before the server answers).
import { chinaDay } from "../time.ts";
import { ADULT_AGE, ageOn, CONSENT_HOLD_HOURS, SENSITIVE_AGE } from "./rules.ts";
import type { ConsentProcessing } from "./wire.ts";

/** The guardian's page; its secret travels in the fragment, as the manage link's does. */
export const CONSENT_PAGE = "/volunteer/consent/";
export const consentPath = (secret: string) => `${CONSENT_PAGE}#t=${secret}`;

export interface AgeFacts {
  age: number;
  /** Under ADULT_AGE on the sweep's day: the guardian must consent before the place is confirmed. */
  minor: boolean;
  /** Under SENSITIVE_AGE: the child's personal information is sensitive (PIPL art. 28, 31). */
  sensitive: boolean;
  /** Below the sweep's guardianPresentBelow: a guardian comes along on the day. */
  guardianMustAttend: boolean;
}

/** The age rules for one person and one sweep, counted on the sweep's China-time day. */
export function ageFacts(
  birthMonth: string,
  sweep: { startsAt: string; guardianPresentBelow: number | null },
): AgeFacts {
  const age = ageOn(birthMonth, chinaDay(new Date(sweep.startsAt)));
  return {
    age,
    minor: age < ADULT_AGE,
    sensitive: age < SENSITIVE_AGE,
    guardianMustAttend: sweep.guardianPresentBelow !== null && age < sweep.guardianPresentBelow,
  };
}

/** The band the consent screen shows, rather than the exact age (which it does not need). */
export const ageBand = (age: number) =>
  age < SENSITIVE_AGE ? `未满 ${SENSITIVE_AGE} 周岁` : `${SENSITIVE_AGE}–${ADULT_AGE - 1} 周岁`;

/** When a minor's place held now lapses: CONSENT_HOLD_HOURS on, never past the sweep's start. */
export function holdUntil(now: Date, startsAt: string): string {
  const held = new Date(now.getTime() + CONSENT_HOLD_HOURS * 3_600_000).toISOString();
  return held < startsAt ? held : startsAt;
}

/** What the sign-up processes about the child, item by item, and why (the privacy notice says the same). */
export const CONSENT_PROCESSING: ConsentProcessing[] = [
  { item: "孩子的姓名、手机号", purpose: "组织本次活动、发送活动通知，领队当天点名和联系" },
  { item: "学校或单位", purpose: "组织方联系学校，出具志愿服务记录证明" },
  { item: "出生年月", purpose: "确认活动当天的年龄是否符合要求，是否须监护人同意或陪同" },
  { item: "志愿者编号（如填写）", purpose: "记录志愿服务时长" },
  { item: "您的姓名、手机号", purpose: "取得您的同意，活动有变更或意外时联系您" },
  { item: "签到、签退时间和服务时长", purpose: "记录志愿服务时长，出具证明" },
];

/** The notice the consent screen shows for a child under SENSITIVE_AGE. */
export const SENSITIVE_NOTICE =
  `孩子未满 ${SENSITIVE_AGE} 周岁。根据《个人信息保护法》第二十八条，不满十四周岁未成年人的个人信息属于敏感个人信息；` +
  "第三十一条规定，处理这些信息须取得您（监护人）的同意，并制定专门的处理规则。我们只为上面列明的目的处理这些信息，" +
  "不公开、不向活动组织以外的人提供，联系方式在最后一次活动后按隐私说明的期限删除。";
