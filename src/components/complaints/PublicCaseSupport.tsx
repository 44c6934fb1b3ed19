import { useState } from "react";
import { supportCase } from "../../lib/complaints/api";
import { supporterId } from "../../lib/complaints/supporter-id";
import { errorMessage } from "../../lib/kit/problem";
import type { PublicCaseDetail } from "../../shared/complaints/wire";

/**
 * "我也遇到": counts this browser once as a supporter of an open case (the same API and random
 * supporter id as the filing page's nearby panel), instead of a second complaint about it.
 */
export function PublicCaseSupport({
  view,
  onChange,
}: {
  view: PublicCaseDetail;
  onChange: (view: PublicCaseDetail) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const support = async () => {
    if (busy) return;
    setBusy(true);
    setError("");
    setStatus("");
    try {
      const result = await supportCase(view.caseNumber, supporterId());
      onChange({ ...view, supporters: result.supporters });
      setStatus(
        result.counted
          ? `已记下您的支持，现在共有 ${result.supporters} 人遇到这个问题。`
          : `您之前已经支持过这件投诉，现在共有 ${result.supporters} 人。`,
      );
    } catch (err) {
      setError(errorMessage(err, "没有记下您的支持，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="support">
      <div className="actions">
        <button type="button" onClick={support} aria-disabled={busy}>
          我也遇到
        </button>
        <span className="muted">同一个问题不必再投诉一次，支持人数会告诉处置单位它影响了多少人。</span>
      </div>
      <p role="status">{status}</p>
      <div role="alert">{error && <p className="field-error">{error}</p>}</div>
    </div>
  );
}
