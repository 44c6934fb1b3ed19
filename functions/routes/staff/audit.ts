import { Hono } from "hono";
import { AuditQuerySchema } from "../../../src/shared/staff/schemas";
import type { AuditPage } from "../../../src/shared/staff/wire";
import { listAudit } from "../../db/staff/audit";
import type { AppEnv } from "../../env";
import { validate } from "../../lib/validate";

const auditRoutes = new Hono<AppEnv>();

/** Newest first; `next` is the cursor for the following page. */
auditRoutes.get("/", validate("query", AuditQuerySchema), async (c) => {
  const filter = c.req.valid("query");
  const rows = await listAudit(c.var.db, filter);
  const last = rows.at(-1);
  return c.json<AuditPage>({ entries: rows, next: rows.length === filter.limit && last ? last.id : null });
});

export default auditRoutes;
