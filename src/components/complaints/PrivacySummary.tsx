import { CONTACT_RETENTION_DAYS } from "../../shared/privacy";
import { BUREAU } from "../../shared/publishing";

/** What the privacy notice says about a complaint, in short, before the consent box. */
export function PrivacySummary() {
  return (
    <section className="privacy" aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">个人信息保护说明（摘要）</h3>
      <ul>
        <li>
          <strong>谁处理：</strong>
          {BUREAU.name}（{BUREAU.address}）。
        </li>
        <li>
          <strong>为什么：</strong>受理、派遣、处理和核查您反映的问题；手机号只用于回访。
        </li>
        <li>
          <strong>保存多久：</strong>称呼、手机号等联系信息在结案满 {CONTACT_RETENTION_DAYS} 天后匿名化。
        </li>
        <li>
          <strong>公开什么：</strong>只公开类别、社区、街道和办理进度，不显示称呼、电话或精确位置。
        </li>
        <li>
          <strong>您的权利：</strong>查阅、复制、更正、删除您的信息，撤回同意。
        </li>
      </ul>
      <p>
        <a href="/privacy/">阅读完整的个人信息保护说明</a>
      </p>
    </section>
  );
}
