import { currentDeadline, notYetDispatched } from "../../../lib/complaints/console";
import { caseHref } from "../../../lib/complaints/console-api";
import { formatChinaMinute } from "../../../shared/time";
import { type CasePageProps, casesCaption } from "./CaseTable";
import { CaseTags } from "./CaseTags";
import { DeadlineClock } from "./DeadlineClock";
import { useNow } from "./useNow";

/**
 * One page of cases on a phone: a card each, the case number and its running deadline first, where
 * the table would hide the deadline seven columns to the right.
 */
export function CaseCards(props: CasePageProps) {
  const { filter, cases } = props;
  const now = useNow();
  return (
    <>
      <p id="cases-caption" className="cases-caption">
        {casesCaption(props)}
      </p>
      <ol className="case-cards" aria-labelledby="cases-caption">
        {cases.map((c) => {
          const deadline = currentDeadline(c);
          return (
            <li key={c.id} className={c.urgent ? "card case-card urgent-row" : "card case-card"}>
              <p className="case-card-head">
                <a href={caseHref(c.id, filter)} className="mono">
                  {c.caseNumber}
                </a>{" "}
                <CaseTags c={c} />
              </p>
              <p className="case-card-deadline">
                {deadline ? (
                  <>
                    {deadline.kind === "accept" ? "立案时限" : "处置时限"}{" "}
                    <time dateTime={deadline.due}>{formatChinaMinute(deadline.due)}</time> ·{" "}
                    <DeadlineClock due={deadline.due} now={now} />
                  </>
                ) : c.dueAt ? (
                  <>
                    处置时限 <time dateTime={c.dueAt}>{formatChinaMinute(c.dueAt)}</time>
                  </>
                ) : (
                  "未在计时"
                )}
              </p>
              <p>
                <strong>{c.categoryName}</strong> · {c.stateLabel}
              </p>
              <p>
                {c.communityName} · <span className="muted">{c.addressText}</span>
              </p>
              <p className="muted">
                {c.unitName ? `${c.unitName}${notYetDispatched(c.state) ? "（预设）" : ""}` : "尚未派遣"} · 收到{" "}
                <time dateTime={c.receivedAt}>{formatChinaMinute(c.receivedAt)}</time>
                {c.supporters > 0 && ` · ${c.supporters} 人支持`}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
