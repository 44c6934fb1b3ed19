import { app } from "./app";
import { createDb } from "./db/client";
import { caseHousekeeping } from "./lib/complaints/cron";
import { refreshHotspotSnapshots } from "./lib/complaints/hotspots";

/**
 * The Worker: static assets are served before it runs; it answers `/api/*` (see wrangler.toml), and
 * the cron trigger keeps the hot-spot snapshots current, marks overdue cases and anonymises old contacts.
 */
export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    const db = createDb(env.DB);
    const now = new Date(controller.scheduledTime);
    ctx.waitUntil(Promise.all([refreshHotspotSnapshots(db, now), caseHousekeeping(db, env, now)]));
  },
} satisfies ExportedHandler<Env>;
