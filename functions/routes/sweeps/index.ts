import { Hono } from "hono";
import { IdempotencyKeySchema } from "../../../src/shared/complaints/schemas";
import {
  ManageTokenSchema,
  SignupSchema,
  SweepIdSchema,
  SweepListQuerySchema,
} from "../../../src/shared/sweeps/schemas";
import type {
  CancelResult,
  ConfirmOfferResult,
  ManageView,
  SignupResult,
  SweepDetail,
  SweepList,
} from "../../../src/shared/sweeps/wire";
import { publicSweepById } from "../../db/sweeps/index";
import { cancelBatch, confirmOfferBatch } from "../../db/sweeps/signups";
import type { AppEnv } from "../../env";
import { clientAddress } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { refusalOf } from "../../lib/sweeps/errors";
import { sweepList } from "../../lib/sweeps/list";
import { manageView, offerUntil } from "../../lib/sweeps/manage";
import { signUp } from "../../lib/sweeps/signup";
import { publicSweep, visibleOr404 } from "../../lib/sweeps/view";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { parse, validate } from "../../lib/validate";
import certificates from "./certificates";
import consent, { guardianLink } from "./consent";
import groups from "./groups";
import lead from "./lead";

/** Public sweeps, mounted at /api/sweeps: the list, a sweep, signing up, and the sign-up's manage link. */
const sweeps = new Hono<AppEnv>();

// Not cached: places left must be current, or a person who just signed up sees the old count.
sweeps.get("/", validate("query", SweepListQuerySchema), async (c) => {
  return c.json<SweepList>(await sweepList(c.var.db, c.req.valid("query")));
});

/** The manage secret (header X-Manage-Token, never a query string) as the hash stored. */
async function manageHash(c: { req: { header(n: string): string | undefined } }) {
  return sha256Hex(parse(ManageTokenSchema, c.req.header("x-manage-token"), "/headers/x-manage-token"));
}

sweeps.get("/manage", async (c) => {
  c.header("cache-control", "no-store");
  return c.json<ManageView>(await manageView(c.var.db, await manageHash(c)));
});

/**
 * Cancels (late after the sweep's cut-off) and, in the same batch, offers a freed place to the next
 * person waiting. A sign-up already cancelled, or a sweep that has begun, answers 409 and writes nothing.
 */
sweeps.delete("/manage", async (c) => {
  const hash = await manageHash(c);
  const now = new Date();
  const [cancel, , offerMessages] = await c.var.platform.batch.run(
    cancelBatch(hash, now.toISOString(), offerUntil(now)),
  );
  const status = cancel?.rows[0]?.status as CancelResult["status"] | undefined;
  if (!status) {
    await manageView(c.var.db, hash, now); // 404 for an unknown secret
    throw problem(409, { detail: "这次报名已取消，或活动已开始，不能再取消。" });
  }
  return c.json<CancelResult>({ status, offeredToNext: (offerMessages?.changes ?? 0) > 0 });
});

sweeps.post("/manage/confirm", async (c) => {
  const hash = await manageHash(c);
  const now = new Date();
  // A minor's offer without the guardian's consent is refused by the database (consent_missing → 409).
  const [update] = await c.var.platform.batch.run(confirmOfferBatch(hash, now.toISOString())).catch((err) => {
    throw refusalOf(err) ?? err;
  });
  if (update?.rows.length !== 1) {
    await manageView(c.var.db, hash, now);
    throw problem(409, { detail: "没有待确认的递补名额，或确认期限已过。" });
  }
  return c.json<ConfirmOfferResult>({ status: "confirmed" });
});

// The sub-features' routers (consent, groups, the leader's page, certificates) are mounted here,
// before `/:id`, which would otherwise match their first path segment.
// ---- sub-feature mounts ----
sweeps.route("/consent", consent);
sweeps.route("/manage/guardian-link", guardianLink);
sweeps.route("/lead", lead);
sweeps.route("/", certificates);
sweeps.route("/", groups);
// ---- end of sub-feature mounts ----

sweeps.get("/:id", async (c) => {
  const id = parse(SweepIdSchema, c.req.param("id"), "/params/id");
  return c.json<SweepDetail>({ sweep: publicSweep(visibleOr404(await publicSweepById(c.var.db, id).get())) });
});

sweeps.post(
  "/:id/signups",
  // The client is counted before its body is read (the sweeps' own limiter, a key per endpoint).
  async (c, next) => {
    await throttle(c.var.platform.limiters.sweep, [`sweep-signup:${clientAddress(c)}`]);
    await next();
  },
  validate("json", SignupSchema),
  async (c) => {
    const idempotencyKey = parse(IdempotencyKeySchema, c.req.header("idempotency-key"), "/headers/idempotency-key");
    const { replayed, ...result } = await signUp(
      c.env,
      c.var.db,
      c.var.platform.batch,
      parse(SweepIdSchema, c.req.param("id"), "/params/id"),
      c.req.valid("json"),
      idempotencyKey,
    );
    if (replayed) c.header("idempotent-replayed", "true");
    c.header("location", result.managePath);
    return c.json<SignupResult>(result, 201);
  },
);

export default sweeps;
