import { certificatePath } from "../../lib/sweeps/certificate-api";

/**
 * The manage page's way to the certificate (志愿服务记录证明): the certificate page is opened with
 * the same secret in its fragment, so the link works only for the holder of this manage link.
 */
export function CertificatePanel({ token }: { token: string }) {
  return (
    <section className="certificate-panel" aria-labelledby="certificate-panel-heading">
      <h3 id="certificate-panel-heading">志愿服务记录证明</h3>
      <p>
        参加活动并签到签退、组织单位审核服务时长后，可免费开具志愿服务记录证明，打印后由组织单位盖章；学校可凭证明上的编号和校验码在线核验。
      </p>
      <p>
        <a href={certificatePath(token)}>申请/查看志愿服务记录证明</a>
      </p>
    </section>
  );
}
