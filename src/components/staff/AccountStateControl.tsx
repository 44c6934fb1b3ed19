import { useState } from "react";
import { errorMessage } from "../../lib/kit/problem";
import { staffApi } from "../../lib/staff/api";
import type { StaffAccount } from "../../shared/staff/wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { useForm } from "../forms/useForm";
import { ConfirmStep } from "./ConfirmStep";

interface Props {
  account: StaffAccount;
  isSelf: boolean;
  onSaved: (account: StaffAccount, message: string) => void;
}

/** Disables or re-enables an account, after a confirmation step in the page. */
export function AccountStateControl({ account, isSelf, onSaved }: Props) {
  const [confirming, setConfirming] = useState(false);
  // A refusal puts focus back on the toggle: the confirmation step that had it is gone.
  const form = useForm({ targets: {}, focusOtherwise: "state-toggle" });
  const disable = !account.disabledAt;
  const name = account.displayName;

  async function confirm() {
    form.clear();
    await form.run(
      async () => {
        const updated = await staffApi.updateAccount(account.id, { disabled: disable });
        onSaved(updated, disable ? `已停用 ${name} 的账号，其所有登录已退出。` : `已重新启用 ${name} 的账号。`);
      },
      {
        onError: (err) => {
          setConfirming(false);
          return { message: errorMessage(err), errors: {} };
        },
      },
    );
  }

  if (isSelf) return <p className="muted">这是您当前登录的账号：不能停用，也不能取消自己的管理员角色。</p>;
  return (
    <div className="state-control">
      <p>当前状态：{disable ? "启用" : "已停用"}</p>
      <ErrorSummary message={form.message} />
      {confirming ? (
        <ConfirmStep
          id="state-confirm"
          question={
            disable
              ? `确定停用 ${name}（${account.email}）的账号吗？停用后此人会立即退出所有登录，在重新启用之前不能再登录。`
              : `确定重新启用 ${name}（${account.email}）的账号吗？启用后此人可以用原来的密码再次登录。`
          }
          confirmLabel={disable ? "确认停用" : "确认启用"}
          busy={form.busy}
          onConfirm={confirm}
          onCancel={() => {
            setConfirming(false);
            form.focusLater("state-toggle");
          }}
        />
      ) : (
        <button type="button" id="state-toggle" className="secondary" onClick={() => setConfirming(true)}>
          {disable ? "停用账号" : "重新启用账号"}
        </button>
      )}
    </div>
  );
}
