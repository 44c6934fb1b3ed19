// The top component of the applications page, mounted by the page's module script
// (src/lib/mount-island.tsx), as the desk's DeskPages.tsx is.
import { can } from "../../../../shared/staff/roles";
import { StaffShell } from "../../../staff/StaffShell";
import { ApplicationsWorkspace } from "./ApplicationsWorkspace";

export function ApplicationsPage() {
  return (
    <StaffShell title="店招申请" permission="appointments:read">
      {(me) => <ApplicationsWorkspace canAct={can(me.role, "appointments:applications")} />}
    </StaffShell>
  );
}
