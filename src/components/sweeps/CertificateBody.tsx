import { certificateStatement } from "../../shared/sweeps/certificate";
import type { CertificatePayload } from "../../shared/sweeps/wire";
import { formatDateZh } from "../../shared/time";

/** A day in Chinese; a changed payload's odd text is shown as it is (the verdict already says it is invalid). */
const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDateZh(d) : d);

/**
 * What a certificate says (志愿服务记录证明, civil-affairs guidance of 2015): the volunteer, the
 * service sweep by sweep with its hours and the total, the issuer and the remarks. The print and
 * the verify page show the same, so a school compares the two line by line.
 */
export function CertificateBody({ payload: p, idPrefix }: { payload: CertificatePayload; idPrefix: string }) {
  return (
    <>
      <p className="cert-statement">{certificateStatement(p)}</p>
      <dl className="cert-facts">
        <div>
          <dt>姓名</dt>
          <dd>{p.volunteer.name}</dd>
        </div>
        <div>
          <dt>学校或单位</dt>
          <dd>{p.volunteer.organisation}</dd>
        </div>
        {p.volunteer.volunteerNumber && (
          <div>
            <dt>志愿者编号</dt>
            <dd>{p.volunteer.volunteerNumber}</dd>
          </div>
        )}
      </dl>
      <table className="cert-services">
        <caption id={`${idPrefix}-services`}>志愿服务记录</caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">服务内容</th>
            <th scope="col">社区</th>
            <th scope="col">时长（小时）</th>
          </tr>
        </thead>
        <tbody>
          {p.services.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list, never reordered; two sweeps may share day and title.
            <tr key={`${s.date}-${i}`}>
              <td>{day(s.date)}</td>
              <td>{s.title}</td>
              <td>{s.communityName}</td>
              <td className="num">{s.hours}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              合计（{p.services.length} 次）
            </th>
            <td className="num">{p.totalHours}</td>
          </tr>
        </tfoot>
      </table>
      <dl className="cert-facts cert-issuer">
        <div>
          <dt>出具单位</dt>
          <dd>{p.issuer.organisation}</dd>
        </div>
        <div>
          <dt>负责人</dt>
          <dd>{p.issuer.responsible}</dd>
        </div>
        <div>
          <dt>经办人</dt>
          <dd>{p.issuer.handler}</dd>
        </div>
        <div>
          <dt>联系电话</dt>
          <dd>{p.issuer.contact}</dd>
        </div>
        <div>
          <dt>出具日期</dt>
          <dd>{day(p.issuedOn)}</dd>
        </div>
      </dl>
      <p className="cert-remarks">备注：{p.remarks}</p>
    </>
  );
}
