// The top component of each sweeps console page, mounted by the page's module script
// (src/lib/mount-island.tsx), as src/components/staff/StaffPages.tsx does for the others.
import { StaffShell } from "../../staff/StaffShell";
import { StaffSweepList } from "./StaffSweepList";
import { StaffSweepWorkspace } from "./StaffSweepWorkspace";
import { SweepPlanForm } from "./SweepPlanForm";

export function SweepsListPage() {
  return (
    <StaffShell title="志愿清扫" permission="sweeps:manage">
      {() => <StaffSweepList />}
    </StaffShell>
  );
}

export function SweepPlanPage() {
  return (
    <StaffShell title="规划志愿清扫" permission="sweeps:manage">
      {() => <SweepPlanForm />}
    </StaffShell>
  );
}

export function SweepPage() {
  return (
    <StaffShell title="志愿清扫活动" permission="sweeps:manage">
      {(me) => <StaffSweepWorkspace me={me} />}
    </StaffShell>
  );
}
