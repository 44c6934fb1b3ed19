// The top component of each console page, mounted by the page's module script (see
// src/lib/mount-island.tsx): the shell, the page's title and permission, and its content.

import { CaseList } from "../complaints/console/CaseList";
import { CaseWorkspace } from "../complaints/console/CaseWorkspace";
import { FiguresReport } from "../complaints/console/FiguresReport";
import { AccountsManager } from "./AccountsManager";
import { AuditLog } from "./AuditLog";
import { MyAccount } from "./MyAccount";
import { SignInForm } from "./SignInForm";
import { StaffShell } from "./StaffShell";

export function SignInPage() {
  return <SignInForm />;
}

export function AccountPage() {
  return (
    <StaffShell title="我的账号" permission="account:self">
      {(me) => <MyAccount me={me} />}
    </StaffShell>
  );
}

export function AccountsPage() {
  return (
    <StaffShell title="账号管理" permission="staff:manage">
      {(me) => <AccountsManager me={me} />}
    </StaffShell>
  );
}

export function AuditPage() {
  return (
    <StaffShell title="操作日志" permission="audit:read">
      {() => <AuditLog />}
    </StaffShell>
  );
}

export function CasesPage() {
  return (
    <StaffShell title="案件办理" permission="complaints:read">
      {(me) => <CaseList me={me} />}
    </StaffShell>
  );
}

export function CasePage() {
  return (
    <StaffShell title="案件详情" permission="complaints:read">
      {(me) => <CaseWorkspace me={me} />}
    </StaffShell>
  );
}

export function FiguresPage() {
  return (
    <StaffShell title="考核指标" permission="figures:read">
      {(me) => <FiguresReport me={me} />}
    </StaffShell>
  );
}
