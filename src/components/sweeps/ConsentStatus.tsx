import { useState } from "react";
import { errorMessage } from "../../lib/kit/problem";
import { reissueGuardianLink } from "../../lib/sweeps/consent-api";
import type { GuardianLinkResult, ManageView } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";
import { CopyButton } from "../forms/CopyButton";
import { useFocusLater } from "../forms/useFocusLater";

interface Props {
  view: ManageView;
  /** The manage secret: a new guardian link is asked for with it. */
  token: string;
}

/**
 * A minor's part of the manage page: whether the guardian has consented, until when the place is
 * held, whether a guardian must come along. The guardian's link is not stored (only its hash), so it
 * cannot be shown again: a new one can be made, and the old one stops working.
 */
export function ConsentStatus({ view, token }: Props) {
  const consent = view.consent;
  const [fresh, setFresh] = useState<GuardianLinkResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const focus = useFocusLater();
  if (!consent) return null;

  async function reissue() {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      setFresh(await reissueGuardianLink(token));
      focus("guardian-link-new");
    } catch (err) {
      setError(errorMessage(err, "没有生成新的链接，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  }

  const link = fresh ? location.origin + fresh.consentPath : null;
  return (
    <section aria-labelledby="consent-status-heading">
      <h3 id="consent-status-heading">监护人同意</h3>
      <p>
        {consent.consentedAt
          ? `监护人（${consent.guardianName}）已于 ${formatDateTimeZh(consent.consentedAt)} 同意。`
          : `监护人（${consent.guardianName}）尚未同意。`}
      </p>
      {consent.heldUntil && !consent.consentedAt && (
        <p>
          名额保留到 <strong>{formatDateTimeZh(consent.heldUntil)}</strong>：监护人在此之前同意，名额才确认。
        </p>
      )}
      {view.signup.status === "offered" && !consent.consentedAt && (
        <p className="callout">递补的名额须先由监护人同意，您才能确认；请尽快请监护人打开同意链接。</p>
      )}
      {view.signup.status === "waitlisted" && !consent.consentedAt && (
        <p>您在候补中。监护人现在就可以同意，递补时您就能直接确认名额。</p>
      )}
      {consent.guardianMustAttend && <p className="callout">这场活动须由监护人陪同参加。</p>}
      {consent.canReissue && (
        <>
          <p>监护人同意链接只在报名时显示一次，这里不能再显示。如果链接丢了，可以生成一个新的（旧链接随即失效）。</p>
          <div role="alert">{error && <p className="error-summary">{error}</p>}</div>
          {link ? (
            <div id="guardian-link-new" tabIndex={-1}>
              <p>新的监护人同意链接（只显示这一次，请现在复制发给监护人）：</p>
              <p className="manage-link">
                <a href={link}>{link}</a>
              </p>
              <CopyButton text={link} label="复制监护人同意链接" />
            </div>
          ) : (
            <p>
              <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={reissue}>
                重新生成监护人同意链接
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
