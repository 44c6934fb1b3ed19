import { useState } from "react";
import { deleteContact } from "../../lib/complaints/api";
import { errorMessage } from "../../lib/kit/problem";
import { PERSONAL_DATA, type PersonalDataItem } from "../../shared/complaints/personal-data";
import type { PersonalData, TrackingView } from "../../shared/complaints/wire";
import { BUREAU } from "../../shared/publishing";
import { formatDateTimeZh } from "../../shared/time";
import { useFocusLater } from "../forms/useFocusLater";

interface Props {
  data: PersonalData;
  token: string;
  onDeleted: (view: TrackingView, message: string) => void;
}

/** One item as the reporter reads it; "未留" for what they did not give. */
function shown(key: PersonalDataItem["key"], d: PersonalData): string {
  switch (key) {
    case "callbackWanted":
      return d.callbackWanted ? "需要" : "不需要";
    case "point":
      return d.point ? `北纬 ${d.point.lat.toFixed(6)}，东经 ${d.point.lng.toFixed(6)}` : "未提供";
    case "photoCount":
      return `${d.photoCount} 张`;
    case "reopenReasons":
      return d.reopenReasons.length ? d.reopenReasons.join("\n") : "无";
    default:
      return d[key] || "未留";
  }
}

/**
 * What the case holds about its reporter (PIPL art. 45), item by item as the privacy notice lists
 * them, and the deletion of the contact details now (art. 47). Only through the tracking link.
 */
export function PersonalDataPanel({ data, token, onDeleted }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const focusLater = useFocusLater();
  const hasContact = !!data.name || !!data.phone || data.callbackWanted || !!data.accountId;
  // Items only some cases hold (an app's Open311 filing): a website filing has no row for them.
  const items = PERSONAL_DATA.filter((item) => !item.optional || data[item.key] !== undefined);

  const ask = () => {
    setConfirming(true);
    focusLater("contact-delete-confirm");
  };
  const cancel = () => {
    setConfirming(false);
    focusLater("contact-delete");
  };
  async function remove() {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const next = await deleteContact(token);
      setConfirming(false);
      onDeleted(next, "已删除您的联系方式。");
    } catch (err) {
      setError(errorMessage(err, "删除没有成功，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="case-form personal-data" aria-labelledby="personal-heading">
      <h3 id="personal-heading" tabIndex={-1}>
        我们保存的您的个人信息
      </h3>
      <p className="muted">只有持查询链接的人能看到这里。</p>
      <dl className="facts">
        {items.map((item) => (
          <div key={item.key}>
            <dt>{item.label}</dt>
            <dd>{shown(item.key, data)}</dd>
          </div>
        ))}
      </dl>
      {data.contactDeletedAt && <p>您已于 {formatDateTimeZh(data.contactDeletedAt)} 删除了联系方式。</p>}
      {!data.contactDeletedAt && data.contactAnonymisedAt && (
        <p>结案满保存期限后，联系方式已于 {formatDateTimeZh(data.contactAnonymisedAt)} 自动删除。</p>
      )}
      {hasContact && (
        <div>
          <h4 id="contact-delete-heading">删除联系方式</h4>
          <p>
            立即删除称呼、手机号码{data.accountId ? "、回访意愿和应用中的账号标识" : "和回访意愿"}
            ；描述、地址和答复中与它们一字不差的文字也会换成“（已删除）”。删除后工作人员无法给您回电，也不能再用手机号码查询，请保存好本页链接。
          </p>
          <div role="alert" className="alert-region">
            {error && <p className="field-error">{error}</p>}
          </div>
          {confirming ? (
            <div>
              <p>
                <strong>确定要删除吗？删除后无法恢复。</strong>
              </p>
              <button type="button" id="contact-delete-confirm" aria-disabled={busy || undefined} onClick={remove}>
                {busy ? "正在删除…" : "确认删除"}
              </button>{" "}
              <button type="button" className="secondary" onClick={cancel}>
                取消
              </button>
            </div>
          ) : (
            <button type="button" id="contact-delete" className="secondary" onClick={ask}>
              删除我的联系方式
            </button>
          )}
        </div>
      )}
      <p>
        <a href="/privacy/">个人信息保护说明</a>：更正、删除其他信息或其他请求，请拨打{" "}
        <a href={`tel:${BUREAU.hotline}`}>{BUREAU.hotline}</a>。
      </p>
    </section>
  );
}
