import { useEffect, useState } from "react";
import { errorMessage } from "../../lib/kit/problem";
import { keysApi } from "../../lib/open311/keys-api";
import type { IssuedKey, Open311Key } from "../../shared/open311/keys";
import { useFocusLater } from "../forms/useFocusLater";
import { StatusMessage } from "../staff/StatusMessage";
import { IssuedKeyCard } from "./IssuedKeyCard";
import { IssueKeyForm } from "./IssueKeyForm";
import { KeyTable } from "./KeyTable";
import { RevokeKey } from "./RevokeKey";

/** The admin's Open311 keys: the list, a revocation with its confirmation, and the issue form. */
export function KeysManager() {
  const [keys, setKeys] = useState<Open311Key[] | null>(null);
  const [loadError, setLoadError] = useState("");
  const [revokingId, setRevokingId] = useState<number | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [status, setStatus] = useState("");
  const focusLater = useFocusLater();

  useEffect(() => {
    keysApi
      .list()
      .then(setKeys)
      .catch((err) => setLoadError(errorMessage(err)));
  }, []);

  const revoking = keys?.find((k) => k.id === revokingId);
  const closeRevoke = () => {
    if (revokingId !== null) focusLater(`revoke-${revokingId}`);
    setRevokingId(null);
  };

  return (
    <>
      <p className="muted">
        其他单位和应用通过 Open311 接口（/open311/v2/）提交诉求时须使用这里签发的 API
        密钥。密钥只在签发时显示一次，系统只保存其摘要；发现泄露请立即吊销并重新签发。
      </p>
      <StatusMessage text={status} />
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">密钥列表</h2>
        {loadError && (
          <div role="alert" className="error-summary">
            <p>密钥列表加载失败：{loadError}</p>
          </div>
        )}
        {keys ? (
          keys.length > 0 ? (
            <KeyTable
              keys={keys}
              revokingId={revokingId}
              onRevoke={(id) => {
                setStatus("");
                setRevokingId(id);
              }}
            />
          ) : (
            <p>还没有签发过密钥。</p>
          )
        ) : (
          !loadError && <p className="muted">正在加载密钥列表…</p>
        )}
      </section>
      {revoking && (
        <RevokeKey
          key={revoking.id}
          apiKey={revoking}
          onRevoked={(updated) => {
            setKeys((list) => list?.map((k) => (k.id === updated.id ? updated : k)) ?? null);
            setStatus(`已吊销 ${updated.holder} 的密钥 ${updated.prefix}…，使用它的提交将被拒绝。`);
            closeRevoke();
          }}
          onCancel={closeRevoke}
        />
      )}
      <section aria-labelledby="issue-heading">
        <h2 id="issue-heading" tabIndex={-1}>
          签发新密钥
        </h2>
        {issued ? (
          <IssuedKeyCard
            issued={issued}
            onDone={() => {
              setIssued(null);
              focusLater("issue-heading");
            }}
          />
        ) : (
          <IssueKeyForm
            onIssued={(result) => {
              setKeys((list) => (list ? [result.key, ...list] : list));
              setStatus(`已为 ${result.key.holder} 签发密钥。`);
              setIssued(result);
            }}
          />
        )}
      </section>
    </>
  );
}
