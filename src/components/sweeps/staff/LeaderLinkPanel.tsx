import { useState } from "react";
import { errorMessage } from "../../../lib/kit/problem";
import { staffDayApi } from "../../../lib/sweeps/staff-api";
import type { StaffSweep } from "../../../shared/sweeps/wire";
import { CopyButton } from "../../forms/CopyButton";
import { useFocusLater } from "../../forms/useFocusLater";

/**
 * The sweep leader's link (the phone page for the roster, check-in and out): issued here and shown
 * once, to hand to the leader; a new one makes any earlier link stop working.
 */
export function LeaderLinkPanel({ sweep }: { sweep: StaffSweep }) {
  const [link, setLink] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const focusLater = useFocusLater();

  async function issue() {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const answer = await staffDayApi.leaderLink(sweep.id);
      setLink(new URL(answer.leaderPath, location.origin).href);
      focusLater("leader-link-heading");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="leader-link" aria-labelledby="leader-heading">
      <h2 id="leader-heading">领队链接</h2>
      <p className="muted">
        领队用手机打开此链接，查看名单、为志愿者签到签退、登记现场报名和缺席。链接只显示一次；重新生成后，之前的链接失效。
      </p>
      <div role="alert" className="alert-region">
        {error && <p className="field-error">{error}</p>}
      </div>
      {link && (
        <div className="card">
          <h3 id="leader-link-heading" tabIndex={-1}>
            请把这个链接交给领队
          </h3>
          <p className="mono link-text">{link}</p>
          <CopyButton text={link} label="复制领队链接" />
        </div>
      )}
      <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={issue}>
        {busy ? "正在生成…" : link ? "重新生成领队链接" : "生成领队链接"}
      </button>
    </section>
  );
}
