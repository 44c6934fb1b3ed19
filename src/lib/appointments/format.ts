// How appointments read to merchants: days with their weekday, slot times, notice periods, statuses
// and messages, slots grouped by day, and the nearest point to where the phone is. Pure:
// tests/unit/appointments/public-format.test.ts.
import type { AppointmentStatus, FreeSlot } from "../../shared/appointments/wire";
import { chinaDay, formatChinaMinute, formatDateZh } from "../../shared/time";

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** "2026年12月8日（周二）". */
export function dayLabel(day: string): string {
  return `${formatDateZh(day)}（周${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}）`;
}

/** "09:00–09:30", China time. */
export const timeRange = (s: { start: string; end: string }) =>
  `${formatChinaMinute(s.start).slice(11)}–${formatChinaMinute(s.end).slice(11)}`;

/** "2026年12月8日（周二）09:00–09:30". */
export const whenText = (s: { start: string; end: string }) => `${dayLabel(chinaDay(s.start))} ${timeRange(s)}`;

/** "2 小时", "1 天", "2 天": how long before a slot it must be booked. */
export const noticeText = (hours: number) => (hours % 24 === 0 && hours > 0 ? `${hours / 24} 天` : `${hours} 小时`);

/** The slots by China-time day, days in order, each day's slots as the API ordered them. */
export function slotsByDay(slots: readonly FreeSlot[]): { day: string; slots: FreeSlot[] }[] {
  const days = new Map<string, FreeSlot[]>();
  for (const s of slots) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({ day, slots: list }));
}

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: "已预约",
  cancelled: "已取消",
  late_cancelled: "已取消（截止后取消）",
  attended: "已到场办理",
  no_show: "未到场",
};

/** What each outbox message said, as the manage page lists it; a kind added later reads as a plain "new message". */
export const MESSAGE_LABELS: Record<string, string> = {
  booked: "预约成功",
  rescheduled: "预约已改期",
  cancelled: "预约已取消",
  reminder: "明天是您的预约时间，请按时前往并带齐材料",
  point_closed: "服务点临时闭门，您的预约需要改期，请选择新的时段",
  application_status: "您的店招申请有新的办理进展",
};

/** Kilometres between two [lng, lat] points (haversine; the district is small, the error is metres). */
export function distanceKm([lng1, lat1]: readonly [number, number], [lng2, lat2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** The point nearest to `at`, with its distance; computed in the browser, the position never sent. */
export function nearestPoint<P extends { position: [number, number] }>(
  points: readonly P[],
  at: [number, number],
): { point: P; km: number } | null {
  let best: { point: P; km: number } | null = null;
  for (const point of points) {
    const km = distanceKm(point.position, at);
    if (!best || km < best.km) best = { point, km };
  }
  return best;
}

/** "约 1.2 公里", "约 300 米". */
export const distanceText = (km: number) =>
  km < 1 ? `约 ${Math.round(km * 10) * 100} 米` : `约 ${km.toFixed(1)} 公里`;
