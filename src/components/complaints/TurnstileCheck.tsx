import { useEffect, useRef, useState } from "react";
import { loadTurnstile, type TurnstileApi } from "../../lib/complaints/turnstile";

interface Props {
  siteKey: string;
  /** The token once the check passes; null while there is none (not yet, expired or failed). */
  onToken: (token: string | null) => void;
  /** Changes after each submission: a token is good for one check by the server only. */
  round: number;
}

type Status = "loading" | "waiting" | "done" | "failed";

const MESSAGES: Record<Status, string> = {
  loading: "正在加载人机验证…",
  waiting: "正在进行人机验证，通常无需操作；如出现勾选框，请勾选。",
  done: "人机验证已通过。",
  failed: "人机验证加载失败，请检查网络后重试。您的内容已保存在本机。",
};

/** Cloudflare Turnstile on the review step, with its progress told in words to screen readers too. */
export function TurnstileCheck({ siteKey, onToken, round }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round or attempt renders a fresh widget.
  useEffect(() => {
    let api: TurnstileApi | undefined;
    let id: string | undefined;
    let live = true;
    setStatus("loading");
    onToken(null);
    loadTurnstile()
      .then((t) => {
        if (!live || !box.current) return;
        api = t;
        setStatus("waiting");
        id = t.render(box.current, {
          sitekey: siteKey,
          language: "zh-cn",
          callback: (token) => {
            onToken(token);
            setStatus("done");
          },
          "expired-callback": () => {
            onToken(null);
            setStatus("waiting");
          },
          "error-callback": () => {
            onToken(null);
            setStatus("failed");
          },
        });
      })
      .catch(() => live && setStatus("failed"));
    return () => {
      live = false;
      if (api && id) api.remove(id);
    };
  }, [siteKey, round, attempt]);

  return (
    <div className="turnstile">
      <div ref={box} />
      <p className="muted" role="status">
        {MESSAGES[status]}
      </p>
      {status === "failed" && (
        <button type="button" className="secondary small" onClick={() => setAttempt((n) => n + 1)}>
          重新加载人机验证
        </button>
      )}
    </div>
  );
}
