import { Hono } from "hono";
import { categoryById } from "../../../src/shared/complaints/categories";
import { JurisdictionQuerySchema } from "../../../src/shared/open311/schemas";
import type { AppEnv } from "../../env";
import { Open311Error } from "../../lib/open311/errors";
import { open311Response, splitSuffix } from "../../lib/open311/format";
import { open311Query } from "../../lib/open311/query";
import { open311ServiceDefinition, open311Services } from "../../lib/open311/view";

/** `services.{json,xml}` (one service per complaint category) and `services/{code}.{json,xml}`. */
const services = new Hono<AppEnv>();

// The categories change only with a deploy (content/complaints/categories.json): an hour in caches.
const CACHE = { "cache-control": "public, max-age=3600" };

services.get("/:file{services\\.[^/]*}", (c) => {
  const { format } = splitSuffix(c.req.param("file"));
  open311Query(c, JurisdictionQuerySchema);
  return open311Response(format, "services", open311Services(), 200, CACHE);
});

services.get("/services/:file", (c) => {
  const { name, format } = splitSuffix(c.req.param("file"));
  open311Query(c, JurisdictionQuerySchema);
  const category = categoryById(name);
  if (!category) throw new Open311Error(404, `没有 service_code 为 ${name} 的服务`);
  return open311Response(format, "service_definition", open311ServiceDefinition(category), 200, CACHE);
});

export default services;
