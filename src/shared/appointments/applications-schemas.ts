// Inputs of the applications' endpoints (staff steps and the public lookup), shared by the API and
// the islands so both say the same thing next to the same field.
import * as v from "valibot";
import { PlainLine, PlainText } from "../text.ts";
import { CORRECTION_DAYS, DECISIONS } from "./applications-steps.ts";

export * from "./applications-lookup.ts";

const Version = v.pipe(v.number("缺少版本号，请刷新后再试"), v.integer(), v.minValue(0));
const Note = (max: number) =>
  v.optional(v.pipe(v.string(), PlainText, v.trim(), v.maxLength(max, `不超过 ${max} 个字`)));
const RequiredNote = (max: number, missing: string) =>
  v.pipe(v.string(missing), PlainText, v.trim(), v.minLength(1, missing), v.maxLength(max, `不超过 ${max} 个字`));

/** POST …/applications/intake: the booking the merchant came to (its number, as the desk reads it). */
export const IntakeSchema = v.object({
  bookingNumber: v.pipe(
    v.string("请填写预约号"),
    v.transform((s) => s.replace(/\s/g, "").toUpperCase()),
    v.regex(/^YY[0-9A-HJKMNP-TV-Z]{8}$/, "预约号为 YY 加 8 位字母或数字"),
  ),
  note: Note(500),
});

/** POST …/:number/request-correction: every missing material at once, and the working days to supply them. */
export const CorrectionSchema = v.object({
  version: Version,
  items: v.pipe(
    v.array(
      v.object({
        item: v.pipe(
          v.string("请填写所缺材料"),
          PlainLine,
          v.trim(),
          v.minLength(1, "请填写所缺材料"),
          v.maxLength(60, "不超过 60 个字"),
        ),
        note: v.optional(v.pipe(v.string(), PlainLine, v.trim(), v.maxLength(120, "说明不超过 120 个字"))),
      }),
    ),
    v.minLength(1, "请至少列出一项所缺材料"),
    v.maxLength(12, "一次最多列 12 项"),
    v.check((items) => new Set(items.map((i) => i.item)).size === items.length, "同一材料不要重复列出"),
  ),
  workingDays: v.optional(
    v.pipe(
      v.number("请填写补正期限"),
      v.integer(),
      v.minValue(CORRECTION_DAYS.min, `补正期限至少 ${CORRECTION_DAYS.min} 个工作日`),
      v.maxValue(CORRECTION_DAYS.max, `补正期限不超过 ${CORRECTION_DAYS.max} 个工作日`),
    ),
    CORRECTION_DAYS.default,
  ),
  note: Note(500),
});

/** POST …/:number/materials-supplied: the items that came (all outstanding ones when left out). */
export const SuppliedSchema = v.object({
  version: Version,
  itemIds: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1), v.maxLength(12))),
  note: Note(500),
});

/** POST …/:number/accept, …/close: the version seen and an optional note for the merchant. */
export const StepSchema = v.object({ version: Version, note: Note(500) });

/** POST …/:number/book-inspection: an inspection slot of the application's point. */
export const InspectionSchema = v.object({
  version: Version,
  slotId: v.pipe(
    v.string("请选择现场查看时段"),
    v.regex(/^[a-z0-9-]{2,40}:inspection:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+08:00$/, "现场查看时段无效，请重新选择"),
  ),
  note: Note(500),
});

/** POST …/:number/decide: 准予 or 不予, with the reasons (a refusal must give them). */
export const DecideSchema = v.pipe(
  v.object({
    version: Version,
    decision: v.picklist(DECISIONS, "请选择准予或不予"),
    reasons: Note(1000),
  }),
  v.forward(
    v.check((d) => d.decision !== "refused" || (d.reasons ?? "").length > 0, "不予许可须写明理由"),
    ["reasons"],
  ),
);

/** POST …/:number/withdraw: why (the merchant asked, or the correction deadline passed). */
export const WithdrawSchema = v.object({ version: Version, note: RequiredNote(500, "请写明撤回原因") });

/** GET …/applications?point=: one point's queue. */
export const QueueQuerySchema = v.object({
  point: v.pipe(v.string("请选择服务点"), v.regex(/^[a-z0-9-]{2,40}$/, "服务点无效")),
});
