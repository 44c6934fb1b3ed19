// @ts-check

import { satteri } from "@astrojs/markdown-satteri";
import react from "@astrojs/react";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { buildId } from "./scripts/lib/build-id.ts";
import { hotlineLinks } from "./src/lib/hotline-links.ts";
import { BUREAU } from "./src/shared/publishing.ts";

/** The public origin, for canonical URLs, the sitemap and RSS. Overridden per deployment. */
const site = process.env.SITE_URL ?? "https://portal.qingxi.example";

export default defineConfig({
  site,
  output: "static",
  trailingSlash: "always",
  // Hashed files go under a directory of their own build, so one `_headers` rule caches exactly them
  // (scripts/lib/build-id.ts, scripts/lib/asset-headers.ts).
  build: { format: "directory", inlineStylesheets: "always", assets: `_astro/${buildId()}` },
  integrations: [
    react(),
    // The staff console is not for search engines; the 404 page is not a page to index.
    sitemap({ filter: (page) => !page.includes("/staff/") && !page.endsWith("/404/") }),
  ],
  // The hotline in notices, regulations and pages is a tel: link, one tap on a phone.
  markdown: { processor: satteri({ mdastPlugins: [hotlineLinks(BUREAU.hotline)] }) },
  devToolbar: { enabled: false },
  server: { host: "127.0.0.1", port: 4321 },
  vite: {
    // Scripts stay files (a strict CSP allows 'self', not inline code), and no preload helper
    // wraps the runtime import of Pagefind's own module.
    build: { assetsInlineLimit: 0, modulePreload: false },
    server: {
      // `npm run dev`: the API comes from wrangler, the pages from Astro's dev server.
      proxy: { "/api": "http://127.0.0.1:8787" },
    },
  },
});
