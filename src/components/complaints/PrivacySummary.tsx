import { CONTACT_RETENTION_DAYS } from "../../shared/privacy";
import { BUREAU } from "../../shared/publishing";

/** What the privacy notice (content/pages/privacy.md) says about a complaint, in short, before the consent box. */
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
          <strong>为什么：</strong>受理、派遣、处理和核查您反映的问题；手机号码只用于回电和回访。
        </li>
        <li>
          <strong>公开什么：</strong>
          只公开类别、社区、约 100
          米的大致位置、名录中的地点名称和办理进度，照片在立案后公开；您填写的地址、描述、称呼和手机号码不公开。
        </li>
        <li>
          <strong>保存多久：</strong>结案满 {CONTACT_RETENTION_DAYS}{" "}
          天后，称呼、手机号码自动删除，精确位置改为大致位置。
        </li>
        <li>
          <strong>您的权利：</strong>凭查询链接随时查看案件保存的您的信息，并可立即删除联系方式；其他请求请拨打{" "}
          <a href={`tel:${BUREAU.hotline}`}>{BUREAU.hotline}</a>。
        </li>
      </ul>
      <p>
        <a href="/privacy/">阅读完整的个人信息保护说明</a>
      </p>
    </section>
  );
}
