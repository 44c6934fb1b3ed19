import { Hono } from "hono";
import * as v from "valibot";
import { CaseNumberSchema } from "../../../src/shared/complaints/schemas";
import {
  DEFAULT_PAGE_SIZE,
  JurisdictionQuerySchema,
  RequestsQuerySchema,
  requestsWindow,
} from "../../../src/shared/open311/schemas";
import { publishedRequests } from "../../db/open311/published";
import type { AppEnv } from "../../env";
import { Open311Error } from "../../lib/open311/errors";
import { open311Response, splitSuffix } from "../../lib/open311/format";
import { open311Query } from "../../lib/open311/query";
import { open311Request } from "../../lib/open311/view";

/**
 * `GET requests.{json,xml}` and `GET requests/{id}.{json,xml}`: published cases (those with a public
 * page), newest first, each through `open311Request` (the publicCase boundary). `POST requests`
 * (an API key's filing) is its own module.
 */
const requests = new Hono<AppEnv>();

requests.get("/:file{requests\\.[^/]*}", async (c) => {
  const { format } = splitSuffix(c.req.param("file"));
  const q = open311Query(c, RequestsQuerySchema);
  const origin = new URL(c.req.url).origin;
  if (q.service_request_id) {
    const rows = await publishedRequests(c.var.db, { caseNumbers: [...new Set(q.service_request_id)] }).all();
    return open311Response(
      format,
      "service_requests",
      rows.map((r) => open311Request(r, origin)),
    );
  }
  const window = requestsWindow(q);
  const pageSize = q.page_size ?? DEFAULT_PAGE_SIZE;
  const offset = ((q.page ?? 1) - 1) * pageSize;
  // The default window holds at most 1,000 requests: pages past it are empty, not the next 1,000.
  const limit = window.cap === null ? pageSize : Math.min(pageSize, window.cap - offset);
  const rows =
    limit <= 0
      ? []
      : await publishedRequests(c.var.db, {
          categoryIds: q.service_code,
          status: q.status,
          from: window.from,
          to: window.to,
          limit,
          offset,
        }).all();
  return open311Response(
    format,
    "service_requests",
    rows.map((r) => open311Request(r, origin)),
  );
});

requests.get("/requests/:file", async (c) => {
  const { name, format } = splitSuffix(c.req.param("file"));
  open311Query(c, JurisdictionQuerySchema);
  const id = v.safeParse(CaseNumberSchema, name);
  const row = id.success ? await publishedRequests(c.var.db, { caseNumbers: [id.output] }).get() : undefined;
  if (!row) throw new Open311Error(404, `没有编号为 ${name} 的公开诉求`);
  return open311Response(format, "service_requests", [open311Request(row, new URL(c.req.url).origin)]);
});

export default requests;
