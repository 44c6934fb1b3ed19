import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env";
import { handleError, problem, problemResponse } from "./lib/problem";
import { limitBody, MAX_JSON_BYTES } from "./lib/validate";
import { database } from "./middleware/db";
import { errorLog } from "./middleware/json-log";
import { platform } from "./middleware/platform";
import appointments from "./routes/appointments";
import complaints from "./routes/complaints";
import casePage from "./routes/complaints/case-page";
import health from "./routes/health";
import open311, { open311Elsewhere } from "./routes/open311";
import openapi from "./routes/openapi";
import staff from "./routes/staff";
import sweeps from "./routes/sweeps";

/**
 * The Worker's routes: the API under /api, and the pages the Worker answers before the static assets
 * (wrangler.toml run_worker_first). `app` is the API: a base path of the same router, so its
 * middleware (paths /api/*) never runs for a page.
 */
const worker = new Hono<AppEnv>();
export const app = worker.basePath("/api");

app.use(requestId({ headerName: "X-Request-Id" }));
app.use(errorLog());
// A response that brings its own header keeps it: a photo's policy adds `sandbox` (lib/complaints/request.ts).
app.use(
  secureHeaders({
    overwrite: false,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginResourcePolicy: "same-origin",
  }),
);
// Every body is checked for size before it is read (JSON at most 64 KB). Filing a complaint takes
// photos as multipart and counts the client against its allowance first: that route limits its own
// body. A unit's 处理完毕 report carries its photo as a data URL, behind a staff session. A
// booking's design drawing is uploaded the photos' way (routes/appointments/drawing.ts).
const OWN_LIMIT = /^\/api\/(complaints|staff\/complaints\/\d{1,10}\/handle)$/;
const DRAWING = "/api/appointments/manage/drawing";
const ownLimit = (method: string, path: string) =>
  (method === "POST" && OWN_LIMIT.test(path)) || (method === "PUT" && path === DRAWING);
// A plain branch, not hono/combine's `except`: that composes a new middleware chain on every
// request, about 8 % of /api/health's Worker time in scripts/bench/profile.ts.
const jsonLimit = limitBody(MAX_JSON_BYTES);
app.use((c, next) => (ownLimit(c.req.method, c.req.path) ? next() : jsonLimit(c, next)));
app.use(database());
app.use(platform());

app.route("/health", health);
app.route("/openapi.json", openapi);
app.route("/complaints", complaints);
app.route("/staff", staff);
app.route("/sweeps", sweeps);
app.route("/appointments", appointments);
// A case's public page (routes/complaints/case-page.ts): a 404 for a number without one.
worker.route("/complaints", casePage);
// Open311 GeoReport v2 (routes/open311): outside /api, with its own errors (the spec's, not problem+json).
worker.route("/open311/v2", open311);
worker.all("/open311", open311Elsewhere).all("/open311/*", open311Elsewhere);

app.notFound((c) => problemResponse(c, problem(404, { detail: `没有 ${c.req.method} ${c.req.path} 这个接口。` })));

app.onError(handleError);
