// The top component of each sweeps console page, mounted by the page's module script
// (src/lib/mount-island.tsx), as src/components/staff/StaffPages.tsx does for the others.
import { StaffShell } from "../../staff/StaffShell";
import { StaffSweepList } from "./StaffSweepList";
import { StaffSweepWorkspace } from "./StaffSweepWorkspace";
import { SweepCertificates } from "./SweepCertificates";
import { SweepFiguresReport } from "./SweepFiguresReport";
import { SweepOutbox } from "./SweepOutbox";
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

export function SweepOutboxPage() {
  return (
    <StaffShell title="志愿清扫消息发件箱" permission="sweeps:manage">
      {(me) => <SweepOutbox me={me} />}
    </StaffShell>
  );
}

export function SweepFiguresPage() {
  return (
    <StaffShell title="志愿清扫统计与覆盖" permission="sweeps:figures">
      {(me) => <SweepFiguresReport me={me} />}
    </StaffShell>
  );
}

export function SweepCertificatesPage() {
  return (
    <StaffShell title="志愿服务记录证明" permission="sweeps:manage">
      {() => <SweepCertificates />}
    </StaffShell>
  );
}
