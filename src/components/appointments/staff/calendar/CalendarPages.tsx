// The top component of the staff calendar page, mounted by the page's module script.
import { StaffShell } from "../../../staff/StaffShell";
import { CalendarWorkspace } from "./CalendarWorkspace";

export function CalendarPage() {
  return (
    <StaffShell title="服务点日历" permission="appointments:read">
      {() => <CalendarWorkspace />}
    </StaffShell>
  );
}
