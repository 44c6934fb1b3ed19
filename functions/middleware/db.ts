import type { MiddlewareHandler } from "hono";
import { createDb } from "../db/client";
import type { AppEnv } from "../env";

/**
 * Puts one drizzle instance on the context for the request's lifetime.
 *
 * @example
 * app.use(database());
 * app.get("/x", (c) => listThings(c.var.db));
 */
export function database(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("db", createDb(c.env.DB));
    await next();
  };
}
