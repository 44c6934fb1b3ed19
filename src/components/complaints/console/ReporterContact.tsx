import { useState } from "react";
import { casesApi } from "../../../lib/complaints/console-api";
import { errorMessage } from "../../../lib/kit/problem";
import type { CaseDetail, Contact } from "../../../shared/complaints/console-wire";
import { CONTACT_DELETED_ACTION } from "../../../shared/complaints/personal-data";
import { formatDateTimeZh } from "../../../shared/time";
import { useFocusLater } from "../../forms/useFocusLater";

interface Props {
  detail: CaseDetail;
  /** complaints:contact: the role may reveal the full contact (the API records each look). */
  mayReveal: boolean;
}

/** The reporter as the API masks them (张*, 138****1234, an app's account id), and the full contact on request. */
export function ReporterContact({ detail, mayReveal }: Props) {
  const [full, setFull] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const focusLater = useFocusLater();
  const shown = full ?? detail.reporter;
  // An app's Open311 filing: the account id, masked like the phone until revealed.
  const origin = detail.origin;
  const maskedAccount = origin.channel === "open311" ? origin.accountId : null;
  const accountId = full ? (full.accountId ?? null) : maskedAccount;
  // The reporter's own deletion through the tracking link: its internal timeline event says when.
  const deleted = detail.timeline.find((e) => e.action === CONTACT_DELETED_ACTION);

  async function reveal() {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      setFull(await casesApi.contact(detail.id));
      focusLater("reporter-contact");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (deleted) {
    return (
      <div id="reporter-contact" className="reporter">
        <p>市民已于 {formatDateTimeZh(deleted.at)} 通过查询链接删除了联系方式，无法回访。</p>
      </div>
    );
  }

  return (
    <div id="reporter-contact" tabIndex={-1} className="reporter">
      <p>
        称呼：{shown.name ?? "未留"}
        <br />
        手机号码：{shown.phone ? <span className="mono">{shown.phone}</span> : "未留"}
        <br />
        {accountId && (
          <>
            应用中的账号标识：<span className="mono">{accountId}</span>
            <br />
          </>
        )}
        {detail.reporter.callbackWanted ? "需要回访" : "不需要回访"}
        {full && <span className="muted">（完整联系方式，查看已记录）</span>}
      </p>
      <div role="alert" className="alert-region">
        {error && <p className="field-error">{error}</p>}
      </div>
      {mayReveal && (detail.reporter.callbackWanted || maskedAccount) && !full && (
        <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={reveal}>
          {busy ? "正在获取…" : "显示完整联系方式"}
        </button>
      )}
    </div>
  );
}
