import { type FormEvent, useState } from "react";
import {
  errorMessage,
  type FieldErrors,
  type StaffAccount,
  StaffApiError,
  staffApi,
  type Unit,
} from "../../lib/staff/api";
import { checkFields } from "../../lib/staff/console";
import { type Role, UNIT_BOUND_ROLES } from "../../shared/staff/roles";
import { CreateAccountSchema } from "../../shared/staff/schemas";
import { Field } from "../forms/Field";
import { useFocusLater } from "../forms/useFocusLater";
import { ErrorSummary } from "./ErrorSummary";
import { RoleSelect } from "./RoleSelect";
import { UnitSelect } from "./UnitSelect";

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
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [fields, setFields] = useState<FieldErrors>({});
  const focusLater = useFocusLater();
  const needsUnit = UNIT_BOUND_ROLES.includes(role as Role);

  function refuse(text: string, wrong: FieldErrors) {
    setMessage(text);
    setFields(wrong);
    const first = (Object.keys(FIELDS) as (keyof typeof FIELDS)[]).find((name) => wrong[name]);
    if (first) focusLater(FIELDS[first].id);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = { email, displayName, role: role as Role, unitId: unitId || null };
    const wrong = checkFields(CreateAccountSchema, input);
    if (!role) wrong.role = "请选择角色";
    if (needsUnit && !unitId) wrong.unitId = "该角色必须指定单位";
    if (Object.keys(wrong).length > 0) return refuse("请修改以下内容：", wrong);
    setBusy(true);
    try {
      const result = await staffApi.createAccount(input);
      setEmail("");
      setDisplayName("");
      setRole("");
      setUnitId("");
      setMessage(undefined);
      setFields({});
      onCreated(result);
    } catch (err) {
      const duplicate = err instanceof StaffApiError && err.status === 409;
      refuse(errorMessage(err), duplicate ? { email: err.message } : err instanceof StaffApiError ? err.fields : {});
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary message={message} fields={fields} fieldInfo={FIELDS} />
      <form className="card form" method="post" noValidate onSubmit={submit}>
        <Field id={FIELDS.email.id} label={FIELDS.email.label} hint="用作登录名。" error={fields.email}>
          {(a11y) => (
            <input
              {...a11y}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
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
        <Field
          id={FIELDS.unitId.id}
          label={needsUnit ? "所属单位（必填）" : "所属单位"}
          hint="处置单位和服务点工作人员必须指定单位。"
          error={fields.unitId}
        >
          {(a11y) => (
            <UnitSelect
              a11y={a11y}
              name="unitId"
              value={unitId}
              units={units}
              required={needsUnit}
              onChange={setUnitId}
            />
          )}
        </Field>
        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? "正在创建…" : "创建账号"}
        </button>
      </form>
    </>
  );
}
