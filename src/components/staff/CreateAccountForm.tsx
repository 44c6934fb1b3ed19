import { type FormEvent, useState } from "react";
import { ApiError, type FieldErrors, refusalOf } from "../../lib/kit/problem";
import { staffApi } from "../../lib/staff/api";
import { type Role, UNIT_BOUND_ROLES, UNIT_FREE_ROLES } from "../../shared/staff/roles";
import { CreateAccountSchema } from "../../shared/staff/schemas";
import type { StaffAccount, Unit } from "../../shared/staff/wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { EmailInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";
import { RoleSelect } from "./RoleSelect";
import { UnitField } from "./UnitSelect";

const FIELDS = {
  email: { id: "new-email", label: "工作邮箱" },
  displayName: { id: "new-name", label: "姓名" },
  role: { id: "new-role", label: "角色" },
  unitId: { id: "new-unit", label: "所属单位" },
};

interface Props {
  units: Unit[];
  onCreated: (result: { account: StaffAccount; oneTimePassword: string }) => void;
}

/** Creates an account; the API answers with a one-time password for the new colleague. */
export function CreateAccountForm({ units, onCreated }: Props) {
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState("");
  const [unitId, setUnitId] = useState("");
  const form = useForm({ targets: FIELDS });
  const fields = form.errors;
  const needsUnit = UNIT_BOUND_ROLES.includes(role as Role);
  // A unit-free role takes no unit (the API refuses one): the field goes, and so does a unit chosen before.
  const takesUnit = !UNIT_FREE_ROLES.includes(role as Role);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { email, displayName, role: role as Role, unitId: takesUnit ? unitId || null : null };
    const own: FieldErrors = {};
    if (!role) own.role = "请选择角色";
    if (needsUnit && !unitId) own.unitId = "该角色必须指定单位";
    if (form.busy || !form.check(CreateAccountSchema, input, { extra: own })) return;
    const create = async () => {
      const result = await staffApi.createAccount(input);
      setEmail("");
      setDisplayName("");
      setRole("");
      setUnitId("");
      onCreated(result);
    };
    await form.run(create, {
      // 409: the email is taken; the API's sentence says so, next to the email field.
      onError: (err) =>
        err instanceof ApiError && err.status === 409
          ? { message: err.message, errors: { email: err.message } }
          : refusalOf(err),
    });
  }

  return (
    <>
      <ErrorSummary message={form.message} errors={fields} targets={FIELDS} />
      <form className="card form" method="post" noValidate onSubmit={submit}>
        <Field id={FIELDS.email.id} label={FIELDS.email.label} hint="用作登录名。" error={fields.email}>
          {(a11y) => (
            <EmailInput {...a11y} name="email" autoComplete="off" required value={email} onChange={setEmail} />
          )}
        </Field>
        <Field id={FIELDS.displayName.id} label={FIELDS.displayName.label} error={fields.displayName}>
          {(a11y) => (
            <input
              {...a11y}
              name="displayName"
              type="text"
              autoComplete="off"
              required
              maxLength={40}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field id={FIELDS.role.id} label={FIELDS.role.label} error={fields.role}>
          {(a11y) => <RoleSelect a11y={a11y} name="role" value={role} placeholder onChange={setRole} />}
        </Field>
        {takesUnit && (
          <UnitField
            id={FIELDS.unitId.id}
            value={unitId}
            units={units}
            required={needsUnit}
            hint="处置单位和服务点工作人员必须指定单位。"
            error={fields.unitId}
            onChange={setUnitId}
          />
        )}
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在创建…" : "创建账号"}
        </button>
      </form>
    </>
  );
}
