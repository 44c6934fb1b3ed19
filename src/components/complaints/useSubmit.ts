import { useCallback, useState } from "react";
import { type Submission, submitComplaint } from "../../lib/complaints/submit";
import { ApiError } from "../../lib/kit/problem";
import type { FiledComplaint } from "../../shared/complaints/wire";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends the draft and follows the upload. A 409 (the same draft still being filed by an earlier
 * attempt) is waited out and asked again with the same key; anything else is handed back.
 */
export function useSubmit() {
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState(0);

  const send = useCallback(async (s: Submission): Promise<{ filed?: FiledComplaint; error?: ApiError }> => {
    setSending(true);
    setProgress(0);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return { filed: await submitComplaint(s, setProgress) };
        } catch (err) {
          const error = err instanceof ApiError ? err : ApiError.network();
          if (error.status !== 409 || attempt >= 4) return { error };
          await sleep((error.retryAfter ?? 2) * 1000);
        }
      }
    } finally {
      setSending(false);
    }
  }, []);

  return { sending, progress, send };
}
