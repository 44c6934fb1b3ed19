import { Hono } from "hono";
import { maskName, maskPhone } from "../../../src/shared/privacy";
import { can } from "../../../src/shared/staff/roles";
import { OutboxQuerySchema } from "../../../src/shared/sweeps/staff-schemas";
import type { MessageKind, Outbox } from "../../../src/shared/sweeps/wire";
import { type OutboxRow, outboxList } from "../../db/sweeps/outbox";
import type { AppEnv } from "../../env";
import { audit } from "../../lib/audit-context";
import { MAX_ATTEMPTS, messageText, recipientPhone } from "../../lib/sweeps/messages";
import { validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/** Most messages one answer lists (newest first); a sweep's filter narrows it. */
const LIMIT = 200;

/**
 * The outbox, mounted under /api/staff/sweeps: what was and will be sent, for coordinators. Without
 * a gateway this is where the messages are read; with one, where failures show. Phones and names
 * are masked unless the role may see contacts and asks (`contacts=1`); that look is audited.
 */
const outbox = new Hono<AppEnv>();

outbox.get("/outbox", validate("query", OutboxQuerySchema), async (c) => {
  const staff = currentStaff(c);
  const query = c.req.valid("query");
  const contactsShown = query.contacts === "1" && can(staff.role, "sweeps:contact");
  const [read] = await c.var.platform.batch.run([
    outboxList({ status: query.status, sweepId: query.sweepId, limit: LIMIT }, MAX_ATTEMPTS),
    ...(contactsShown
      ? [audit(c, "sweep.outbox_contacts_viewed", query.sweepId ?? null, { status: query.status })]
      : []),
  ]);
  const rows = (read?.rows ?? []) as unknown as OutboxRow[];
  c.header("cache-control", "no-store");
  return c.json<Outbox>({
    status: query.status,
    senderEnabled: c.var.platform.sender.enabled,
    maxAttempts: MAX_ATTEMPTS,
    contactsShown,
    messages: rows.map((r) => {
      const kind = r.kind as MessageKind;
      const to = recipientPhone(r);
      return {
        id: r.id,
        sweepId: r.sweepId,
        sweepTitle: r.title,
        startsAt: r.startsAt,
        kind,
        recipient: r.recipient,
        to: contactsShown || to === "" ? to : maskPhone(to),
        text: messageText({ ...r, kind, name: contactsShown ? r.name : maskName(r.name) }),
        createdAt: r.createdAt,
        sentAt: r.sentAt,
        attempts: r.attempts,
      };
    }),
  });
});

export default outbox;
