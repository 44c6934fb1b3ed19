import { Hono } from "hono";
import { categoryById } from "../../../src/shared/complaints/categories";
import {
  FileComplaintSchema,
  HotspotQuerySchema,
  IdempotencyKeySchema,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  NearbyQuerySchema,
  OpenDataQuerySchema,
  PublicListQuerySchema,
  SupporterIdSchema,
} from "../../../src/shared/complaints/schemas";
import { PublicFiguresQuerySchema } from "../../../src/shared/complaints/staff-schemas";
import { hasPublicPage } from "../../../src/shared/complaints/states";
import type {
  FiledComplaint,
  Hotspots,
  MonthFigures,
  NearbyCases,
  OpenData,
  PublicCase,
  PublicCasePage,
  SupportResult,
} from "../../../src/shared/complaints/wire";
import { communityById } from "../../../src/shared/geo";
import { chinaIso, chinaIsoOrEmpty, periodInstants } from "../../../src/shared/time";
import { casesFiledBetween, findCaseByNumber, findPhoto, publicCasesOf, supportBatch } from "../../db/complaints/index";
import type { AppEnv } from "../../env";
import { clientAddress } from "../../lib/audit-context";
import { figures, monthRange } from "../../lib/complaints/figures";
import { fileComplaint } from "../../lib/complaints/file-complaint";
import { hotspotCells } from "../../lib/complaints/hotspots";
import { nearbyCases } from "../../lib/complaints/nearby";
import { cleanPhotos } from "../../lib/complaints/photos";
import { photosArePublic, publicCase, toCsv } from "../../lib/complaints/public-view";
import { readSubmission, servePhoto } from "../../lib/complaints/request";
import { problem } from "../../lib/problem";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { passesTurnstile } from "../../lib/turnstile";
import { limitUpload, parse, validate } from "../../lib/validate";
import cases from "./public-case";
import track from "./track";

const complaints = new Hono<AppEnv>();

complaints.post(
  "/",
  // The client is counted before its body is read: one over its allowance costs no parsing.
  async (c, next) => {
    await throttle(c.var.platform.limiters.complaint, [`file:${clientAddress(c)}`]);
    await next();
  },
  limitUpload(MAX_PHOTOS * MAX_PHOTO_BYTES + 256 * 1024, "上传内容过大：最多 3 张照片，每张不超过 5 MB。"),
  async (c) => {
    const idempotencyKey = parse(IdempotencyKeySchema, c.req.header("idempotency-key"), "/headers/idempotency-key");
    const { input: raw, files } = await readSubmission(c.req.raw);
    const input = parse(FileComplaintSchema, raw);
    const photos = await cleanPhotos(files);
    if (!(await passesTurnstile(c.env.TURNSTILE_SECRET, input.turnstileToken, clientAddress(c)))) {
      throw problem(403, { detail: "人机验证未通过，请重试。" });
    }
    const { replayed, ...filed } = await fileComplaint(c.var.db, c.var.platform, input, photos, idempotencyKey);
    if (replayed) c.header("idempotent-replayed", "true");
    c.header("location", filed.trackingPath);
    return c.json<FiledComplaint>(filed, 201);
  },
);

complaints.get("/", validate("query", PublicListQuerySchema), async (c) => {
  const q = c.req.valid("query");
  const shape = `${q.state ?? ""}${q.before ? "+before" : ""}`;
  const rows = await publicCasesOf(c.var.db, shape).all({ before: q.before, limit: q.limit });
  const last = rows.at(-1)?.complaint;
  return c.json<PublicCasePage>({
    cases: rows.map((r) =>
      publicCase(
        r.complaint,
        (JSON.parse(r.reportPhotoIds) as number[]).sort((a, b) => a - b),
      ),
    ),
    next: rows.length === q.limit && last ? last.id : null,
  });
});

/**
 * Open cases of the same category within 250 m in the last 30 days: "is this the same problem?".
 * Measured from published points only, in bands (lib/complaints/nearby.ts), and throttled per client.
 */
complaints.get("/nearby", validate("query", NearbyQuerySchema), async (c) => {
  await throttle(c.var.platform.limiters.nearby, [`nearby:${clientAddress(c)}`]);
  return c.json<NearbyCases>({ cases: await nearbyCases(c.var.db, c.req.valid("query")) });
});

complaints.post("/:caseNumber/support", async (c) => {
  const supporterId = parse(SupporterIdSchema, c.req.header("x-supporter-id"), "/headers/x-supporter-id");
  await throttle(c.var.platform.limiters.complaint, [`support:${clientAddress(c)}`]);
  const found = await findCaseByNumber(c.var.db, c.req.param("caseNumber")).get();
  if (!found || !publicCase(found).open) throw problem(404, { detail: "没有找到这件正在办理的投诉。" });
  const [inserted, , after] = await c.var.platform.batch.run(
    supportBatch(c.var.db, found.id, await sha256Hex(`supporter:${supporterId}`), new Date().toISOString()),
  );
  return c.json<SupportResult>({
    caseNumber: found.caseNumber,
    supporters: (after?.rows[0]?.supporters as number | undefined) ?? found.supporters,
    counted: inserted?.changes === 1,
    publicPage: hasPublicPage(found.state),
  });
});

complaints.get("/hotspots", validate("query", HotspotQuerySchema), async (c) => {
  const days = Number(c.req.valid("query").days);
  const { since, cells } = await hotspotCells(c.var.db, days);
  c.header("cache-control", "public, max-age=60");
  return c.json<Hotspots>({
    days,
    since,
    cells: cells
      .map((r) => ({
        ...r,
        communityName: communityById(r.communityId)?.name ?? r.communityId,
        categoryName: categoryById(r.categoryId)?.name ?? r.categoryId,
      }))
      .sort((a, b) => b.count - a.count),
  });
});

const OPEN_DATA_COLUMNS: (keyof PublicCase)[] = [
  "caseNumber",
  "categoryId",
  "categoryName",
  "communityId",
  "communityName",
  "place",
  "placeId",
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
  const { start, end } = periodInstants(from, to);
  const rows = (await casesFiledBetween(c.var.db, start, end, OPEN_DATA_MAX_ROWS).all()).map((r) => publicCase(r));
  c.header("cache-control", "public, max-age=300");
  if (c.req.param("file").endsWith(".csv")) {
    c.header("content-disposition", `attachment; filename="complaints-${from}-${to}.csv"`);
    // People open the CSV in a spreadsheet: times in China time, with the offset so nothing is lost.
    const local = rows.map((r) => ({
      ...r,
      receivedAt: chinaIso(r.receivedAt),
      closedAt: chinaIsoOrEmpty(r.closedAt),
    }));
    return c.body(`\uFEFF${toCsv(local, OPEN_DATA_COLUMNS)}`, 200, { "content-type": "text/csv; charset=utf-8" });
  }
  return c.json<OpenData>({ from, to, count: rows.length, truncated: rows.length === OPEN_DATA_MAX_ROWS, cases: rows });
});

/** A photo, once staff took the case up (before that only the reporter sees it, by token). */
/** The bureau-wide figures and the per-unit table for one month (the last full month by default). */
complaints.get("/figures", validate("query", PublicFiguresQuerySchema), async (c) => {
  const { month, from, to } = monthRange(c.req.valid("query").month);
  const { total, rows } = await figures(c.var.db, "unit", from, to);
  c.header("cache-control", "public, max-age=300");
  return c.json<MonthFigures>({ month, from, to, total, units: rows.filter((r) => r.id !== "") });
});

complaints.get("/photos/:id{[0-9]{1,10}}", async (c) => {
  const found = await findPhoto(c.var.db, Number(c.req.param("id"))).get();
  if (!found || !photosArePublic(found.state)) throw problem(404, { detail: "照片不存在或尚未公开。" });
  return servePhoto(c.var.platform.files, found.photo.r2Key, "public, max-age=86400");
});

complaints.route("/cases", cases);
complaints.route("/track", track);

export default complaints;
