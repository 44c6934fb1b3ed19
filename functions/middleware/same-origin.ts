import type { MiddlewareHandler } from "hono";
import { problem } from "../lib/problem";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for the staff API: a state-changing request must be JSON (a cross-site form cannot
 * send that without a preflight) and come from this origin, by Sec-Fetch-Site or, failing that, Origin.
 *
 * @example
 * staffApi.use(sameOrigin());
 */
export function sameOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
      if (type !== "application/json") throw problem(415, { detail: "请求体须为 application/json。" });
      const site = c.req.header("sec-fetch-site");
      const origin = c.req.header("origin");
      const ok = site ? site === "same-origin" : origin === new URL(c.req.url).origin;
      if (!ok) throw problem(403, { detail: "只接受来自本站页面的请求。" });
    }
    await next();
  };
}
