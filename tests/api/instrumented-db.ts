import { env } from "cloudflare:workers";

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)/i;

/**
 * A D1 binding that counts the batches that write, writes made outside a batch and every round trip
 * (a statement run on its own, or a batch: one each), and can make
 * the statement at `failAt` of every batch that writes fail (the real D1 then rolls the whole batch
 * back).
 * Reads may be batched too (one round trip); only batches holding a write count as mutations. The
 * app builds its ports from the env it is given, so drizzle's `db.batch` and the batch port
 * (functions/platform/cloudflare.ts) both reach this binding.
 */
export function instrumentedDb(failAt?: number) {
  const stats = { writeBatches: 0, statements: [] as number[], writesOutsideBatch: 0, roundTrips: 0 };
  const sqlOf = new WeakMap<object, string>();
  const realOf = new WeakMap<object, D1PreparedStatement>();
  const track = (stmt: D1PreparedStatement, query: string): D1PreparedStatement => {
    const proxied = new Proxy(stmt, {
      get(s, p) {
        const value = Reflect.get(s, p);
        if (p === "bind") return (...args: unknown[]) => track(s.bind(...args), query);
        if (p === "run" || p === "all" || p === "first" || p === "raw") {
          return (...args: unknown[]) => {
            stats.roundTrips++;
            if (WRITE.test(query)) stats.writesOutsideBatch++;
            return (value as (...a: unknown[]) => unknown).apply(s, args);
          };
        }
        return typeof value === "function" ? value.bind(s) : value;
      },
    });
    sqlOf.set(proxied, query);
    realOf.set(proxied, stmt);
    return proxied;
  };
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => track(target.prepare(query), query);
      if (prop === "batch") {
        return async (stmts: D1PreparedStatement[]) => {
          stats.roundTrips++;
          const writes = stmts.some((s) => WRITE.test(sqlOf.get(s) ?? ""));
          if (writes) {
            stats.writeBatches++;
            stats.statements.push(stmts.length);
          }
          // Only a batch that writes fails: a read batch before the write (a sign-up read with its
          // sweep) would otherwise fail first, and the write would never be tested.
          const run =
            failAt === undefined || !writes
              ? stmts
              : stmts.map((s, i) => (i === failAt ? target.prepare("INSERT INTO no_such_table VALUES (1)") : s));
          // The real batch wants the real statements, not the proxies.
          return target.batch(run.map((s) => realOf.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { env: { ...env, DB: db }, stats };
}
