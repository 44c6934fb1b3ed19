// How a sweep reads to people: its date and time, places left and ages, and the calendar entry.
// Pure: tests/unit/sweeps/format.test.ts.

import type { PublicSweep } from "../../shared/sweeps/wire";
import { chinaDay, formatChinaMinute, formatDateZh } from "../../shared/time";
import type { IcsSweep } from "./ics";

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** "2026年12月5日（周六）": the China-time day of the sweep, with its weekday. */
export function sweepDate(sweep: Pick<PublicSweep, "startsAt">): string {
  const day = chinaDay(sweep.startsAt);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return `${formatDateZh(day)}（周${WEEKDAYS[weekday]}）`;
}

/** "08:30–10:30", China time. */
export const sweepTime = (sweep: Pick<PublicSweep, "startsAt" | "endsAt">) =>
  `${formatChinaMinute(sweep.startsAt).slice(11)}–${formatChinaMinute(sweep.endsAt).slice(11)}`;

/** "剩余 3 个名额", "已满，可报名候补（已有 2 人候补）", "已满，候补也已满". */
export function placesText(sweep: Pick<PublicSweep, "placesLeft" | "capacity" | "waitlisted" | "waitlistOpen">) {
  if (sweep.placesLeft > 0) return `剩余 ${sweep.placesLeft} 个名额（共 ${sweep.capacity} 个）`;
  if (!sweep.waitlistOpen) return "已满，候补也已满";
  return sweep.waitlisted > 0 ? `已满，可报名候补（已有 ${sweep.waitlisted} 人候补）` : "已满，可报名候补";
}

/** "14 周岁以上（未满 18 周岁须监护人同意）", with the guardian-present rule when there is one. */
export function agesText(sweep: Pick<PublicSweep, "minAge" | "guardianPresentBelow">): string {
  const base = `${sweep.minAge} 周岁以上`;
  const rules: string[] = [];
  if (sweep.minAge < 18) rules.push("未满 18 周岁须监护人同意");
  if (sweep.guardianPresentBelow !== null) rules.push(`未满 ${sweep.guardianPresentBelow} 周岁须监护人陪同`);
  return rules.length > 0 ? `${base}（${rules.join("；")}）` : base;
}

/** The calendar entry of a sweep, linking back to the manage page. */
export function icsSweepOf(sweep: PublicSweep, manageUrl: string): IcsSweep {
  return {
    id: sweep.id,
    // Versions start at 1, SEQUENCE at 0: every change of the sweep raises both.
    sequence: sweep.version - 1,
    title: sweep.title,
    startsAt: sweep.startsAt,
    endsAt: sweep.endsAt,
    location: `${sweep.communityName} · ${sweep.meetingPoint}`,
    description: [
      `组织方：${sweep.organiser}`,
      `领队联系方式：${sweep.leaderContact}`,
      `请携带：${sweep.whatToBring}`,
      `查看或取消报名：${manageUrl}`,
    ].join("\n"),
    url: manageUrl,
    cancelled: sweep.state === "cancelled",
  };
}
