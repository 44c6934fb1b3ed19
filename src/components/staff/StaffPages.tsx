// The top component of each console page, mounted by the page's module script (see
// src/lib/mount-island.tsx): the shell, the page's title and permission, and its content.
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
