import { isUnknownYear } from "../../../src/shared/appointments/calendar";
import { isoWeekOf, weekOpening } from "../../../src/shared/appointments/opening";
import { MINIMUM_WEEKLY_HOURS, SERVICE_POINTS } from "../../../src/shared/appointments/points";
import { formatClock } from "../../../src/shared/appointments/template";
import type { PointHours, PointList } from "../../../src/shared/appointments/wire";
import { chinaDay } from "../../../src/shared/time";

/** Why a day differs from the template: a holiday closes it, a make-up day opens it, staff closed it. */
function note(d: { kind: string; holiday?: string; closures: { reason: string }[] }): string | null {
  if (d.kind === "holiday") return `${d.holiday ?? "法定节假日"}放假`;
  if (d.kind === "makeUp") return `调休上班${d.holiday ? `（${d.holiday}）` : ""}`;
  if (d.closures.length > 0) return d.closures.map((c) => c.reason).join("；");
  return null;
}

/** The points with this ISO week's real opening (holidays, make-up days), from the data and the calendar. */
export function pointList(now: Date): PointList {
  const week = isoWeekOf(chinaDay(now));
  return {
    minimumWeeklyHours: MINIMUM_WEEKLY_HOURS,
    points: SERVICE_POINTS.map((p) => {
      const opening = weekOpening(p, week);
      const days: PointHours[] = isUnknownYear(opening)
        ? []
        : opening.days.map((d) => ({
            day: d.day,
            hours: d.intervals.map((i) => `${formatClock(i.start)}–${formatClock(i.end)}`),
            note: note(d),
          }));
      const hours = isUnknownYear(opening) ? 0 : opening.hours;
      return {
        id: p.id,
        name: p.name,
        subdistrict: p.subdistrict,
        address: p.address,
        position: p.position,
        accessibility: p.accessibility,
        week: { isoWeek: week, days, hours, belowMinimum: !isUnknownYear(opening) && hours < MINIMUM_WEEKLY_HOURS },
      };
    }),
  };
}
