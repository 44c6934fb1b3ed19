import { type FormEvent, useState } from "react";
import { staffApi } from "../../lib/staff/api";
import { ChangePasswordSchema } from "../../shared/staff/schemas";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { PasswordInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";

const FIELDS = {
  currentPassword: { id: "pw-current", label: "当前密码" },
  newPassword: { id: "pw-new", label: "新密码" },
};

interface Props {
  /** The account's email, for password managers to file the new password under. */
  email: string;
  currentLabel?: string;
  onChanged: () => void;
}

/** Changes one's own password; the API ends every other session of the account. */
export function ChangePasswordForm({ email, currentLabel = FIELDS.currentPassword.label, onChanged }: Props) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [visible, setVisible] = useState(false);
  const info = { ...FIELDS, currentPassword: { ...FIELDS.currentPassword, label: currentLabel } };
  const form = useForm({ targets: info });
  const fields = form.errors;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy || !form.check(ChangePasswordSchema, { currentPassword: current, newPassword: next })) return;
    await form.run(async () => {
      await staffApi.changePassword(current, next);
      setCurrent("");
      setNext("");
      onChanged();
    });
  }

  return (
    <>
      <ErrorSummary message={form.message} errors={fields} targets={info} />
      <form className="card form" method="post" noValidate onSubmit={submit}>
        {/* Tells password managers whose password this is; not shown. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field id={FIELDS.currentPassword.id} label={currentLabel} error={fields.currentPassword}>
          {(a11y) => (
            <PasswordInput
              {...a11y}
              name="current-password"
              visible={visible}
              autoComplete="current-password"
              required
              value={current}
              onChange={setCurrent}
            />
          )}
        </Field>
        <Field
          id={FIELDS.newPassword.id}
          label={FIELDS.newPassword.label}
          hint="至少 12 个字符。建议用一句好记的长句，不要与其他网站的密码相同。"
          error={fields.newPassword}
        >
          {(a11y) => (
            <PasswordInput
              {...a11y}
              name="new-password"
              visible={visible}
              autoComplete="new-password"
              required
              minLength={12}
              value={next}
              onChange={setNext}
            />
          )}
        </Field>
        <div className="check">
          <input id="pw-show" type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />
          <label htmlFor="pw-show">显示密码</label>
        </div>
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在保存…" : "修改密码"}
        </button>
      </form>
    </>
  );
}
