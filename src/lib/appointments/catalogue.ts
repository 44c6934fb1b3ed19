// What the /appointments/ pages need of content/appointments/ (services, points, the booking rules),
// cut down at build time and handed to the islands as props: the islands never import the loaders
// (src/shared/appointments/points.ts), which check the points against the district's boundaries and
// would carry them into the browser.
import { BOOKING_RULES, MINIMUM_WEEKLY_HOURS, SERVICE_POINTS, type ServiceId } from "../../shared/appointments/points";
import { WEEKDAY_KEYS, WEEKDAY_LABELS } from "../../shared/appointments/template";
import { BUREAU } from "../../shared/publishing";

export interface CatalogueService {
  id: ServiceId;
  name: string;
  where: "desk" | "shop";
  /** Desk services: how long one slot is. */
  durationMinutes: number | null;
  /** Half-day windows of an inspection: "上午 09:00–12:00". */
  windows: string[];
  noticeHours: number;
  bring: { item: string; note?: string; for?: "agent" }[];
}

export interface CataloguePoint {
  id: string;
  name: string;
  subdistrict: string;
  address: string;
  /** [lng, lat]: "nearest" is measured from it in the browser. */
  position: [number, number];
}

export interface Catalogue {
  services: CatalogueService[];
  points: CataloguePoint[];
  horizonDays: number;
  cancelCutoffHours: number;
  /** The published no-show rule in words. */
  noShowRule: string;
  minimumWeeklyHours: number;
  hotline: string;
}

/** The one sentence of the no-show rule, as the booking API quotes it when it refuses. */
export function noShowRuleText(rule = BOOKING_RULES.noShowRule): string {
  return `${rule.withinMonths} 个月内预约后未到场（且未取消）累计 ${rule.count} 次的，${rule.restrictedDays} 天内不能在线预约。`;
}

export const CATALOGUE: Catalogue = {
  services: BOOKING_RULES.services.map((s) => ({
    id: s.id,
    name: s.name,
    where: s.where,
    durationMinutes: s.where === "desk" ? s.durationMinutes : null,
    windows: s.where === "shop" ? s.windows.map((w) => `${w.name} ${w.from}–${w.to}`) : [],
    noticeHours: s.noticeHours,
    bring: s.bring,
  })),
  points: SERVICE_POINTS.map(({ id, name, subdistrict, address, position }) => ({
    id,
    name,
    subdistrict,
    address,
    position,
  })),
  horizonDays: BOOKING_RULES.bookingHorizonDays,
  cancelCutoffHours: BOOKING_RULES.cancelCutoffHours,
  noShowRule: noShowRuleText(),
  minimumWeeklyHours: MINIMUM_WEEKLY_HOURS,
  hotline: BUREAU.hotline,
};

/** A point's weekly template in words, day by day: [["周二", "09:00–12:00"], …]. */
export function templateLines(point: (typeof SERVICE_POINTS)[number]): [string, string][] {
  return WEEKDAY_KEYS.filter((k) => (point.weekly[k] ?? []).length > 0).map((k) => [
    WEEKDAY_LABELS[k],
    (point.weekly[k] ?? []).map((i) => `${i.from}–${i.to}`).join("、"),
  ]);
}
