import { app } from "./app";
import { createDb } from "./db/client";
import { appointmentHousekeeping } from "./lib/appointments/cron";
import { caseHousekeeping } from "./lib/complaints/cron";
import { refreshHotspotSnapshots } from "./lib/complaints/hotspots";
import { sweepHousekeeping } from "./lib/sweeps/cron";
import { cloudflarePlatform } from "./platform/cloudflare";

/**
 * The Worker: static assets are served before it runs; it answers `/api/*` (see wrangler.toml), and
 * the cron trigger keeps the hot-spot snapshots current, marks overdue cases, anonymises old contacts
 * and expires sweep offers not confirmed in time, reminds sweep volunteers and merchants with a booking, and sends their messages.
 */
export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    const db = createDb(env.DB);
    const { batch, sender } = cloudflarePlatform(env);
    const now = new Date(controller.scheduledTime);
    ctx.waitUntil(
      Promise.all([
        refreshHotspotSnapshots(db, batch, now),
        caseHousekeeping(batch, env, now),
        sweepHousekeeping(batch, env, now, sender),
        appointmentHousekeeping(batch, env, now, sender),
      ]),
    );
  },
} satisfies ExportedHandler<Env>;
