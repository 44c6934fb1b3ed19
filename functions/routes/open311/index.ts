import { type Context, Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../../env";
import { logJson } from "../../lib/log";
import { Open311Error, toOpen311Error } from "../../lib/open311/errors";
import { formatOfPath, open311ErrorResponse } from "../../lib/open311/format";
import { database } from "../../middleware/db";
import { platform } from "../../middleware/platform";
import discovery from "./discovery";
import filing from "./post";
import requests from "./requests";
import services from "./services";

/**
 * Open311 GeoReport v2, mounted by the Worker at `/open311/v2` (outside the API's /api base path,
 * so the API's middleware and its problem+json never run here; wrangler.toml lets the Worker run
 * first for /open311/*). Each resource is a path with a format suffix (`services.json`,
 * `requests/261201-9107.xml`); every error leaves once, from `onError`/`notFound` below, as the
 * spec's list of `{code, description}` in the format the path asked for.
 */
const open311 = new Hono<AppEnv>();

open311.use(requestId({ headerName: "X-Request-Id" }));
open311.use(
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    referrerPolicy: "strict-origin-when-cross-origin",
    // Open311 is read by other sites' apps and maps: what GET answers is public by design.
    crossOriginResourcePolicy: "cross-origin",
  }),
);
open311.use(async (c, next) => {
  await next();
  if (c.req.method === "GET") c.header("Access-Control-Allow-Origin", "*");
});
open311.use(database());
open311.use(platform());

open311.route("/", discovery);
open311.route("/", services);
open311.route("/", requests);
// ---- sub-feature mounts ----
open311.route("/", filing); // POST requests.{json,xml}, tokens/{token} (post.ts)
// ---- end of sub-feature mounts ----

// A sub-app's notFound is not consulted once mounted (the Worker's own would answer in plain
// text): the last route catches every path no resource above matched.
open311.all("*", (c) => {
  throw new Open311Error(404, `没有 ${c.req.method} ${c.req.path} 这个资源。`);
});

open311.onError((err, c) => {
  const e = toOpen311Error(err);
  if (e.status >= 500) {
    const cause = err instanceof Error ? err : new Error(String(err));
    logJson(c.env, "error", {
      requestId: c.get("requestId"),
      path: c.req.path,
      err: cause.message,
      stack: cause.stack,
    });
  }
  return open311ErrorResponse(formatOfPath(c.req.path), e);
});

/** Any other path under /open311 (another version, a `..` that left v2): the spec's 404, not the API's problem+json. */
export const open311Elsewhere = (c: Context<AppEnv>) =>
  open311ErrorResponse(
    formatOfPath(c.req.path),
    new Open311Error(404, `没有 ${c.req.path} 这个资源：接口地址为 /open311/v2/。`),
  );

export default open311;
