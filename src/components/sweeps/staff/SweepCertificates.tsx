import { type FormEvent, useState } from "react";
import { staffSweepsMoreApi } from "../../../lib/sweeps/staff-api";
import { RevokeCertificateSchema, StaffCertificateQuerySchema } from "../../../shared/sweeps/certificate";
import type { StaffCertificateList } from "../../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../../shared/time";
import { ErrorSummary, type FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useForm } from "../../forms/useForm";
import { StatusMessage } from "../../staff/StatusMessage";

type Listed = StaffCertificateList["certificates"][number];

const FIND_TARGETS: FieldTargets = { query: { id: "cert-query", label: "手机号或证明编号" } };
const REVOKE_TARGETS: FieldTargets = { reason: { id: "revoke-reason", label: "作废原因" } };

/**
 * Certificates (志愿服务记录证明) found by the phone a volunteer signed up with or by number, and
 * revoked with a reason that anyone verifying it then sees. Each look and each revocation is audited.
 */
export function SweepCertificates() {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Listed[] | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState("");
  const find = useForm({ targets: FIND_TARGETS, focusOtherwise: "cert-query" });
  const revoke = useForm({ targets: REVOKE_TARGETS });

  async function search(event?: FormEvent) {
    event?.preventDefault();
    const text = query.trim();
    const by = /^[\d\s+-]{11,}$/.test(text) ? { phone: text } : { number: text };
    const checked = find.check(StaffCertificateQuerySchema, by, { quiet: true });
    if (!checked) {
      find.refuse(undefined, { query: "请填写 11 位手机号码或证明编号" });
      return;
    }
    await find.run(async () => {
      const answer = await staffSweepsMoreApi.certificates(by);
      setFound(answer.certificates);
      setStatus(answer.certificates.length ? `找到 ${answer.certificates.length} 份证明。` : "没有找到证明。");
    });
  }

  async function submitRevoke(event: FormEvent) {
    event.preventDefault();
    if (!revoking || !revoke.check(RevokeCertificateSchema, { reason })) return;
    const number = revoking;
    await revoke.run(async () => {
      const done = await staffSweepsMoreApi.revokeCertificate(number, reason);
      setFound((list) => list?.map((c) => (c.number === number ? { ...c, ...done } : c)) ?? null);
      setRevoking(null);
      setReason("");
      setStatus(`证明 ${number} 已作废；核验时会显示作废原因。`);
    });
  }

  return (
    <>
      <p>
        <a href="/staff/sweeps/">← 返回活动列表</a>
      </p>
      <ErrorSummary message={find.message} errors={find.errors} targets={FIND_TARGETS} />
      <form className="form" noValidate onSubmit={search} aria-label="查找证明">
        <Field
          id="cert-query"
          label="手机号或证明编号"
          hint="志愿者报名时填写的手机号，或证明上的编号；每次查找都会被记录。"
          error={find.errors.query}
        >
          {(a11y) => (
            <input {...a11y} type="text" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" aria-disabled={find.busy || undefined}>
            {find.busy ? "正在查找…" : "查找"}
          </button>
        </div>
      </form>
      <StatusMessage text={status} />
      {found && found.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="certs-caption" tabIndex={0}>
          <table className="certificates">
            <caption id="certs-caption">找到的证明：{found.length} 份</caption>
            <thead>
              <tr>
                <th scope="col">证明编号</th>
                <th scope="col">姓名</th>
                <th scope="col">累计时长（小时）</th>
                <th scope="col">开具时间</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {found.map((c) => (
                <tr key={c.number}>
                  <th scope="row" className="mono nowrap">
                    {c.number}
                  </th>
                  <td>{c.name}</td>
                  <td>{c.totalHours}</td>
                  <td className="nowrap">{formatDateTimeZh(c.issuedAt)}</td>
                  <td>
                    {c.revokedAt ? (
                      `已于 ${formatDateTimeZh(c.revokedAt)} 作废：${c.revokeReason ?? ""}`
                    ) : (
                      <button
                        type="button"
                        className="secondary small"
                        aria-label={`作废证明 ${c.number}`}
                        onClick={() => {
                          setRevoking(c.number);
                          revoke.focusLater("revoke-reason");
                        }}
                      >
                        作废
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {revoking && (
        <form className="form card" noValidate onSubmit={submitRevoke} aria-labelledby="revoke-heading">
          <h2 id="revoke-heading">作废证明 {revoking}</h2>
          <p>作废后证明内容不变，但任何人核验时都会看到“已作废”和原因；作废不能撤回。</p>
          <ErrorSummary message={revoke.message} errors={revoke.errors} targets={REVOKE_TARGETS} />
          <Field id="revoke-reason" label="作废原因" error={revoke.errors.reason}>
            {(a11y) => (
              <input {...a11y} type="text" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="danger" aria-disabled={revoke.busy || undefined}>
              {revoke.busy ? "正在作废…" : "确认作废"}
            </button>
            <button type="button" className="secondary" onClick={() => setRevoking(null)}>
              取消
            </button>
          </div>
        </form>
      )}
    </>
  );
}
