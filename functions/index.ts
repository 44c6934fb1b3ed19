import { app } from "./app";
import { createDb } from "./db/client";
import { refreshHotspotSnapshots } from "./lib/complaints/hotspots";

/**
 * The Worker: static assets are served before it runs; it answers `/api/*` (see wrangler.toml), and
 * the cron trigger keeps the hot-spot snapshots current.
 */
export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(refreshHotspotSnapshots(createDb(env.DB), new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Env>;
