import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as v from "valibot";
import { categoryById } from "../../src/shared/complaint-categories";
import {
  FileComplaintSchema,
  HotspotQuerySchema,
  IdempotencyKeySchema,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  NEARBY_DAYS,
  NEARBY_METRES,
  NearbyQuerySchema,
  OpenDataQuerySchema,
  PublicListQuerySchema,
  RateSchema,
  ReopenSchema,
  SupporterIdSchema,
  TrackByPhoneSchema,
  TrackingTokenSchema,
} from "../../src/shared/complaint-schemas";
import { nextState, REOPEN_WINDOW_DAYS } from "../../src/shared/complaint-states";
import { boundingBox, communityById, distanceMetres } from "../../src/shared/geo";
import { runBatch } from "../db/batch";
import {
  casesFiledBetween,
  findByCaseNumber,
  findPhoto,
  hotspotCounts,
  openCasesInBox,
  photosOf,
  publicCases,
  supportBatch,
  transitionBatch,
} from "../db/complaints";
import type { AppEnv } from "../env";
import { clientIp } from "../lib/audit-context";
import { fileComplaint, replay } from "../lib/complaints/file-complaint";
import { cleanPhotos } from "../lib/complaints/photos";
import { photosArePublic, publicCase, toCsv } from "../lib/complaints/public-view";
import { chinaDay } from "../lib/complaints/time";
import { readTracking, trackingView } from "../lib/complaints/tracking-view";
import { problem } from "../lib/problem";
import { sha256Hex } from "../lib/tokens";
import { passesTurnstile } from "../lib/turnstile";
import { toFieldErrors, validate } from "../lib/validate";

const complaints = new Hono<AppEnv>();

/** Per-client throttle through a rate-limit binding: 429 with Retry-After. */
async function throttle(limiter: RateLimit, key: string): Promise<void> {
  if (!(await limiter.limit({ key })).success) {
    throw problem(429, { detail: "操作过于频繁，请一分钟后再试。", headers: { "retry-after": "60" } });
  }
}

function parseOrThrow<S extends v.GenericSchema>(schema: S, value: unknown, pointerPrefix = ""): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  const errors = toFieldErrors(r.issues).map((e) => {
    const rest = e.pointer.slice(1); // "/field", or "/" for the value itself
    return { ...e, pointer: `#${pointerPrefix}${rest === "/" && pointerPrefix ? "" : rest}` };
  });
  throw problem(422, { detail: "请检查标出的字段。", errors });
}

/** The complaint and its photos from a JSON body, or from multipart (field "complaint" + files "photos"). */
async function readSubmission(req: Request): Promise<{ input: unknown; files: File[] }> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") {
    try {
      return { input: await req.json(), files: [] };
    } catch {
      throw problem(400, { detail: "请求体不是有效的 JSON。" });
    }
  }
  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw problem(400, { detail: "无法解析上传的表单。" });
    }
    const json = form.get("complaint");
    if (typeof json !== "string") throw problem(422, { errors: [{ pointer: "#/complaint", detail: "缺少投诉内容" }] });
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch {
      throw problem(422, { errors: [{ pointer: "#/complaint", detail: "投诉内容不是有效的 JSON" }] });
    }
    const photos = form.getAll("photos");
    if (photos.some((p) => typeof p === "string"))
      throw problem(422, { errors: [{ pointer: "#/photos", detail: "照片须为文件" }] });
    return { input, files: photos as File[] };
  }
  throw problem(415, { detail: "请以 application/json 或 multipart/form-data 提交。" });
}

/** The case a tracking secret opens (header X-Tracking-Token; never a query string), with its page's data. */
async function trackedByToken(c: { req: { header(n: string): string | undefined }; var: AppEnv["Variables"] }) {
  const token = parseOrThrow(TrackingTokenSchema, c.req.header("x-tracking-token"), "/headers/x-tracking-token");
  const tracked = await readTracking(c.var.db, { trackingHash: await sha256Hex(token) });
  if (!tracked.complaint) throw problem(404, { detail: "没有找到这件投诉，请检查查询链接。" });
  return { ...tracked, complaint: tracked.complaint };
}

/** The reporter's view after a change: read again, in one round trip. */
async function freshView(db: AppEnv["Variables"]["db"], trackingHash: string) {
  const { complaint, ...rest } = await readTracking(db, { trackingHash });
  if (!complaint) throw problem(404, { detail: "没有找到这件投诉。" });
  return trackingView(complaint, rest);
}

complaints.post(
  "/",
  bodyLimit({
    maxSize: MAX_PHOTOS * MAX_PHOTO_BYTES + 256 * 1024,
    onError: () => {
      throw problem(413, { detail: "上传内容过大：最多 3 张照片，每张不超过 5 MB。" });
    },
  }),
  async (c) => {
    const idempotencyKey = parseOrThrow(
      IdempotencyKeySchema,
      c.req.header("idempotency-key"),
      "/headers/idempotency-key",
    );
    const { input: raw, files } = await readSubmission(c.req.raw);
    const input = parseOrThrow(FileComplaintSchema, raw);
    const photos = await cleanPhotos(files);
    const previous = await replay(c.var.db, idempotencyKey, input, photos);
    if (previous) {
      c.header("idempotent-replayed", "true");
      return c.json(previous, 201);
    }
    await throttle(c.env.COMPLAINT_LIMITER, `file:${clientIp(c)}`);
    if (!(await passesTurnstile(c.env.TURNSTILE_SECRET, input.turnstileToken, clientIp(c)))) {
      throw problem(403, { detail: "人机验证未通过，请重试。" });
    }
    const filed = await fileComplaint(c.var.db, c.env.PHOTOS, input, photos, idempotencyKey);
    c.header("location", filed.trackingPath);
    return c.json(filed, 201);
  },
);

complaints.get("/", validate("query", PublicListQuerySchema), async (c) => {
  const q = c.req.valid("query");
  const rows = await publicCases(c.var.db, q).all();
  const photos = await photosOf(
    c.var.db,
    rows.filter((r) => photosArePublic(r.state)).map((r) => r.id),
  ).all();
  const last = rows.at(-1);
  return c.json({
    cases: rows.map((r) =>
      publicCase(
        r,
        photos.filter((p) => p.complaintId === r.id && p.stage === "report").map((p) => p.id),
      ),
    ),
    next: rows.length === q.limit && last ? last.id : null,
  });
});

/** Open cases of the same category within 250 m in the last 30 days: "is this the same problem?" */
complaints.get("/nearby", validate("query", NearbyQuerySchema), async (c) => {
  const { categoryId, lat, lng } = c.req.valid("query");
  const since = new Date(Date.now() - NEARBY_DAYS * 86_400_000).toISOString();
  const candidates = await openCasesInBox(c.var.db, {
    categoryId,
    since,
    ...boundingBox(lat, lng, NEARBY_METRES),
  }).all();
  const near = candidates
    .map((r) => ({ r, d: distanceMetres({ lat, lng }, { lat: r.lat ?? 0, lng: r.lng ?? 0 }) }))
    .filter((x) => x.d <= NEARBY_METRES)
    .sort((a, b) => a.d - b.d);
  return c.json({
    cases: near.map(({ r, d }) => ({ ...publicCase(r), distanceMetres: Math.round(d / 10) * 10 })),
  });
});

complaints.post("/:caseNumber/support", async (c) => {
  const supporterId = parseOrThrow(SupporterIdSchema, c.req.header("x-supporter-id"), "/headers/x-supporter-id");
  await throttle(c.env.COMPLAINT_LIMITER, `support:${clientIp(c)}`);
  const found = await findByCaseNumber(c.var.db, c.req.param("caseNumber")).get();
  if (!found || !publicCase(found).open) throw problem(404, { detail: "没有找到这件正在办理的投诉。" });
  const [inserted, , after] = await runBatch(
    c.var.db,
    supportBatch(c.var.db, found.id, await sha256Hex(`supporter:${supporterId}`), new Date().toISOString()),
  );
  return c.json({
    caseNumber: found.caseNumber,
    supporters: (after?.results[0]?.supporters as number | undefined) ?? found.supporters,
    counted: inserted?.meta.changes === 1,
  });
});

complaints.get("/hotspots", validate("query", HotspotQuerySchema), async (c) => {
  const days = Number(c.req.valid("query").days);
  const since = chinaDay(new Date(Date.now() - (days - 1) * 86_400_000));
  const rows = await hotspotCounts(c.var.db, since).all();
  c.header("cache-control", "public, max-age=300");
  return c.json({
    days,
    since,
    cells: rows
      .map((r) => ({
        ...r,
        communityName: communityById(r.communityId)?.name ?? r.communityId,
        categoryName: categoryById(r.categoryId)?.name ?? r.categoryId,
      }))
      .sort((a, b) => b.count - a.count),
  });
});

const OPEN_DATA_COLUMNS = [
  "caseNumber",
  "categoryId",
  "categoryName",
  "communityId",
  "communityName",
  "place",
  "lat",
  "lng",
  "state",
  "stateLabel",
  "receivedAt",
  "closedAt",
  "supporters",
];
const OPEN_DATA_MAX_ROWS = 10_000;

/** The public fields of the cases filed in a period (China-time days), as JSON or CSV. */
complaints.get("/:file{open-data\\.(?:json|csv)}", validate("query", OpenDataQuerySchema), async (c) => {
  const { from, to } = c.req.valid("query");
  if (to < from) throw problem(422, { errors: [{ pointer: "#/to", detail: "结束日期不能早于起始日期" }] });
  const start = new Date(`${from}T00:00:00+08:00`).toISOString();
  const end = new Date(`${to}T23:59:59.999+08:00`).toISOString();
  const rows = (await casesFiledBetween(c.var.db, start, end, OPEN_DATA_MAX_ROWS).all()).map((r) => publicCase(r));
  c.header("cache-control", "public, max-age=300");
  if (c.req.param("file").endsWith(".csv")) {
    c.header("content-disposition", `attachment; filename="complaints-${from}-${to}.csv"`);
    return c.body(`\uFEFF${toCsv(rows, OPEN_DATA_COLUMNS)}`, 200, { "content-type": "text/csv; charset=utf-8" });
  }
  return c.json({ from, to, count: rows.length, truncated: rows.length === OPEN_DATA_MAX_ROWS, cases: rows });
});

/** A photo, once staff took the case up (before that only the reporter sees it, by token). */
complaints.get("/photos/:id{[0-9]{1,10}}", async (c) => {
  const found = await findPhoto(c.var.db, Number(c.req.param("id"))).get();
  if (!found || !photosArePublic(found.state)) throw problem(404, { detail: "照片不存在或尚未公开。" });
  return servePhoto(c.env.PHOTOS, found.photo.r2Key, "public, max-age=86400");
});

async function servePhoto(bucket: R2Bucket, key: string, cacheControl: string): Promise<Response> {
  const object = await bucket.get(key);
  if (!object) throw problem(404, { detail: "照片不存在。" });
  return new Response(object.body, {
    headers: {
      "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
      "cache-control": cacheControl,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

complaints.get("/track", async (c) => {
  const { complaint, ...rest } = await trackedByToken(c);
  return c.json(trackingView(complaint, rest));
});

/** By case number and the phone given at filing; throttled, and the same 404 for either mismatch. */
complaints.post("/track/lookup", validate("json", TrackByPhoneSchema), async (c) => {
  const { caseNumber, phone } = c.req.valid("json");
  await throttle(c.env.TRACK_LIMITER, `track:${clientIp(c)}`);
  await throttle(c.env.TRACK_LIMITER, `track-case:${caseNumber}`);
  const { complaint, ...rest } = await readTracking(c.var.db, { caseNumber });
  if (!complaint?.reporterPhone || complaint.reporterPhone !== phone) {
    throw problem(404, { detail: "案件编号与手机号不匹配。" });
  }
  return c.json(trackingView(complaint, rest));
});

complaints.get("/track/photos/:id{[0-9]{1,10}}", async (c) => {
  const { photos } = await trackedByToken(c);
  const id = Number(c.req.param("id"));
  const found = photos.some((p) => p.id === id) ? await findPhoto(c.var.db, id).get() : undefined;
  if (!found) throw problem(404, { detail: "照片不存在。" });
  return servePhoto(c.env.PHOTOS, found.photo.r2Key, "private, no-store");
});

complaints.post("/track/rating", validate("json", RateSchema), async (c) => {
  const { complaint: found } = await trackedByToken(c);
  const { rating, comment } = c.req.valid("json");
  if (!["closed_fixed", "closed_not_fixed"].includes(found.state) || found.rating) {
    throw problem(409, { detail: `当前状态（${found.state}）不能评价，或已评价过。` });
  }
  const now = new Date().toISOString();
  const db = c.var.db;
  const [updated] = await runBatch(
    db,
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
  );
  if (updated?.meta.changes !== 1) throw problem(409, { detail: "案件刚刚有了更新，请刷新后再评价。" });
  return c.json(await freshView(db, found.trackingHash));
});

complaints.post("/track/reopen", validate("json", ReopenSchema), async (c) => {
  const { complaint: found } = await trackedByToken(c);
  const to = nextState("reopen", found.state, "reporter");
  const withinWindow = found.closedAt && Date.now() - Date.parse(found.closedAt) < REOPEN_WINDOW_DAYS * 86_400_000;
  if (!to || !withinWindow) {
    throw problem(409, { detail: `当前状态（${found.state}）不能申请复核，或已超过结案后 ${REOPEN_WINDOW_DAYS} 天。` });
  }
  const now = new Date().toISOString();
  const db = c.var.db;
  const [updated] = await runBatch(
    db,
    transitionBatch(db, {
      complaintId: found.id,
      version: found.version,
      set: { reopenCount: found.reopenCount + 1, closedAt: null },
      event: {
        at: now,
        action: "reopen",
        fromState: found.state,
        toState: to,
        actorKind: "reporter",
        note: c.req.valid("json").reason,
      },
    }),
  );
  if (updated?.meta.changes !== 1) throw problem(409, { detail: "案件刚刚有了更新，请刷新后再试。" });
  return c.json(await freshView(db, found.trackingHash));
});

export default complaints;
