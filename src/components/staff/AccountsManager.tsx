import { useEffect, useState } from "react";
import { errorMessage } from "../../lib/kit/problem";
import { staffApi } from "../../lib/staff/api";
import type { Me, StaffAccount } from "../../shared/staff/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { AccountEditor } from "./AccountEditor";
import { AccountTable } from "./AccountTable";
import { CreateAccountForm } from "./CreateAccountForm";
import { OneTimePassword } from "./OneTimePassword";
import { StatusMessage } from "./StatusMessage";
import { useUnits } from "./useUnits";

/** The admin's account management: the list, one account's editor, and the create form. */
export function AccountsManager({ me }: { me: Me }) {
  const units = useUnits(true);
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [loadError, setLoadError] = useState("");
  const [editingId, setEditingId] = useState<number | null>(null);
  const [created, setCreated] = useState<{ account: StaffAccount; oneTimePassword: string } | null>(null);
  const [status, setStatus] = useState("");
  const focusLater = useFocusLater();

  useEffect(() => {
    staffApi
      .listAccounts()
      .then(setAccounts)
      .catch((err) => setLoadError(errorMessage(err)));
  }, []);

  const editing = accounts?.find((a) => a.id === editingId);

  function closeEditor() {
    if (editingId !== null) focusLater(`manage-${editingId}`);
    setEditingId(null);
  }

  return (
    <>
      <StatusMessage text={status} />
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">账号列表</h2>
        {loadError && (
          <div role="alert" className="error-summary">
            <p>账号列表加载失败：{loadError}</p>
          </div>
        )}
        {accounts ? (
          <AccountTable
            accounts={accounts}
            units={units}
            selfId={me.id}
            editingId={editingId}
            onManage={(id) => {
              setStatus("");
              setEditingId(id);
            }}
          />
        ) : (
          !loadError && <p className="muted">正在加载账号列表…</p>
        )}
      </section>
      {editing && (
        <AccountEditor
          key={editing.id}
          account={editing}
          units={units}
          isSelf={editing.id === me.id}
          onSaved={(updated, message) => {
            setAccounts((list) => list?.map((a) => (a.id === updated.id ? updated : a)) ?? null);
            setStatus(message);
            closeEditor();
          }}
          onClose={closeEditor}
        />
      )}
      <section aria-labelledby="create-heading">
        <h2 id="create-heading" tabIndex={-1}>
          新建账号
        </h2>
        {created ? (
          <OneTimePassword
            account={created.account}
            password={created.oneTimePassword}
            onDone={() => {
              setCreated(null);
              focusLater("create-heading");
            }}
          />
        ) : (
          <>
            <p className="muted">新账号会得到一个只显示一次的初始密码，本人首次登录时须修改。</p>
            <CreateAccountForm
              units={units}
              onCreated={(result) => {
                setAccounts((list) => (list ? [...list, result.account] : list));
                setStatus(`已创建 ${result.account.displayName} 的账号。`);
                setCreated(result);
              }}
            />
          </>
        )}
      </section>
    </>
  );
}
