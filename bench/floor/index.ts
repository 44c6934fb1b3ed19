// The platform floor: what any /api/health on this stack costs before our code runs. The asset
// router in front (same [assets] and run_worker_first as the portal), one D1 round trip, a JSON reply.
//
// Two reference paths size what a throttled public write costs the platform before our code runs,
// so a write's share of the floor can be read against them (README, Benchmark):
// - /api/limited: one rate-limit call (a Durable Object under `wrangler dev`), then the `SELECT 1`;
// - /api/limited-write: one rate-limit call, then a one-row INSERT committed by D1.
interface FloorEnv {
  DB: D1Database;
  LIMITER: RateLimit;
}

// A table of its own for the write path, made once per isolate (the floor's D1 has no migrations).
let table: Promise<unknown> | undefined;
const writesTable = (db: D1Database) => {
  table ??= db.prepare("CREATE TABLE IF NOT EXISTS floor_writes (k TEXT PRIMARY KEY, at TEXT NOT NULL)").run();
  return table;
};

const client = (req: Request) => req.headers.get("cf-connecting-ip") ?? "unknown";

async function limited(req: Request, env: FloorEnv): Promise<Response | undefined> {
  const { success } = await env.LIMITER.limit({ key: client(req) });
  return success ? undefined : new Response("too many", { status: 429 });
}

export default {
  async fetch(req, env) {
    const { pathname } = new URL(req.url);
    if (pathname === "/api/health") {
      await env.DB.prepare("SELECT 1").first();
      return Response.json({ status: "ok" });
    }
    if (pathname === "/api/limited") {
      const refused = await limited(req, env);
      if (refused) return refused;
      await env.DB.prepare("SELECT 1").first();
      return Response.json({ status: "ok" });
    }
    if (pathname === "/api/limited-write" && req.method === "POST") {
      const refused = await limited(req, env);
      if (refused) return refused;
      await writesTable(env.DB);
      await env.DB.prepare("INSERT INTO floor_writes (k, at) VALUES (?, ?)")
        .bind(crypto.randomUUID(), new Date().toISOString())
        .run();
      return Response.json({ status: "ok" }, { status: 201 });
    }
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<FloorEnv>;
