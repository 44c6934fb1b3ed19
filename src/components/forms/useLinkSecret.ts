import { useEffect, useRef, useState } from "react";
import * as v from "valibot";
import { secretOfHash } from "../../lib/kit/link-secret";
import { errorMessage } from "../../lib/kit/problem";

interface Options<T> {
  /** The secret's shape: a malformed one is refused before anything is sent. */
  schema: v.GenericSchema<string>;
  /** Fetches the record the secret opens (sending it in a header, never in a URL). */
  open: (secret: string) => Promise<T>;
  /** What to say when the fragment holds no secret; none when the page has another way in. */
  missing?: string;
  /** What to say when the secret is not of the schema's shape; the `missing` text when not given. */
  malformed?: string;
}

/**
 * A page opened by a private link: reads the secret from the fragment on load and whenever the
 * fragment changes, and opens the record with it. The state is the caller's to change afterwards
 * (an action's new view, its status line, its error).
 */
export function useLinkSecret<T>(options: Options<T>) {
  const [secret, setSecret] = useState<string | null>(null);
  const [view, setView] = useState<T | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  // Read when the fragment changes, not a dependency: the page's options are fixed.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const load = async () => {
      const { schema, open, missing, malformed } = latest.current;
      const s = secretOfHash(location.hash);
      if (!s || !v.is(schema, s)) {
        if (!s && !missing) return;
        setView(null);
        return setError((s ? (malformed ?? missing) : missing) ?? "");
      }
      setStatus("正在查询…");
      setError("");
      try {
        setView(await open(s));
        setSecret(s);
        setStatus("");
      } catch (err) {
        setStatus("");
        setError(errorMessage(err, "查询没有成功，请稍后再试。"));
      }
    };
    load();
    addEventListener("hashchange", load);
    return () => removeEventListener("hashchange", load);
  }, []);

  return { secret, setSecret, view, setView, status, setStatus, error, setError };
}
