import { useCallback, useRef, useState } from "react";

/**
 * Loads a list whose filter can change while an answer is on its way: only the answer to the newest
 * request is used, whatever order the answers arrive in, and `busy` is true until that one is in.
 *
 * @example
 * const { busy, load } = useLatestRequest();
 * load(() => staffApi.listAudit(filter), (page) => setShown(page), (err) => setError(refusalOf(err)));
 */
export function useLatestRequest() {
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const load = useCallback(
    async <T>(call: () => Promise<T>, onAnswer: (value: T) => void, onError: (err: unknown) => void) => {
      const request = ++latest.current;
      setBusy(true);
      try {
        const value = await call();
        if (request === latest.current) onAnswer(value);
      } catch (err) {
        if (request === latest.current) onError(err);
      } finally {
        if (request === latest.current) setBusy(false);
      }
    },
    [],
  );

  return { busy, load };
}
