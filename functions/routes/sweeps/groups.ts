import { Hono } from "hono";
import { IdempotencyKeySchema } from "../../../src/shared/complaints/schemas";
import {
  GroupMemberSchema,
  GroupSignupSchema,
  GroupTokenSchema,
  MemberIdSchema,
  SweepIdSchema,
} from "../../../src/shared/sweeps/schemas";
import type {
  GroupCancelResult,
  GroupMemberResult,
  GroupSignupResult,
  GroupView,
} from "../../../src/shared/sweeps/wire";
import { cancelGroupBatch, cancelMemberBatch } from "../../db/sweeps/groups";
import { sweepById } from "../../db/sweeps/index";
import type { AppEnv } from "../../env";
import { clientAddress } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { completeMember, groupView, signUpGroup } from "../../lib/sweeps/groups";
import { offerUntil } from "../../lib/sweeps/manage";
import { visibleOr404 } from "../../lib/sweeps/view";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { parse, validate } from "../../lib/validate";

/**
 * Groups (a class signed up by one contact), mounted on the public sweeps router before `/:id`:
 * the sign-up, and the group link's view, member details and cancellations (header X-Group-Token).
 */
const groups = new Hono<AppEnv>();

/** The group secret (header X-Group-Token, never a query string) as the hash stored. */
async function groupHash(c: { req: { header(n: string): string | undefined } }) {
  return sha256Hex(parse(GroupTokenSchema, c.req.header("x-group-token"), "/headers/x-group-token"));
}

const memberId = (c: { req: { param(n: "memberId"): string } }) =>
  parse(MemberIdSchema, c.req.param("memberId"), "/params/memberId");

groups.post(
  "/:id/groups",
  // Counted before the body is read (the sweeps' own limiter, a key per endpoint).
  async (c, next) => {
    await throttle(c.var.platform.limiters.sweep, [`sweep-group:${clientAddress(c)}`]);
    await next();
  },
  validate("json", GroupSignupSchema),
  async (c) => {
    const idempotencyKey = parse(IdempotencyKeySchema, c.req.header("idempotency-key"), "/headers/idempotency-key");
    const found = visibleOr404(await sweepById(c.var.db, parse(SweepIdSchema, c.req.param("id"), "/params/id")).get());
    const { replayed, ...result } = await signUpGroup(
      c.var.db,
      c.var.platform.batch,
      found,
      c.req.valid("json"),
      idempotencyKey,
    );
    if (replayed) c.header("idempotent-replayed", "true");
    c.header("location", result.groupPath);
    return c.json<GroupSignupResult>(result, 201);
  },
);

groups.get("/group", async (c) => {
  c.header("cache-control", "no-store");
  return c.json<GroupView>(await groupView(c.var.db, await groupHash(c)));
});

groups.put("/group/members/:memberId", validate("json", GroupMemberSchema), async (c) => {
  const result = await completeMember(
    c.env,
    c.var.db,
    c.var.platform.batch,
    await groupHash(c),
    memberId(c),
    c.req.valid("json"),
  );
  return c.json<GroupMemberResult>(result);
});

/** Gives one member's place back; it is offered to the first person waiting in the same batch. */
groups.delete("/group/members/:memberId", async (c) => {
  const hash = await groupHash(c);
  const id = memberId(c);
  const now = new Date();
  const [cancel, , , offered] = await c.var.platform.batch.run(
    cancelMemberBatch(hash, id, now.toISOString(), offerUntil(now)),
  );
  if (!cancel?.rows[0]) {
    const view = await groupView(c.var.db, hash, now); // 404 for an unknown secret
    if (!view.members.some((m) => m.id === id)) throw problem(404, { detail: "这个团体没有这个名额。" });
    throw problem(409, { detail: "这个名额已取消或已释放，或活动已开始，不能再取消。" });
  }
  return c.json<GroupCancelResult>({ released: 1, offeredToNext: (offered?.changes ?? 0) > 0 });
});

/** Cancels the whole group: every place it still holds is given back and offered on, one batch. */
groups.delete("/group", async (c) => {
  const hash = await groupHash(c);
  const now = new Date();
  const [cancel, , members, , offered] = await c.var.platform.batch.run(
    cancelGroupBatch(hash, now.toISOString(), offerUntil(now)),
  );
  if (!cancel?.rows[0]) {
    await groupView(c.var.db, hash, now);
    throw problem(409, { detail: "这个团体报名已取消，或活动已开始，不能再取消。" });
  }
  return c.json<GroupCancelResult>({ released: members?.rows.length ?? 0, offeredToNext: (offered?.changes ?? 0) > 0 });
});

export default groups;
