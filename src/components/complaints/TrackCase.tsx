import { useEffect, useState } from "react";
import * as v from "valibot";
import { trackByToken } from "../../lib/complaints/api";
import { errorMessage } from "../../lib/kit/problem";
import { TrackingTokenSchema } from "../../shared/complaints/schemas";
import type { TrackingView } from "../../shared/complaints/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { CaseView } from "./CaseView";
import { LookupForm } from "./LookupForm";
import { PersonalDataPanel } from "./PersonalData";

/** The secret from the link's fragment (#t=…), which browsers never send to a server. */
const tokenInHash = () => new URLSearchParams(location.hash.slice(1)).get("t");

/**
 * The tracking island: opens the case from the link's secret (sent only in a header; the fragment
 * is left as it is, so the link can be bookmarked), or from the case number and phone. Only the
 * link shows the personal data the case holds and lets the reporter delete their contact.
 */
export default function TrackCase() {
  const [token, setToken] = useState<string | null>(null);
  const [view, setView] = useState<TrackingView | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const focus = useFocusLater();

  useEffect(() => {
    const open = async () => {
      const t = tokenInHash();
      if (!t) return;
      if (!v.is(TrackingTokenSchema, t))
        return setError("查询链接不完整。请从提交成功页面或短信中完整复制链接，或用案件编号和手机号查询。");
      setStatus("正在查询…");
      setError("");
      try {
        setView(await trackByToken(t));
        setToken(t);
        setStatus("");
      } catch (err) {
        setStatus("");
        setError(errorMessage(err, "查询没有成功，请稍后再试。"));
      }
    };
    open();
    addEventListener("hashchange", open);
    return () => removeEventListener("hashchange", open);
  }, []);

  const show = (next: TrackingView, by: string | null, message = "", focusOn = "case-heading") => {
    setView(next);
    setToken(by);
    setError("");
    setStatus(message);
    focus(focusOn);
  };

  return (
    <div className="tracking">
      <p role="status">{status}</p>
      <div role="alert">{error && <p className="error-summary">{error}</p>}</div>
      {view && <CaseView view={view} token={token} onChange={(next, message) => show(next, token, message)} />}
      {view && !token && (
        <p className="callout">查看或删除本案件保存的您的个人信息，请用提交成功时得到的查询链接打开本页。</p>
      )}
      {view?.personalData && token && (
        <PersonalDataPanel
          data={view.personalData}
          token={token}
          onDeleted={(next, message) => show(next, token, message, "personal-heading")}
        />
      )}
      <LookupForm onFound={(found) => show(found, null)} />
    </div>
  );
}
