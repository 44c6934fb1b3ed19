import { useState } from "react";
import { can, ROLE_LABELS } from "../../shared/staff/roles";
import type { Me } from "../../shared/staff/wire";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { StatusMessage } from "./StatusMessage";
import { useUnits } from "./useUnits";

/** "My account": who is signed in, with which role and unit, and changing one's password. */
export function MyAccount({ me }: { me: Me }) {
  const units = useUnits(can(me.role, "units:read"));
  const [status, setStatus] = useState("");
  const unit = me.unitId ? (units.find((u) => u.id === me.unitId)?.name ?? me.unitId) : "未指定单位";

  return (
    <>
      <section aria-labelledby="me-heading" className="card">
        <h2 id="me-heading">账号信息</h2>
        <dl className="facts">
          <dt>姓名</dt>
          <dd>{me.displayName}</dd>
          <dt>工作邮箱</dt>
          <dd>{me.email}</dd>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[me.role]}</dd>
          <dt>所属单位</dt>
          <dd>{unit}</dd>
        </dl>
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">修改密码</h2>
        <p className="muted">修改后，您在其他设备或浏览器上的登录会全部退出，本机保持登录。</p>
        <ChangePasswordForm email={me.email} onChanged={() => setStatus("密码已修改。其他设备上的登录已全部退出。")} />
        <StatusMessage text={status} />
      </section>
    </>
  );
}
