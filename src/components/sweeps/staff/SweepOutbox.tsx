import { useCallback, useEffect, useState } from "react";
import { type Refusal, refusalOf } from "../../../lib/kit/problem";
import { type OutboxFilter, staffSweepHref, staffSweepsMoreApi } from "../../../lib/sweeps/staff-api";
import { MESSAGE_KIND_LABELS, OUTBOX_STATUS_LABELS, RECIPIENT_LABELS } from "../../../lib/sweeps/staff-outbox";
import { can } from "../../../shared/staff/roles";
import type { Me } from "../../../shared/staff/wire";
import { OUTBOX_STATUSES, type Outbox, type OutboxStatus } from "../../../shared/sweeps/wire";
import { formatChinaMinute } from "../../../shared/time";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useLatestRequest } from "../../forms/useLatestRequest";
import { StatusMessage } from "../../staff/StatusMessage";

const ID = /^[a-z0-9]{10}$/;

function filterFromQuery(search: string): OutboxFilter {
  const q = new URLSearchParams(search);
  const status = q.get("status") ?? "";
  const sweepId = q.get("sweepId") ?? "";
  return {
    status: (OUTBOX_STATUSES as readonly string[]).includes(status) ? (status as OutboxStatus) : "unsent",
    sweepId: ID.test(sweepId) ? sweepId : "",
    contacts: false,
  };
}

/**
 * The messages of the sweeps' outbox (confirmed, offered, changed, reminders …): what the SMS
 * gateway is sent, or, without one, what people read on their manage pages. Phones masked unless
 * shown on request (audited).
 */
export function SweepOutbox({ me }: { me: Me }) {
  const [filter, setFilter] = useState(() => filterFromQuery(location.search));
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [error, setError] = useState<Refusal>();
  const [status, setStatus] = useState("正在加载…");
  const { busy, load: latest } = useLatestRequest();

  const load = useCallback(
    (f: OutboxFilter) => {
      setStatus("正在加载…");
      const q = new URLSearchParams({ status: f.status });
      if (f.sweepId) q.set("sweepId", f.sweepId);
      history.replaceState(null, "", `${location.pathname}?${q}`);
      void latest(
        () => staffSweepsMoreApi.outbox(f),
        (answer) => {
          setOutbox(answer);
          setError(undefined);
          setStatus(`${OUTBOX_STATUS_LABELS[answer.status]}的消息：${answer.messages.length} 条。`);
        },
        (err) => {
          setError(refusalOf(err));
          setStatus("");
        },
      );
    },
    [latest],
  );

  useEffect(() => {
    load(filter);
  }, [load, filter]);

  const mayReveal = can(me.role, "sweeps:contact");
  return (
    <>
      <p>
        <a href="/staff/sweeps/">← 返回活动列表</a>
      </p>
      {outbox && (
        <p className="callout">
          {outbox.senderEnabled
            ? `短信网关已配置：定时任务发送待发送的消息，失败 ${outbox.maxAttempts} 次后不再重试。`
            : "本环境没有配置短信网关，消息不会以短信发出；报名者在自己的报名管理页面上看到同样的消息。"}
        </p>
      )}
      <form className="card filters-form" aria-label="筛选消息" onSubmit={(e) => e.preventDefault()}>
        <div className="filter-grid">
          <Field id="outbox-status" label="状态">
            {(a11y) => (
              <select
                {...a11y}
                value={filter.status}
                onChange={(e) => setFilter({ ...filter, status: e.target.value as OutboxStatus })}
              >
                {OUTBOX_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {OUTBOX_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          {filter.sweepId && (
            <button type="button" className="secondary" onClick={() => setFilter({ ...filter, sweepId: "" })}>
              显示全部活动的消息
            </button>
          )}
          {mayReveal && (
            <button
              type="button"
              className="secondary"
              aria-disabled={busy || undefined}
              onClick={() => busy || setFilter({ ...filter, contacts: !filter.contacts })}
            >
              {filter.contacts ? "隐藏手机号码" : "显示完整手机号码（查看将被记录）"}
            </button>
          )}
        </div>
      </form>
      <ErrorSummary message={error?.message} />
      <StatusMessage text={status} />
      {outbox && outbox.messages.length === 0 && <p>没有{OUTBOX_STATUS_LABELS[outbox.status]}的消息。</p>}
      {outbox && outbox.messages.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="outbox-caption" tabIndex={0}>
          <table className="outbox">
            <caption id="outbox-caption">
              {OUTBOX_STATUS_LABELS[outbox.status]}的消息{filter.sweepId ? "（一场活动）" : ""}，最新的在前；
              {outbox.contactsShown ? "显示完整手机号码" : "手机号码已部分隐藏"}
            </caption>
            <thead>
              <tr>
                <th scope="col">写入时间</th>
                <th scope="col">活动</th>
                <th scope="col">类型</th>
                <th scope="col">收件人</th>
                <th scope="col">内容</th>
                <th scope="col">发送</th>
              </tr>
            </thead>
            <tbody>
              {outbox.messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="nowrap">
                    {formatChinaMinute(m.createdAt)}
                  </th>
                  <td>
                    <a href={staffSweepHref(m.sweepId)}>{m.sweepTitle}</a>
                    <br />
                    <span className="muted">{formatChinaMinute(m.startsAt)}</span>
                  </td>
                  <td>{MESSAGE_KIND_LABELS[m.kind]}</td>
                  <td>
                    {RECIPIENT_LABELS[m.recipient]}
                    <br />
                    <span className="mono nowrap">{m.to || "无手机号"}</span>
                  </td>
                  <td className="detail">{m.text}</td>
                  <td className="nowrap">
                    {m.sentAt ? formatChinaMinute(m.sentAt) : "未发送"}
                    {m.attempts > 0 && <span className="muted">（尝试 {m.attempts} 次）</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
