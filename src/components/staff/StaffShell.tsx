import { type ReactNode, useCallback, useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../lib/kit/problem";
import { staffApi } from "../../lib/staff/api";
import { homeFor } from "../../lib/staff/console";
import { can, type Permission, ROLE_LABELS } from "../../shared/staff/roles";
import type { Me } from "../../shared/staff/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { StaffMenu } from "./StaffMenu";
import { StatusMessage } from "./StatusMessage";

interface Props {
  title: string;
  /** What the page needs; a role without it is told so and sent nowhere else. */
  permission: Permission;
  children: (me: Me) => ReactNode;
}

type State = { phase: "loading" } | { phase: "failed"; message: string } | { phase: "ready"; me: Me };

/**
 * Every console page but sign-in: finds out who is signed in (or sends them to sign in), makes a
 * first-time user change the one-time password before anything else, and shows the role's menu.
 */
export function StaffShell({ title, permission, children }: Props) {
  const [state, setState] = useState<State>({ phase: "loading" });
  const [status, setStatus] = useState("");
  const focusLater = useFocusLater();

  const load = useCallback(async () => {
    try {
      setState({ phase: "ready", me: await staffApi.me() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        location.replace(`/staff/?next=${encodeURIComponent(location.pathname)}`);
        return;
      }
      setState({ phase: "failed", message: errorMessage(err) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.phase === "loading") return <StatusMessage text="正在加载…" />;
  if (state.phase === "failed") {
    return (
      <>
        <h1>{title}</h1>
        <div role="alert" className="error-summary">
          <p>{state.message}</p>
        </div>
      </>
    );
  }

  const { me } = state;
  if (me.mustChangePassword) {
    return (
      <>
        <StaffMenu me={me} showMenu={false} />
        <h1>请先修改初始密码</h1>
        <p>为了账号安全，首次登录须先把管理员提供的初始密码换成只有您知道的密码；修改之前不能使用工作台的其他功能。</p>
        <ChangePasswordForm
          email={me.email}
          currentLabel="初始密码"
          onChanged={async () => {
            await load();
            setStatus("密码已修改，现在可以使用工作台了。");
            focusLater("staff-heading");
          }}
        />
      </>
    );
  }

  return (
    <>
      <StaffMenu me={me} showMenu />
      <h1 id="staff-heading" tabIndex={-1}>
        {title}
      </h1>
      <StatusMessage text={status} />
      {can(me.role, permission) ? (
        children(me)
      ) : (
        <p>
          您的角色（{ROLE_LABELS[me.role]}）不能使用本页面。请返回<a href={homeFor(me.role)}>工作台首页</a>。
        </p>
      )}
    </>
  );
}
