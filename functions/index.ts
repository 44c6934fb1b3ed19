import { app } from "./app";

/** The Worker: static assets are served before it runs; it answers `/api/*` (see wrangler.toml). */
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
