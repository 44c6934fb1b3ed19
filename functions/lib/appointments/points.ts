import { isUnknownYear } from "../../../src/shared/appointments/calendar";
import { isoWeekDays, isoWeekOf, weekOpening } from "../../../src/shared/appointments/opening";
import { MINIMUM_WEEKLY_HOURS, SERVICE_POINTS } from "../../../src/shared/appointments/points";
import { formatClock } from "../../../src/shared/appointments/template";
import type { PointHours, PointList } from "../../../src/shared/appointments/wire";
import { addDays, chinaDay, dayStart } from "../../../src/shared/time";
import { closuresIn, storedTemplates } from "../../db/appointments/calendar";
import type { Db } from "../../db/client";
import { storedCalendar } from "./calendar";

/** Why a day differs from the template: a holiday closes it, a make-up day opens it, staff closed it. */
function note(d: { kind: string; holiday?: string; closures: { reason: string }[] }): string | null {
  if (d.kind === "holiday") return `${d.holiday ?? "法定节假日"}放假`;
  if (d.kind === "makeUp") return `调休上班${d.holiday ? `（${d.holiday}）` : ""}`;
  if (d.closures.length > 0) return d.closures.map((c) => c.reason).join("；");
  return null;
}

/**
 * The points with this ISO week's real opening: each point's saved template (else the data's),
 * holidays, make-up days and the closures staff entered (a closed day says why), read in one round trip.
 */
export async function pointList(db: Db, now: Date): Promise<PointList> {
  const week = isoWeekOf(chinaDay(now));
  const monday = isoWeekDays(week)[0] as string;
  const ids = SERVICE_POINTS.map((p) => p.id);
  const [templates, closures] = await db.batch([
    storedTemplates(db, ids),
    closuresIn(db, ids, dayStart(monday).toISOString(), dayStart(addDays(monday, 7)).toISOString()),
  ]);
  const stored = storedCalendar(templates, closures);
  return {
    minimumWeeklyHours: MINIMUM_WEEKLY_HOURS,
    points: SERVICE_POINTS.map((p) => {
      const opening = weekOpening(stored.point(p), week, stored.closures);
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
