import * as v from "valibot";
import { asClosure } from "../../../src/shared/appointments/calendar-staff";
import type { Closure } from "../../../src/shared/appointments/opening";
import type { ServicePoint } from "../../../src/shared/appointments/points";
import { type WeeklyTemplate, WeeklyTemplateSchema } from "../../../src/shared/appointments/template";
import type { ClosureRow, TemplateRow } from "../../db/appointments/calendar";

// From the staff calendar's rows to what the pure opening and slot functions take: each point with
// the template staff saved (else the data's), and the closures in force.

// The rows were checked when saved (and the 10 hours by the table's CHECK); a row that no longer
// parses (the schema grew stricter) leaves the point on the data's template rather than failing
// every listing.
const StoredWeekly = WeeklyTemplateSchema(0);

export function storedWeekly(row: TemplateRow | undefined): WeeklyTemplate | undefined {
  if (!row) return undefined;
  const parsed = v.safeParse(StoredWeekly, JSON.parse(row.weekly));
  return parsed.success ? parsed.output : undefined;
}

export interface StoredCalendar {
  /** The point as it opens now: its saved template, else the data's. */
  point(p: ServicePoint): ServicePoint;
  /** The saved template's version (0: never saved, the data's). */
  version(pointId: string): number;
  closures: Closure[];
}

export function storedCalendar(templates: readonly TemplateRow[], closures: readonly ClosureRow[]): StoredCalendar {
  const byPoint = new Map(templates.map((t) => [t.pointId, t]));
  return {
    point(p) {
      const weekly = storedWeekly(byPoint.get(p.id));
      return weekly ? { ...p, weekly } : p;
    },
    version: (pointId) => byPoint.get(pointId)?.version ?? 0,
    closures: closures.map(asClosure),
  };
}
