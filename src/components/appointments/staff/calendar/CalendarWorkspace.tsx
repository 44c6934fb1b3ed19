import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "../../../../lib/kit/problem";
import type { StaffCalendarView } from "../../../../shared/appointments/calendar-staff-wire";
import { PageStatus } from "../../../forms/PageStatus";
import { PointSelect, useServicePoints } from "../ServicePoints";
import { staffCalendarApi } from "./api";
import { ClosuresPanel } from "./ClosuresPanel";
import { TemplateEditor } from "./TemplateEditor";
import { WeeksTable } from "./WeeksTable";

/**
 * A service point's calendar: the warning when the weeks reach a year whose holidays are not in the
 * data, each week's real hours against the 10-hour rule, the weekly template and the closures.
 */
export function CalendarWorkspace() {
  const [view, setView] = useState<StaffCalendarView | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");

  const { points, pointId, setPointId } = useServicePoints(staffCalendarApi.points, setError);

  const load = useCallback(async (point: string) => setView(await staffCalendarApi.calendar(point)), []);

  useEffect(() => {
    if (!pointId) return;
    setError("");
    load(pointId).catch((err) => setError(errorMessage(err)));
  }, [pointId, load]);

  /** After a change: say it and show the calendar as it is now. */
  const changed = async (message: string) => {
    setStatus(message);
    await load(pointId).catch((err) => setError(errorMessage(err)));
  };

  return (
    <div className="point-calendar">
      <PageStatus status={status} error={error} />
      {points.length > 1 && <PointSelect id="calendar-point" points={points} value={pointId} onChange={setPointId} />}
      {view && (
        <>
          <h2>{view.point.name}</h2>
          {view.calendar.warnings.length > 0 && (
            <div className="callout calendar-warning" role="note">
              {view.calendar.warnings.map((w) => (
                <p key={w}>{w}</p>
              ))}
            </div>
          )}
          <WeeksTable calendar={view.calendar} />
          <TemplateEditor key={`${view.point.id}:${view.template.version}`} view={view} onSaved={changed} />
          <ClosuresPanel view={view} onChanged={changed} />
        </>
      )}
    </div>
  );
}
