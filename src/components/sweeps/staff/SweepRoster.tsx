import { useState } from "react";
import { rosterCsvHref } from "../../../lib/sweeps/staff-api";
import type { Roster } from "../../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../../shared/time";

interface Props {
  roster: Roster;
  /** sweeps:contact: the role may see names and phones in full (each look and download is audited). */
  mayReveal: boolean;
  onReveal: () => Promise<void>;
  onHide: () => Promise<void>;
}

/** The people signed up, in arrival order, masked unless revealed; the same list as a CSV file. */
export function SweepRoster({ roster, mayReveal, onReveal, onHide }: Props) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState("");
  const { sweep, signups, contactsShown } = roster;

  async function toggle() {
    if (busy) return;
    setBusy(true);
    try {
      await (contactsShown ? onHide() : onReveal());
      setSaid(contactsShown ? "已隐藏联系方式。" : "已显示完整姓名和手机号码，本次查看已记录。");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sweep-roster" aria-labelledby="roster-heading">
      <h2 id="roster-heading">报名名单</h2>
      <div className="actions">
        {mayReveal && (
          <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={toggle}>
            {contactsShown ? "隐藏联系方式" : "显示联系方式"}
          </button>
        )}
        <a href={rosterCsvHref(sweep.id)} download>
          下载名单（CSV，姓名和手机号已隐藏）
        </a>
        {mayReveal && (
          <a href={rosterCsvHref(sweep.id, true)} download>
            下载含联系方式的名单（CSV，下载将被记录）
          </a>
        )}
      </div>
      <p role="status" className="status-message">
        {said}
      </p>
      {signups.length === 0 ? (
        <p>还没有人报名。</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="roster-caption" tabIndex={0}>
          <table className="roster">
            <caption id="roster-caption">
              报名名单：{signups.length} 人，按报名先后；
              {contactsShown ? "显示完整姓名和手机号码（查看已记录）" : "姓名和手机号码已部分隐藏"}
            </caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">姓名</th>
                <th scope="col">手机号码</th>
                <th scope="col">学校或单位</th>
                <th scope="col">出生年月</th>
                <th scope="col">状态</th>
                <th scope="col">报名时间</th>
              </tr>
            </thead>
            <tbody>
              {signups.map((s, i) => (
                <tr key={s.id}>
                  <th scope="row">{i + 1}</th>
                  <td>{s.name}</td>
                  <td className="mono nowrap">{s.phone}</td>
                  <td>{s.organisation}</td>
                  <td className="nowrap">{s.birthMonth}</td>
                  <td>
                    {s.statusLabel}
                    {s.position !== null && `（第 ${s.position} 位）`}
                    {s.offeredUntil && s.status === "offered" && (
                      <span className="muted">，{formatDateTimeZh(s.offeredUntil)} 前确认</span>
                    )}
                  </td>
                  <td className="nowrap">{formatDateTimeZh(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
