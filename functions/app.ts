import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env";
import { handleError, problem, problemResponse } from "./lib/problem";
import { database } from "./middleware/db";
import { errorLog } from "./middleware/json-log";
import { platform } from "./middleware/platform";
import complaints from "./routes/complaints";
import health from "./routes/health";
import staff from "./routes/staff";

/** Default ceiling for request bodies; routes that take uploads set their own. */
const MAX_BODY_BYTES = 64 * 1024;

export const app = new Hono<AppEnv>().basePath("/api");

app.use(requestId({ headerName: "X-Request-Id" }));
app.use(errorLog());
app.use(
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginResourcePolicy: "same-origin",
  }),
);
// Filing a complaint and reporting a case handled carry photos: those routes set their own limits.
const UPLOADS = /^\/api\/(complaints|staff\/complaints\/\d{1,10}\/handle)$/;
app.use(
  except(
    (c) => c.req.method === "POST" && UPLOADS.test(c.req.path),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw problem(413, { detail: `请求体不能超过 ${MAX_BODY_BYTES / 1024} KB。` });
      },
    }),
  ),
);
app.use(database());
app.use(platform());

app.route("/health", health);
app.route("/complaints", complaints);
app.route("/staff", staff);

app.notFound((c) => problemResponse(c, problem(404, { detail: `没有 ${c.req.method} ${c.req.path} 这个接口。` })));

app.onError(handleError);
