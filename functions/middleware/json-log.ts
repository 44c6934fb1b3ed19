import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { logJson } from "../lib/log";

/**
 * One JSON line per request, so Workers Logs can filter by request id, path and status.
 *
 * @example
 * app.use(jsonLog());
 */
export function jsonLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    logJson(c.env, c.res.status >= 500 ? "error" : "info", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
    });
  };
}
