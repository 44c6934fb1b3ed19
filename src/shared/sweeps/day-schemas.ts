// Inputs of the on-the-day endpoints (the leader's page and the staff's hours), shared by the API
// and the leader's island, so both say the same thing next to a field.
import * as v from "valibot";
import { MOBILE } from "../complaints/filing-schema.ts";
import { PlainLine } from "../text.ts";
import { BirthMonthSchema, normalisePhone } from "./schemas.ts";

/** Crockford's base 32: no I, L, O, U, so a code read aloud or typed is not misread. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 8;

/** A typed code as the server derives it: upper case, no spaces or dashes, O→0 and I/L→1. */
export function normaliseCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-－—]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export const CheckinCodeSchema = v.pipe(
  v.string("请输入签到码"),
  v.transform(normaliseCode),
  v.regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`), `签到码为 ${CODE_LENGTH} 位字母或数字`),
);

const SignupId = v.pipe(v.number("报名编号无效"), v.integer("报名编号无效"), v.minValue(1, "报名编号无效"));

/** Check-in or check-out: a tap on the roster (the sign-up's id) or the code the volunteer shows. */
export const AttendanceTargetSchema = v.union(
  [v.object({ signupId: SignupId }), v.object({ code: CheckinCodeSchema })],
  "请选择志愿者或输入签到码",
);
export type AttendanceTarget = v.InferOutput<typeof AttendanceTargetSchema>;

/** No-show and undo: by tap only. */
export const SignupTargetSchema = v.object({ signupId: SignupId });

const Phone = v.pipe(
  v.string("请填写 11 位手机号码"),
  v.transform(normalisePhone),
  v.regex(MOBILE, "请填写 11 位手机号码"),
);
const Name = (what: string) =>
  v.pipe(
    v.string(`请填写${what}`),
    PlainLine,
    v.trim(),
    v.minLength(1, `请填写${what}`),
    v.maxLength(40, `${what}不超过 40 个字`),
  );

/**
 * A walk-in the leader adds on the day. A minor only with a guardian who is there and consents in
 * person (the server checks the age against the sweep's day).
 */
export const WalkInSchema = v.object({
  name: Name("姓名"),
  phone: Phone,
  organisation: v.optional(v.pipe(v.string(), PlainLine, v.trim(), v.maxLength(60, "学校或单位不超过 60 个字")), ""),
  birthMonth: BirthMonthSchema,
  guardianName: v.optional(Name("监护人姓名")),
  guardianPhone: v.optional(Phone),
  /** The leader ticks that the guardian is present and consented in person. */
  guardianConsented: v.optional(v.boolean()),
});
export type WalkInInput = v.InferInput<typeof WalkInSchema>;
export type WalkIn = v.InferOutput<typeof WalkInSchema>;

/** A staff correction of one person's minutes, with the reason the audit log keeps. */
export const MinutesCorrectionSchema = v.object({
  minutes: v.pipe(v.number("请填写分钟数"), v.integer("分钟数须为整数"), v.minValue(0, "分钟数不能为负")),
  reason: v.pipe(
    v.string("请填写更正原因"),
    PlainLine,
    v.trim(),
    v.minLength(2, "请填写更正原因"),
    v.maxLength(200, "原因不超过 200 个字"),
  ),
});
export type MinutesCorrection = v.InferOutput<typeof MinutesCorrectionSchema>;
