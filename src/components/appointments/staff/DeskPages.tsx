// The top component of the desk page, mounted by the page's module script (src/lib/mount-island.tsx),
// as src/components/sweeps/staff/SweepsStaffPages.tsx does for the sweeps' console.
import { StaffShell } from "../../staff/StaffShell";
import { DeskWorkspace } from "./DeskWorkspace";

export function DeskPage() {
  return (
    <StaffShell title="服务点接待" permission="appointments:read">
      {() => <DeskWorkspace />}
    </StaffShell>
  );
}
