import { type FormEvent, useState } from "react";
import { refusalOf } from "../../lib/kit/problem";
import { keysApi } from "../../lib/open311/keys-api";
import { type IssuedKey, IssueKeySchema } from "../../shared/open311/keys";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { useForm } from "../forms/useForm";

const FIELDS = { holder: { id: "key-holder", label: "持有人（单位或应用）" } };

/** Issues a key for a named holder; the API answers with the key, shown once. */
export function IssueKeyForm({ onIssued }: { onIssued: (issued: IssuedKey) => void }) {
  const [holder, setHolder] = useState("");
  const form = useForm({ targets: FIELDS });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy || !form.check(IssueKeySchema, { holder })) return;
    await form.run(
      async () => {
        const issued = await keysApi.issue(holder);
        setHolder("");
        onIssued(issued);
      },
      { onError: refusalOf },
    );
  }

  return (
    <>
      <ErrorSummary message={form.message} errors={form.errors} targets={FIELDS} />
      <form className="card form" method="post" noValidate onSubmit={submit}>
        <Field
          id={FIELDS.holder.id}
          label={FIELDS.holder.label}
          hint="写明谁使用这个密钥，如“青溪随手拍 App（某某科技公司）”，便于日后核对和吊销。"
          error={form.errors.holder}
        >
          {(a11y) => (
            <input
              {...a11y}
              name="holder"
              type="text"
              autoComplete="off"
              required
              maxLength={80}
              value={holder}
              onChange={(e) => setHolder(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在签发…" : "签发密钥"}
        </button>
      </form>
    </>
  );
}
