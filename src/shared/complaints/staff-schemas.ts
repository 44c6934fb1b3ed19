import * as v from "valibot";
import { COMMUNITIES } from "../geo.ts";
import { FromDaySchema, MAX_PERIOD_DAYS, MonthSchema, periodSchema, ToDaySchema, withPeriod } from "../period.ts";
import { PlainText } from "../text.ts";
import { CATEGORY_IDS } from "./categories.ts";
import { CaseNumberSchema, PlaceIdSchema } from "./schemas.ts";
import { STATES, type StaffAction } from "./states.ts";

// Inputs of the staff case-handling endpoints, shared by the API (validation) and the console (the
// same limits and messages next to the fields).

export const MAX_EXTENSION_DAYS = 30;

const Version = v.pipe(v.number("缺少版本号"), v.integer("版本号须为整数"), v.minValue(1));
const text = (label: string, min: number, max: number) =>
  v.pipe(
    v.string(`请填写${label}`),
    PlainText,
    v.trim(),
    v.minLength(min, `请填写${label}，至少 ${min} 个字`),
    v.maxLength(max, `${label}不超过 ${max} 个字`),
  );
const Reason = text("原因", 2, 500);
const OptionalNote = v.optional(v.pipe(v.string(), PlainText, v.trim(), v.maxLength(500, "说明不超过 500 个字")));
const UnitId = v.pipe(v.string("请选择处置单位"), v.regex(/^[a-z0-9-]{1,64}$/, "请选择处置单位"));

/** A result photo, as a data URL (the console downscales it first): JSON keeps the CSRF rule simple. */
export const MAX_RESULT_PHOTO_CHARS = 7_500_000;
const PhotoDataUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_RESULT_PHOTO_CHARS, "照片不超过 5 MB"),
  v.regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, "照片须为 JPEG、PNG 或 WebP"),
);

/** The body of each staff action: always the case's version as read, so a stale write gets 409. */
export const ACTION_SCHEMAS = {
  accept: v.object({
    version: Version,
    categoryId: v.optional(v.picklist(CATEGORY_IDS, "类别不存在")),
    /** The public place, corrected: a road or place of the case's community (checked with the case). */
    placeId: v.optional(PlaceIdSchema),
    urgent: v.optional(v.boolean()),
    note: OptionalNote,
  }),
  reject: v.object({ version: Version, reason: Reason }),
  merge: v.object({ version: Version, targetCaseNumber: CaseNumberSchema }),
  dispatch: v.object({ version: Version, unitId: UnitId, urgent: v.optional(v.boolean()), note: OptionalNote }),
  start: v.object({ version: Version }),
  send_back: v.object({ version: Version, reason: Reason }),
  request_extension: v.object({
    version: Version,
    days: v.pipe(
      v.number("请填写延期天数"),
      v.integer("延期天数须为整数"),
      v.minValue(1, "至少延期 1 天"),
      v.maxValue(MAX_EXTENSION_DAYS, `最多延期 ${MAX_EXTENSION_DAYS} 天`),
    ),
    reason: Reason,
  }),
  request_suspension: v.object({ version: Version, reason: Reason }),
  extend: v.object({ version: Version, note: OptionalNote }),
  suspend: v.object({ version: Version, note: OptionalNote }),
  refuse_request: v.object({ version: Version, reason: Reason }),
  resume: v.object({ version: Version }),
  handle: v.object({ version: Version, result: text("处理结果", 2, 500), photo: v.optional(PhotoDataUrl) }),
  redo: v.object({ version: Version, reason: Reason }),
  close_fixed: v.object({ version: Version, note: text("结案说明", 2, 500) }),
  close_not_fixed: v.object({ version: Version, note: text("结案说明", 2, 500) }),
  reply: v.object({ version: Version, note: text("内容", 2, 1000), public: v.boolean("请选择是否公开") }),
} satisfies Record<StaffAction, v.GenericSchema>;
export type ActionInput<A extends StaffAction> = v.InferOutput<(typeof ACTION_SCHEMAS)[A]>;

const Digits = (max: number) =>
  v.pipe(v.string(), v.regex(/^\d{1,9}$/, "须为数字"), v.transform(Number), v.maxValue(max));

export const CASE_VIEWS = ["inbox", "queue", "overdue", "all"] as const;
export type CaseView = (typeof CASE_VIEWS)[number];

/**
 * The case list: `inbox` new reports (urgent first, then oldest), `queue` open cases of a unit by
 * deadline, `overdue` the board of cases past a deadline, `all` newest first with filters.
 */
export const CaseListQuerySchema = v.object({
  view: v.optional(v.picklist(CASE_VIEWS, "view 不正确"), "all"),
  state: v.optional(v.picklist(STATES, "状态不正确")),
  unitId: v.optional(UnitId),
  categoryId: v.optional(v.picklist(CATEGORY_IDS, "类别不正确")),
  communityId: v.optional(
    v.picklist(
      COMMUNITIES.map((c) => c.id),
      "社区不正确",
    ),
  ),
  /** Case number, exact. */
  q: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\d{6}-\d{4,6}$/, "案件编号形如 261127-0042"))),
  before: v.optional(Digits(999_999_999)),
  offset: v.optional(Digits(10_000)),
  limit: v.optional(v.pipe(Digits(200), v.minValue(1, "limit 至少为 1")), "50"),
});
export type CaseListQuery = v.InferOutput<typeof CaseListQuerySchema>;

const Id = v.pipe(v.string(), v.regex(/^\d{1,10}$/, "编号须为数字"), v.transform(Number));
export const CaseIdParamSchema = v.object({ id: Id });
export const CasePhotoParamSchema = v.object({ id: Id, photoId: Id });

/** The case export: China-time days, at most a year. */
export const PeriodSchema = periodSchema(MAX_PERIOD_DAYS.year);

/** The staff figures: China-time days, at most a year, per unit or per category. */
export const FiguresQuerySchema = withPeriod(
  v.object({
    from: FromDaySchema,
    to: ToDaySchema,
    by: v.optional(v.picklist(["unit", "category"], "by 只能为 unit 或 category"), "unit"),
  }),
  MAX_PERIOD_DAYS.year,
);

/** The public figures: a calendar month, "2026-10"; the last full month when absent. */
export const PublicFiguresQuerySchema = v.object({
  month: v.optional(MonthSchema),
});
