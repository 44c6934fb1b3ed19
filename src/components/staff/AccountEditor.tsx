import { type FormEvent, useEffect, useRef, useState } from "react";
import { staffApi } from "../../lib/staff/api";
import { ROLE_LABELS, type Role, UNIT_BOUND_ROLES, UNIT_FREE_ROLES } from "../../shared/staff/roles";
import type { StaffAccount, Unit } from "../../shared/staff/wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { CHECK_MESSAGE, useForm } from "../forms/useForm";
import { AccountStateControl } from "./AccountStateControl";
import { RoleSelect } from "./RoleSelect";
import { UnitField } from "./UnitSelect";

const FIELDS = {
  role: { id: "edit-role", label: "角色" },
  unitId: { id: "edit-unit", label: "所属单位" },
};

interface Props {
  account: StaffAccount;
  units: Unit[];
  isSelf: boolean;
  onSaved: (account: StaffAccount, message: string) => void;
  onClose: () => void;
}

/** Changes one account's role and unit, and holds its disable/enable control. */
export function AccountEditor({ account, units, isSelf, onSaved, onClose }: Props) {
  const [role, setRole] = useState<string>(account.role);
  const [unitId, setUnitId] = useState(account.unitId ?? "");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm({ targets: FIELDS });
  const fields = form.errors;
  const needsUnit = UNIT_BOUND_ROLES.includes(role as Role);
  // A unit-free role takes no unit: the field goes, and saving clears the one the account had.
  const takesUnit = !UNIT_FREE_ROLES.includes(role as Role);
  const chosenUnit = takesUnit ? unitId : "";
  useEffect(() => headingRef.current?.focus(), []);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    if (needsUnit && !unitId) return form.refuse(CHECK_MESSAGE, { unitId: "该角色必须指定单位" });
    const change: { role?: Role; unitId?: string | null } = {};
    if (role !== account.role) change.role = role as Role;
    if (chosenUnit !== (account.unitId ?? "")) change.unitId = chosenUnit || null;
    if (Object.keys(change).length === 0) return form.refuse("没有要保存的修改。");
    await form.run(async () => {
      onSaved(await staffApi.updateAccount(account.id, change), `已保存 ${account.displayName} 的角色和单位。`);
    });
  }

  return (
    <section id="account-editor" className="card editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading" ref={headingRef} tabIndex={-1}>
        管理账号：{account.displayName}
        <span className="muted mono">（{account.email}）</span>
      </h2>
      <ErrorSummary message={form.message} errors={fields} targets={FIELDS} />
      <form method="post" noValidate onSubmit={save} className="form">
        {isSelf ? (
          <p>
            角色：{ROLE_LABELS[account.role]}
            <span className="muted">（不能修改自己的角色）</span>
          </p>
        ) : (
          <Field id={FIELDS.role.id} label={FIELDS.role.label} error={fields.role}>
            {(a11y) => <RoleSelect a11y={a11y} name="role" value={role} onChange={setRole} />}
          </Field>
        )}
        {takesUnit ? (
          <UnitField
            id={FIELDS.unitId.id}
            value={unitId}
            units={units}
            required={needsUnit}
            hint={needsUnit ? undefined : "该角色可以不指定单位。"}
            error={fields.unitId}
            onChange={setUnitId}
          />
        ) : (
          <p className="muted">该角色不属于任何单位。</p>
        )}
        <div className="actions">
          <button type="submit" aria-disabled={form.busy || undefined}>
            {form.busy ? "正在保存…" : "保存修改"}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            关闭
          </button>
        </div>
      </form>
      <h3>停用或启用</h3>
      <AccountStateControl account={account} isSelf={isSelf} onSaved={onSaved} />
    </section>
  );
}
