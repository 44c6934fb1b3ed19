import type { Context } from "hono";
import type { AuditAction } from "../../src/shared/staff/audit-actions";
import { type AuditEntry, auditInsert } from "../db/staff/audit";
import type { AppEnv } from "../env";

/** The client address the platform saw (see `Platform.clientAddress`), else `UNKNOWN_CLIENT`. */
export function clientAddress(c: Context<AppEnv>): string {
  return c.var.platform.clientAddress(c.req.raw);
}

/** An audit statement for this request's actor, to put in the same batch as the change. */
export function audit(
  c: Context<AppEnv>,
  action: AuditAction,
  target?: string | null,
  detail?: Record<string, unknown>,
  actor: Pick<AuditEntry, "actorId" | "actorEmail"> = {
    actorId: c.var.staff?.id ?? null,
    actorEmail: c.var.staff?.email ?? null,
  },
) {
  return auditInsert(c.var.db, {
    ...actor,
    action,
    target,
    detail,
    clientIp: clientAddress(c),
    requestId: c.var.requestId,
  });
}
