import { errorMessage } from "../../lib/kit/problem";
import { keysApi } from "../../lib/open311/keys-api";
import type { Open311Key } from "../../shared/open311/keys";
import { ErrorSummary } from "../forms/ErrorSummary";
import { useForm } from "../forms/useForm";
import { ConfirmStep } from "../staff/ConfirmStep";

interface Props {
  apiKey: Open311Key;
  onRevoked: (key: Open311Key) => void;
  onCancel: () => void;
}

/** Revokes one key after a confirmation in the page: the question takes focus, Tab reaches the answers. */
export function RevokeKey({ apiKey, onRevoked, onCancel }: Props) {
  const form = useForm({ targets: {}, focusOtherwise: `revoke-${apiKey.id}` });

  async function confirm() {
    form.clear();
    await form.run(async () => onRevoked(await keysApi.revoke(apiKey.id)), {
      onError: (err) => ({ message: errorMessage(err), errors: {} }),
    });
  }

  return (
    <section aria-label="吊销密钥" className="card">
      <ErrorSummary message={form.message} />
      <ConfirmStep
        id="revoke-confirm"
        question={`确定吊销 ${apiKey.holder} 的密钥 ${apiKey.prefix}… 吗？吊销立即生效，使用它的提交都会被拒绝，且不能恢复。`}
        confirmLabel="确认吊销"
        busy={form.busy}
        onConfirm={confirm}
        onCancel={onCancel}
      />
    </section>
  );
}
