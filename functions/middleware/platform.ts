import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { cloudflarePlatform } from "../platform/cloudflare";

/**
 * Puts the platform's ports (files, rate limiters, atomic batches, client address) on the context,
 * made from this request's bindings, so routes and `lib/` never name a binding or a platform header.
 *
 * @example
 * app.use(platform());
 * app.post("/x", (c) => throttle(c.var.platform.limiters.complaint, [c.var.platform.clientAddress(c.req.raw)]));
 */
export function platform(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("platform", cloudflarePlatform(c.env));
    await next();
  };
}
