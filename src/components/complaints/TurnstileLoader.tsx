import { lazy } from "react";
import { Deferred } from "./Deferred";
import type { TurnstileCheck } from "./TurnstileCheck";

const Check = lazy(() => import("./TurnstileCheck").then((m) => ({ default: m.TurnstileCheck })));

/**
 * The Turnstile check, its code loaded on the review step rather than with the page: the check
 * needs the network anyway (Cloudflare's script), and most of the form is filled before it. The
 * browser keeps a failed load failed until a reload, so that is the way to try again: the draft
 * and its photos survive it.
 */
export function TurnstileLoader(props: Parameters<typeof TurnstileCheck>[0]) {
  return (
    <Deferred
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
            人机验证加载失败，请检查网络后刷新页面重试。您的内容已保存在本机，刷新后不会丢失。
          </p>
          <button type="button" className="secondary small" onClick={() => location.reload()}>
            刷新页面重试
          </button>
        </div>
      }
    >
      <Check {...props} />
    </Deferred>
  );
}
