import type { MiddlewareHandler } from "hono";
import { createDb, type Db } from "../db/client";
import type { AppEnv } from "../env";

/**
 * One drizzle instance per D1 binding, made on the first request that uses the binding and kept
 * for the isolate's life: building one walks the whole schema (about 0.3 ms, more than the rest of
 * the middleware together), and it holds no per-request state. Keyed by the binding, so a request
 * given another database (a test's broken one, say) gets its own.
 */
const instances = new WeakMap<D1Database, Db>();

/**
 * Puts the binding's drizzle instance on the context.
 *
 * @example
 * app.use(database());
 * app.get("/x", (c) => listThings(c.var.db));
 */
export function database(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let db = instances.get(c.env.DB);
    if (!db) {
      db = createDb(c.env.DB);
      instances.set(c.env.DB, db);
    }
    c.set("db", db);
    await next();
  };
}
