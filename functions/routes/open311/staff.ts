import { Hono } from "hono";
import {
  API_KEY_MARK,
  API_KEY_PREFIX_LENGTH,
  type IssuedKey,
  IssueKeySchema,
  KeyIdParamSchema,
  type Open311Key,
} from "../../../src/shared/open311/keys";
import { auditIfChanged, insertKey, listKeys, revokeKey } from "../../db/open311/keys";
import type { AppEnv } from "../../env";
import { audit, clientAddress } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { validate } from "../../lib/validate";

/** Open311 API keys, for admins (`open311:keys`), mounted under /api/staff/open311/keys. */
const keys = new Hono<AppEnv>();

keys.get("/", async (c) => c.json<Open311Key[]>(await listKeys(c.var.db).all()));

/** Issues a key: 192 random bits after the mark, shown in this answer once; the table keeps its SHA-256. */
keys.post("/", validate("json", IssueKeySchema), async (c) => {
  const { holder } = c.req.valid("json");
  const apiKey = `${API_KEY_MARK}${randomToken(24)}`;
  const prefix = apiKey.slice(0, API_KEY_PREFIX_LENGTH);
  const [created] = await c.var.platform.batch.run([
    insertKey(c.var.db, { holder, prefix, keyHash: await sha256Hex(apiKey), createdBy: c.var.staff?.id ?? null }),
    audit(c, "open311.key_issued", prefix, { holder }),
  ]);
  const key = await listKeys(c.var.db, Number(created?.rows[0]?.id)).get();
  if (!key) throw new Error("key insert returned no row");
  return c.json<IssuedKey>({ key, apiKey }, 201);
});

/** Revokes a key at once: its next filing gets 403. A key already revoked is 409 and writes nothing. */
keys.post("/:id/revoke", validate("param", KeyIdParamSchema), async (c) => {
  const { id } = c.req.valid("param");
  const before = await listKeys(c.var.db, id).get();
  if (!before) throw problem(404, { detail: "密钥不存在。" });
  const [revoked] = await c.var.platform.batch.run([
    revokeKey(c.var.db, id, c.var.staff?.id ?? null, new Date().toISOString()),
    auditIfChanged({
      actorId: c.var.staff?.id ?? null,
      actorEmail: c.var.staff?.email ?? null,
      action: "open311.key_revoked",
      target: before.prefix,
      detail: { holder: before.holder },
      clientIp: clientAddress(c),
      requestId: c.var.requestId,
    }),
  ]);
  if (revoked?.changes !== 1) throw problem(409, { detail: "该密钥已被吊销。" });
  const key = await listKeys(c.var.db, id).get();
  if (!key) throw problem(404, { detail: "密钥不存在。" });
  return c.json<Open311Key>(key);
});

export default keys;
