// The platform floor: what any /api/health on this stack costs before our code runs. The asset
// router in front (same [assets] and run_worker_first as the portal), one D1 round trip, a JSON reply.
interface FloorEnv {
  DB: D1Database;
}

export default {
  async fetch(req, env) {
    if (new URL(req.url).pathname !== "/api/health") return new Response("not found", { status: 404 });
    await env.DB.prepare("SELECT 1").first();
    return Response.json({ status: "ok" });
  },
} satisfies ExportedHandler<FloorEnv>;
