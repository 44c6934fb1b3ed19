import { trackByToken } from "../../lib/complaints/api";
import { TrackingTokenSchema } from "../../shared/complaints/schemas";
import type { TrackingView } from "../../shared/complaints/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { useLinkSecret } from "../forms/useLinkSecret";
import { CaseView } from "./CaseView";
import { LookupForm } from "./LookupForm";
import { PersonalDataPanel } from "./PersonalData";

/**
 * The tracking island: opens the case from the link's secret (sent only in a header; the fragment
 * is left as it is, so the link can be bookmarked), or from the case number and phone. Only the
 * link shows the personal data the case holds and lets the reporter delete their contact.
 */
export default function TrackCase() {
  // Without a secret the page offers the lookup by case number and phone instead.
  const {
    secret: token,
    setSecret: setToken,
    view,
    setView,
    status,
    setStatus,
    error,
    setError,
  } = useLinkSecret({
    schema: TrackingTokenSchema,
    open: trackByToken,
    malformed: "查询链接不完整。请从提交成功页面或短信中完整复制链接，或用案件编号和手机号查询。",
  });
  const focus = useFocusLater();

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
