import { lazy, useState } from "react";
import { Deferred, retrying } from "./Deferred";
import type { TurnstileCheck } from "./TurnstileCheck";

const load = retrying(() => import("./TurnstileCheck").then((m) => ({ default: m.TurnstileCheck })));

/**
 * The Turnstile check, its code loaded on the review step rather than with the page: the check
 * needs the network anyway (Cloudflare's script), and most of the form is filled before it. A
 * failed load reads like a failed check, with the same way to try again.
 */
export function TurnstileLoader(props: Parameters<typeof TurnstileCheck>[0]) {
  const [attempt, setAttempt] = useState(0);
  const [Check, setCheck] = useState(() => lazy(load));
  const again = () => {
    setCheck(() => lazy(load));
    setAttempt((n) => n + 1);
  };
  return (
    <Deferred
      key={attempt}
      loading={
        <div className="turnstile">
          <p className="muted" role="status">
            正在加载人机验证…
          </p>
        </div>
      }
      failed={
        <div className="turnstile">
          <p className="muted" role="status">
            人机验证加载失败，请检查网络后重试。您的内容已保存在本机。
          </p>
          <button type="button" className="secondary small" onClick={again}>
            重新加载人机验证
          </button>
        </div>
      }
    >
      <Check {...props} />
    </Deferred>
  );
}
