import { type FormEvent, useEffect, useState } from "react";
import { ApiError, errorMessage, fieldErrorsOf } from "../../lib/kit/problem";
import { staffApi } from "../../lib/staff/api";
import { afterSignIn } from "../../lib/staff/console";
import { LoginSchema } from "../../shared/staff/schemas";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { EmailInput, PasswordInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";
import { StatusMessage } from "./StatusMessage";

const FIELDS = {
  email: { id: "login-email", label: "工作邮箱" },
  password: { id: "login-password", label: "密码" },
};

/** The page the console sent the member away from, to return to after signing in. */
function nextPath(): string | null {
  return new URLSearchParams(location.search).get("next");
}

function refusal(err: unknown): string {
  // Sign-in answers 401 alike for every refusal; only the throttle (429) says how long to wait.
  if (err instanceof ApiError && err.status === 429 && err.retryAfter) {
    return `${err.message}（约 ${Math.ceil(err.retryAfter / 60)} 分钟后可再试）`;
  }
  return errorMessage(err);
}

/** The sign-in form; someone already signed in goes straight on to their first menu entry. */
export function SignInForm() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [status, setStatus] = useState("");
  // With no field named, a refusal (wrong password, locked) puts focus back on the password.
  const form = useForm({ targets: FIELDS, focusOtherwise: FIELDS.password.id });
  const fields = form.errors;

  // The form shows at once (signing in must not wait on this check); a session goes straight on.
  useEffect(() => {
    staffApi
      .me()
      .then((me) => location.replace(afterSignIn(me.role, nextPath())))
      .catch(() => undefined);
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy || !form.check(LoginSchema, { email, password })) return;
    setStatus("正在登录…");
    const signIn = async () => {
      const me = await staffApi.login(email, password);
      setStatus("登录成功，正在进入工作台…");
      location.assign(afterSignIn(me.role, nextPath()));
    };
    await form.run(signIn, {
      leaving: true,
      onError: (err) => {
        setStatus("");
        setPassword("");
        return { message: refusal(err), errors: fieldErrorsOf(err) };
      },
    });
  }

  return (
    <>
      <h1>工作人员登录</h1>
      <p className="muted">青溪区城市管理局工作台，仅供本局及各处置单位工作人员使用。</p>
      <ErrorSummary message={form.message} errors={fields} targets={FIELDS} />
      <form className="card form" method="post" noValidate onSubmit={submit}>
        <Field id={FIELDS.email.id} label={FIELDS.email.label} error={fields.email}>
          {(a11y) => (
            <EmailInput {...a11y} name="email" autoComplete="username" required value={email} onChange={setEmail} />
          )}
        </Field>
        <Field id={FIELDS.password.id} label={FIELDS.password.label} error={fields.password}>
          {(a11y) => (
            <PasswordInput
              {...a11y}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={setPassword}
            />
          )}
        </Field>
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在登录…" : "登录"}
        </button>
      </form>
      <StatusMessage text={status} />
      <p className="muted">忘记密码或账号被锁定，请联系本局系统管理员。</p>
    </>
  );
}
