import { useState } from "react";
import { errorMessage } from "../../lib/kit/problem";
import { myCertificate, requestCertificate } from "../../lib/sweeps/certificate-api";
import { MANAGE_PATH } from "../../lib/sweeps/manage-link";
import { formatCheckCode } from "../../shared/sweeps/certificate";
import { ManageTokenSchema } from "../../shared/sweeps/schemas";
import type { CertificateDoc } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";
import { PublicCaseQr } from "../complaints/PublicCaseQr";
import { useFocusLater } from "../forms/useFocusLater";
import { useLinkSecret } from "../forms/useLinkSecret";
import { CertificateBody } from "./CertificateBody";

/** The certificate laid out for A4: number and check code at the top, the seal's place and the QR at the foot. */
function Certificate({ doc }: { doc: CertificateDoc }) {
  const verifyUrl = `${location.origin}${doc.verifyPath}`;
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      <p className="cert-number">
        证明编号：<strong>{doc.number}</strong>
        <br />
        校验码：<strong>{formatCheckCode(doc.checkCode)}</strong>
      </p>
      <h2 id="certificate-title" tabIndex={-1}>
        志愿服务记录证明
      </h2>
      {doc.revokedAt && <p className="cert-revoked">此证明已作废，不能使用。</p>}
      <CertificateBody payload={doc.payload} idPrefix="certificate" />
      <div className="cert-foot">
        <figure className="cert-qr">
          <PublicCaseQr text={verifyUrl} label={`核验这份证明的二维码，链接 ${verifyUrl}`} />
          <figcaption>扫码核验，或访问 {location.origin}/volunteer/verify/ 输入证明编号和校验码</figcaption>
        </figure>
        <div className="seal-box">
          <span className="seal-label">盖章处</span>
          <span className="seal-hint">（出具单位公章）</span>
        </div>
      </div>
    </article>
  );
}

/**
 * The volunteer's certificate page, opened from the manage page with the same secret in the
 * fragment: the latest certificate, ready to print (window.print; the page's print styles lay it
 * out on A4 without the site's header and footer), or a button to have one issued.
 */
export default function CertificateView() {
  const incomplete = "链接不完整。请从报名的管理页面点击“申请/查看志愿服务记录证明”打开本页。";
  const { secret, view, setView, status, setStatus, error, setError } = useLinkSecret({
    schema: ManageTokenSchema,
    open: myCertificate,
    missing: incomplete,
    malformed: incomplete,
  });
  const [busy, setBusy] = useState(false);
  const focus = useFocusLater();

  async function issue() {
    if (!secret || busy) return;
    setBusy(true);
    setError("");
    setStatus("正在开具…");
    const before = view?.certificate?.number;
    try {
      const next = await requestCertificate(secret);
      setView(next);
      setStatus(next.certificate?.number === before ? "服务记录没有变化，仍是这份证明。" : "证明已开具，可以打印。");
      focus("certificate-title");
    } catch (err) {
      setStatus("");
      setError(errorMessage(err, "没有开具成功，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  }

  const doc = view?.certificate;
  return (
    <div className="certificate-view">
      <div className="no-print">
        <p role="status">{status}</p>
        <div role="alert">{error && <p className="error-summary">{error}</p>}</div>
        {view && !doc && (
          <>
            <p>还没有开具过证明。开具后，证明列出您每次经审核的志愿服务时长，并可由学校在线核验。</p>
            <button type="button" aria-disabled={busy || undefined} onClick={issue}>
              开具志愿服务记录证明
            </button>
          </>
        )}
        {doc?.revokedAt && (
          <p className="callout">
            这份证明已于 {formatDateTimeZh(doc.revokedAt)} 被出具单位作废
            {doc.revokeReason ? `（原因：${doc.revokeReason}）` : ""}，不能再使用。可以按现在的服务记录重新开具。
          </p>
        )}
        {doc && (
          <div className="actions">
            {!doc.revokedAt && (
              <button type="button" onClick={() => print()}>
                打印
              </button>
            )}
            <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={issue}>
              {doc.revokedAt ? "重新开具" : "按最新服务记录开具"}
            </button>
          </div>
        )}
        {secret && (
          <p>
            <a href={`${MANAGE_PATH}#t=${encodeURIComponent(secret)}`}>返回我的报名</a>
          </p>
        )}
      </div>
      {doc && <Certificate doc={doc} />}
    </div>
  );
}
