// The console page of Open311 API keys (src/pages/staff/open311/keys/), for admins.
import { StaffShell } from "../staff/StaffShell";
import { KeysManager } from "./KeysManager";

export function KeysPage() {
  return (
    <StaffShell title="开放接口密钥" permission="open311:keys">
      {() => <KeysManager />}
    </StaffShell>
  );
}
