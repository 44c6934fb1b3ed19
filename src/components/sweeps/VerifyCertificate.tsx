import { type FormEvent, useEffect, useRef, useState } from "react";
import * as v from "valibot";
import { refusalOf } from "../../lib/kit/problem";
import { numberAndCodeOfHash, verifyCertificate } from "../../lib/sweeps/certificate-api";
import { CertificateNumberSchema, CheckCodeSchema } from "../../shared/sweeps/certificate";
import type { CertificateVerification } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { CodeInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";
import { CertificateBody } from "./CertificateBody";

const FIELDS = { number: "verify-number", code: "verify-code" };
const VerifySchema = v.object({ number: CertificateNumberSchema, code: CheckCodeSchema });

/** The verdict as words and a mark, never colour alone. */
function Verdict({ result }: { result: CertificateVerification }) {
  const state = !result.valid ? "invalid" : result.revoked ? "revoked" : "valid";
  const word = { valid: "有效", invalid: "无效", revoked: "已作废" }[state];
  return (
    <div className={`verdict verdict-${state}`}>
      <h2 id="verify-result-heading" tabIndex={-1}>
        核验结果：<span aria-hidden="true">{state === "valid" ? "✓ " : "✗ "}</span>
        {word}
      </h2>
      <p>{result.verdict}</p>
      {result.revoked && result.revokedAt && (
        <p>
          作废时间：{formatDateTimeZh(result.revokedAt)}
          {result.revokeReason && `；原因：${result.revokeReason}`}
        </p>
      )}
    </div>
  );
}

/**
 * Verifies a certificate by its number and check code, with no account: a school types both from
 * the paper, or opens the printed QR code, whose link carries them in the fragment (#n=…&c=…) and
 * fills the form and checks at once. It shows what the certificate says, to compare with the paper.
 */
export default function VerifyCertificate() {
  const [number, setNumber] = useState("");
  const [code, setCode] = useState("");
  const [result, setResult] = useState<CertificateVerification | null>(null);
  const form = useForm({ targets: FIELDS });
  const errors = form.errors;
  const latest = useRef({ form, setResult });
  latest.current = { form, setResult };

  async function check(input: { number: string; code: string }) {
    const { form: f } = latest.current;
    const checked = f.check(VerifySchema, input, { quiet: true });
    if (!checked) return;
    setResult(null);
    await f.run(
      async () => {
        latest.current.setResult(await verifyCertificate(checked.number, checked.code));
        f.focusLater("verify-result-heading");
      },
      { onError: (err) => refusalOf(err, "核验没有成功，请稍后再试。") },
    );
  }

  // Opened from the QR code: the number and code in the fragment fill the form and are checked at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once on load; `check` reads the latest form through a ref.
  useEffect(() => {
    const fromHash = () => {
      const found = numberAndCodeOfHash(location.hash);
      if (!found.number && !found.code) return;
      setNumber(found.number);
      setCode(found.code);
      check(found);
    };
    fromHash();
    addEventListener("hashchange", fromHash);
    return () => removeEventListener("hashchange", fromHash);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.busy) await check({ number, code });
  };

  return (
    <div className="verify">
      <form noValidate onSubmit={submit} aria-labelledby="verify-form-heading">
        <h2 id="verify-form-heading">输入证明编号和校验码</h2>
        <ErrorSummary message={form.message} />
        <Field id={FIELDS.number} label="证明编号" hint="印在证明右上方，形如 QXZY-2026-7K3M9P2Q" error={errors.number}>
          {(a11y) => <CodeInput {...a11y} value={number} onChange={setNumber} />}
        </Field>
        <Field id={FIELDS.code} label="校验码" hint="证明编号下方的 10 位字母数字，短横线可不输入" error={errors.code}>
          {(a11y) => <CodeInput {...a11y} value={code} onChange={setCode} />}
        </Field>
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在核验…" : "核验"}
        </button>
      </form>
      {result && (
        <section className="verify-result" aria-labelledby="verify-result-heading">
          <Verdict result={result} />
          {result.payload && (
            <>
              <h3>证明上的内容</h3>
              <p className="muted">
                证明编号 {result.number}。请与纸质证明逐项核对：任何一处不同，纸质证明即被改动过。
              </p>
              <CertificateBody payload={result.payload} idPrefix="verify" />
            </>
          )}
        </section>
      )}
    </div>
  );
}
