import { Hono } from "hono";
import {
  RateSchema,
  ReopenSchema,
  TrackByPhoneSchema,
  TrackingTokenSchema,
} from "../../../src/shared/complaints/schemas";
import { nextState, REOPEN_WINDOW_DAYS } from "../../../src/shared/complaints/states";
import type { TrackingView } from "../../../src/shared/complaints/wire";
import { deleteContactBatch, scrubTerms } from "../../db/complaints/contact";
import { findPhoto, transitionBatch } from "../../db/complaints/index";
import type { AppEnv } from "../../env";
import { clientAddress } from "../../lib/audit-context";
import { servePhoto } from "../../lib/complaints/request";
import { readTracking, trackingView } from "../../lib/complaints/tracking-view";
import { runTransition } from "../../lib/complaints/transition";
import { logJson } from "../../lib/log";
import { problem } from "../../lib/problem";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { parse, validate } from "../../lib/validate";

/**
 * The reporter's side of a case: read it (with the personal data it holds), rate it, reopen it,
 * delete the contact details. Mounted at /api/complaints/track.
 */
const track = new Hono<AppEnv>();

/** The case a tracking secret opens (header X-Tracking-Token; never a query string), with its page's data. */
async function trackedByToken(c: { req: { header(n: string): string | undefined }; var: AppEnv["Variables"] }) {
  const token = parse(TrackingTokenSchema, c.req.header("x-tracking-token"), "/headers/x-tracking-token");
  const tracked = await readTracking(c.var.db, { trackingHash: await sha256Hex(token) });
  if (!tracked.complaint) throw problem(404, { detail: "没有找到这件投诉，请检查查询链接。" });
  return { ...tracked, complaint: tracked.complaint };
}

/** The reporter's view after a change: read again, in one round trip. */
async function freshView(db: AppEnv["Variables"]["db"], trackingHash: string) {
  const { complaint, ...rest } = await readTracking(db, { trackingHash });
  if (!complaint) throw problem(404, { detail: "没有找到这件投诉。" });
  return trackingView(complaint, rest, { personal: true });
}

track.get("/", async (c) => {
  const { complaint, ...rest } = await trackedByToken(c);
  return c.json<TrackingView>(trackingView(complaint, rest, { personal: true }));
});

/**
 * The reporter deletes their name, phone, callback wish and an Open311 filing's account id now
 * (PIPL art. 47), proving the tracking secret: one batch with its internal event and audit row
 * (functions/db/complaints/contact.ts). A case that holds no contact any more (deleted before, or
 * anonymised) answers the same view and writes nothing.
 */
track.delete("/contact", async (c) => {
  const { complaint: found, open311 } = await trackedByToken(c);
  // An app's Open311 filing may hold only the app's account id: that is contact too.
  if (found.reporterName !== null || found.reporterPhone !== null || found.callbackWanted || open311?.accountId) {
    await c.var.platform.batch.run(
      deleteContactBatch({
        complaintId: found.id,
        caseNumber: found.caseNumber,
        at: new Date().toISOString(),
        terms: scrubTerms({ name: found.reporterName, phone: found.reporterPhone }),
        requestId: c.var.requestId,
      }),
    );
  }
  return c.json<TrackingView>(await freshView(c.var.db, found.trackingHash));
});

/**
 * By case number and the phone given at filing; the same 404 for either mismatch. Every lookup
 * counts against the client; only a failed one counts against the case, and the right pair always
 * gets in, so strangers' wrong guesses cannot lock a reporter out of their own case. What bounds
 * guessing is then the per-client limit against an exact 11-digit number; a case whose failures run
 * out answers wrong guesses with 429 and is logged, so a spread-out attempt on one case is seen.
 */
track.post("/lookup", validate("json", TrackByPhoneSchema), async (c) => {
  const { caseNumber, phone } = c.req.valid("json");
  const limiter = c.var.platform.limiters.track;
  await throttle(limiter, [`track:${clientAddress(c)}`]);
  const { complaint, ...rest } = await readTracking(c.var.db, { caseNumber });
  if (!complaint?.reporterPhone || complaint.reporterPhone !== phone) {
    if (!(await limiter.limit(`track-case-failed:${caseNumber}`)).success) {
      logJson(c.env, "info", { requestId: c.var.requestId, msg: "tracking lookups failing for one case", caseNumber });
      throw problem(429, { detail: "这件案件的查询失败次数过多，请一分钟后再试。", headers: { "retry-after": "60" } });
    }
    throw problem(404, { detail: "案件编号与手机号不匹配。" });
  }
  return c.json(trackingView(complaint, rest));
});

track.get("/photos/:id{[0-9]{1,10}}", async (c) => {
  const { photos } = await trackedByToken(c);
  const id = Number(c.req.param("id"));
  const found = photos.some((p) => p.id === id) ? await findPhoto(c.var.db, id).get() : undefined;
  if (!found) throw problem(404, { detail: "照片不存在。" });
  return servePhoto(c.var.platform.files, found.photo.r2Key, "private, no-store");
});

track.post("/rating", validate("json", RateSchema), async (c) => {
  const { complaint: found } = await trackedByToken(c);
  const { rating, comment } = c.req.valid("json");
  if (!["closed_fixed", "closed_not_fixed"].includes(found.state) || found.rating) {
    throw problem(409, { detail: `当前状态（${found.state}）不能评价，或已评价过。` });
  }
  const now = new Date().toISOString();
  const db = c.var.db;
  await runTransition(
    c.var.platform.batch,
    transitionBatch(db, {
      complaintId: found.id,
      version: found.version,
      set: { rating, ratingComment: comment || null, ratedAt: now },
      event: {
        at: now,
        action: "rate",
        fromState: found.state,
        toState: found.state,
        actorKind: "reporter",
        note: null,
      },
    }),
    "案件刚刚有了更新，请刷新后再评价。",
  );
  return c.json(await freshView(db, found.trackingHash));
});

track.post("/reopen", validate("json", ReopenSchema), async (c) => {
  const { complaint: found } = await trackedByToken(c);
  const to = nextState("reopen", found.state, "reporter");
  const withinWindow = found.closedAt && Date.now() - Date.parse(found.closedAt) < REOPEN_WINDOW_DAYS * 86_400_000;
  if (!to || !withinWindow) {
    throw problem(409, { detail: `当前状态（${found.state}）不能申请复核，或已超过结案后 ${REOPEN_WINDOW_DAYS} 天。` });
  }
  const now = new Date().toISOString();
  const db = c.var.db;
  await runTransition(
    c.var.platform.batch,
    transitionBatch(db, {
      complaintId: found.id,
      version: found.version,
      // A reopen counts as rework (返工率) and sends the case back to verification.
      set: { reopenCount: found.reopenCount + 1, reworkCount: found.reworkCount + 1, closedAt: null },
      event: {
        at: now,
        action: "reopen",
        fromState: found.state,
        toState: to,
        actorKind: "reporter",
        note: c.req.valid("json").reason,
      },
    }),
    "案件刚刚有了更新，请刷新后再试。",
  );
  return c.json(await freshView(db, found.trackingHash));
});

export default track;
