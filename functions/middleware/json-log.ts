import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { logJson } from "../lib/log";

/**
 * Logs a 5xx that a handler returned rather than threw (a thrown one is logged once, with its stack,
 * by `handleError`). No line for other requests: Workers Logs already records every invocation's
 * method, URL, status and duration, and an access line of our own doubled the log volume and, under
 * `wrangler dev`, cut /api/health's throughput by about a third (ARCHITECTURE.md, "Logging").
 *
 * @example
 * app.use(errorLog());
 */
export function errorLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status >= 500 && !c.error) {
      logJson(c.env, "error", {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
      });
    }
  };
}
