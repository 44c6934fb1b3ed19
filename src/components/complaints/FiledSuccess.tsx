import { lazy } from "react";
import { casePagePath } from "../../shared/complaints/case-page";
import { REOPEN_WINDOW_DAYS } from "../../shared/complaints/reopen";
import type { FiledComplaint } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";
import { CopyButton } from "../forms/CopyButton";
import { CaseNumber } from "./CaseNumber";
import { Deferred } from "./Deferred";

// The QR code loads with the success view, not with the form: it is shared with the sweeps' pages
// (its own chunk), and the filing page's first download stays within its budget. Its encoder loads
// on demand anyway, so the case number and link never wait for it.
const PublicCaseQr = lazy(() => import("./PublicCaseQr").then((m) => ({ default: m.PublicCaseQr })));

interface Props {
  filed: FiledComplaint;
  withPhone: boolean;
  onAnother: () => void;
}

/**
 * The case number to keep, what happens next, the private tracking link, and the case's public
 * page (a link to copy and a QR code to scan or print) that anyone may have.
 */
export function FiledSuccess({ filed, withPhone, onAnother }: Props) {
  const link = location.origin + filed.trackingPath;
  const publicLink = location.origin + casePagePath(filed.caseNumber);
  return (
    <section className="filed" aria-labelledby="filed-heading">
      <h2 id="filed-heading" tabIndex={-1}>
        投诉已提交
      </h2>
      <p>
        案件编号
        <br />
        <CaseNumber value={filed.caseNumber} />
      </p>
      <h3>接下来</h3>
      <ol>
        <li>
          工作人员将在 <strong>{formatDateTimeZh(filed.acceptDueAt)}</strong> 前受理立案，并派遣给负责的处置单位。
        </li>
        <li>办理进度、处置时限和答复都会显示在查询页面上。</li>
        <li>结案后可以评价；问题没有解决的，结案后 {REOPEN_WINDOW_DAYS} 天内可以申请复核。</li>
      </ol>
      <h3>查询链接</h3>
      <p className="callout">
        这个链接就是您的查询凭证：请保存好，不要转发或公开。
        {withPhone ? "您也可以凭案件编号和手机号查询。" : "没有留手机号时，只能用这个链接查询。"}
      </p>
      <p className="tracking-link">
        <a href={link}>{link}</a>
      </p>
      <CopyButton text={link} label="复制查询链接" />
      <h3>公示页</h3>
      <p>
        立案后，这件投诉的办理过程会公开在下面的公示页上（不含您的姓名、电话、门牌号和问题描述）。这个链接可以转发给邻居，遇到同一问题的人可以在那里点“我也遇到”；立案前打开会显示“找不到”。
      </p>
      <p className="public-link" style={{ fontSize: "0.9rem", wordBreak: "break-all" }}>
        <a href={publicLink}>{publicLink}</a>
      </p>
      <CopyButton text={publicLink} label="复制公示页链接" />
      <figure className="qr-figure" style={{ margin: "1rem 0" }}>
        <Deferred failed={null}>
          <PublicCaseQr text={publicLink} label={`公示页链接的二维码：${publicLink}`} />
        </Deferred>
        <figcaption>用手机扫码打开公示页，也可以打印这一页留存。</figcaption>
      </figure>
      <div className="actions">
        <a className="button secondary" href="/complaints/">
          查看投诉公示
        </a>
        <button type="button" className="secondary" onClick={onAnother}>
          再反映一个问题
        </button>
      </div>
    </section>
  );
}
