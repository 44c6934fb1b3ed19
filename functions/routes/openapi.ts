import { Hono } from "hono";
import { openApiDocument } from "../../src/shared/openapi/document";
import type { AppEnv } from "../env";
import { sha256Hex } from "../lib/tokens";

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of every public endpoint
 * (src/shared/openapi/document.ts). It changes only with a deploy, so it is serialised and hashed
 * once per isolate; a client that sends the ETag back gets 304.
 */
const openapi = new Hono<AppEnv>();

let served: Promise<{ body: string; etag: string }> | undefined;
const document = () => {
  served ??= (async () => {
    const body = JSON.stringify(openApiDocument());
    return { body, etag: `"${(await sha256Hex(body)).slice(0, 32)}"` };
  })();
  return served;
};

openapi.get("/", async (c) => {
  const { body, etag } = await document();
  c.header("etag", etag);
  c.header("cache-control", "public, max-age=300");
  if (
    c.req
      .header("if-none-match")
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return c.body(null, 304);
  return c.body(body, 200, { "content-type": "application/json; charset=utf-8" });
});

export default openapi;
