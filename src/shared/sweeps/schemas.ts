// Inputs of the public sweeps endpoints, shared by the API (validation) and the /volunteer/ islands
// (the same messages next to the fields). Light on purpose: no content files, so an island that
// imports it downloads none. The staff inputs are in staff-schemas.ts.
import * as v from "valibot";
import { MOBILE } from "../complaints/filing-schema.ts";
import { daySchema, withPeriod } from "../period.ts";
import { PlainLine } from "../text.ts";
import { isMonth } from "../time.ts";
import { GROUP_MAX } from "./rules.ts";

/** Full-width digits and dashes (a Chinese input method's) as ASCII, spaces and dashes out, +86 dropped. */
export function normalisePhone(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-－—–‐]/g, "")
    .replace(/^(\+86|0086)(?=\d{11}$)/, "");
}

const Phone = v.pipe(
  v.string("请填写 11 位手机号码"),
  v.transform(normalisePhone),
  v.regex(MOBILE, "请填写 11 位手机号码"),
);

/** "YYYY-MM": the month of birth, enough to know the age on the day without the full date. */
export const BirthMonthSchema = v.pipe(
  v.string("请填写出生年月"),
  v.check(isMonth, "出生年月格式应为 YYYY-MM，例如 2008-09"),
);

export const GUARDIAN_NAME_MISSING = "未满 18 周岁须填写监护人姓名";
export const GUARDIAN_PHONE_MISSING = "未满 18 周岁须填写监护人的 11 位手机号码";
export const GUARDIAN_PHONE_OWN = "监护人手机号不能与本人手机号相同：同意须由监护人本人作出";

const PersonName = (missing: string) =>
  v.pipe(v.string(missing), PlainLine, v.trim(), v.minLength(1, missing), v.maxLength(40, "姓名不超过 40 个字"));

/** The absent-unless-needed guardian fields: a form sends "" for a field left empty, which means absent. */
const emptyAsAbsent = v.transform((s: string) => (s === "" ? undefined : s));

/**
 * POST /api/sweeps/:id/signups. The guardian's name and phone are required only of a person under
 * 18 on the sweep's day, which the server works out from the sweep (signup.ts); a guardian's phone
 * is never the volunteer's own (the consent would come from the child).
 */
export const SignupSchema = v.pipe(
  v.object({
    name: PersonName("请填写姓名"),
    phone: Phone,
    organisation: v.pipe(
      v.string("请填写学校或单位"),
      PlainLine,
      v.trim(),
      v.minLength(2, "请填写学校或单位"),
      v.maxLength(60, "学校或单位不超过 60 个字"),
    ),
    birthMonth: BirthMonthSchema,
    volunteerNumber: v.optional(
      v.pipe(
        v.string("志愿者编号须为文字"),
        PlainLine,
        v.trim(),
        v.regex(/^$|^[A-Za-z0-9-]{4,30}$/, "志愿者编号为 4–30 位字母或数字"),
        v.transform((s) => (s === "" ? undefined : s)),
      ),
    ),
    guardianName: v.optional(
      v.pipe(
        v.string(GUARDIAN_NAME_MISSING),
        PlainLine,
        v.trim(),
        v.maxLength(40, "监护人姓名不超过 40 个字"),
        emptyAsAbsent,
      ),
    ),
    guardianPhone: v.optional(
      v.pipe(
        v.string(GUARDIAN_PHONE_MISSING),
        v.transform(normalisePhone),
        v.check((s) => s === "" || MOBILE.test(s), GUARDIAN_PHONE_MISSING),
        emptyAsAbsent,
      ),
    ),
    consent: v.literal(true, "请阅读并同意个人信息处理说明"),
  }),
  v.forward(
    v.partialCheck(
      [["phone"], ["guardianPhone"]],
      (s) => s.guardianPhone === undefined || s.guardianPhone !== s.phone,
      GUARDIAN_PHONE_OWN,
    ),
    ["guardianPhone"],
  ),
);
export type SignupInput = v.InferInput<typeof SignupSchema>;
export type Signup = v.InferOutput<typeof SignupSchema>;

/** The longest period the public list covers, in days. */
export const MAX_LIST_DAYS = 92;

/** GET /api/sweeps?community=&from=&to=&minors= (days in China time; from defaults to today, to to four weeks on). */
export const SweepListQuerySchema = withPeriod(
  v.object({
    community: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,40}$/, "社区不正确"))),
    from: v.optional(daySchema("起始日期")),
    to: v.optional(daySchema("结束日期")),
    /** "1": only sweeps open to minors. */
    minors: v.optional(v.picklist(["1", "0"], "minors 只能为 1 或 0")),
  }),
  MAX_LIST_DAYS,
);

/** A sweep's public id. */
export const SweepIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]{10}$/, "活动编号无效"));

/** The manage secret: 128 bits, base64url (as complaints' tracking secret). */
export const ManageTokenSchema = v.pipe(v.string("缺少管理凭证"), v.regex(/^[A-Za-z0-9_-]{22}$/, "管理凭证无效"));

/** The guardian's consent secret (the consent link's fragment): 128 bits, base64url, as the manage secret. */
export const ConsentTokenSchema = v.pipe(v.string("缺少同意凭证"), v.regex(/^[A-Za-z0-9_-]{22}$/, "同意链接无效"));

/** POST /api/sweeps/consent: the guardian confirms their name and gives consent. */
export const ConsentSchema = v.object({
  guardianName: PersonName("请填写您的姓名（监护人）"),
  consent: v.literal(true, "请勾选同意，才能确认孩子的名额"),
});
export type ConsentInput = v.InferInput<typeof ConsentSchema>;

// ---- groups (a class signed up by one contact) ----

const GroupText = (missing: string, min: number, max: number, tooLong: string) =>
  v.pipe(v.string(missing), PlainLine, v.trim(), v.minLength(min, missing), v.maxLength(max, tooLong));

/** POST /api/sweeps/:id/groups: the contact (a teacher), the class and how many places, all or nothing. */
export const GroupSignupSchema = v.object({
  contactName: GroupText("请填写联系人姓名", 1, 40, "姓名不超过 40 个字"),
  contactPhone: Phone,
  organisation: GroupText("请填写学校和班级", 2, 60, "学校和班级不超过 60 个字"),
  size: v.pipe(
    v.number("请填写人数"),
    v.integer("人数须为整数"),
    v.minValue(2, "团体至少 2 人；一个人请直接报名"),
    v.maxValue(GROUP_MAX, `一个团体最多 ${GROUP_MAX} 人`),
  ),
  consent: v.literal(true, "请阅读并同意个人信息处理说明"),
});
export type GroupSignupInput = v.InferInput<typeof GroupSignupSchema>;
export type GroupSignup = v.InferOutput<typeof GroupSignupSchema>;

/** A guardian field left empty by a form is absent; whether it is needed the server decides from the age. */
const OptionalGuardian = (schema: v.GenericSchema<string, string>) =>
  v.optional(
    v.pipe(
      schema,
      v.transform((s: string) => (s === "" ? undefined : s)),
    ),
  );

/**
 * PUT /api/sweeps/group/members/:memberId: one member's details, completed through the group's link.
 * A minor's guardian (name and phone) is required on the server, against the sweep's day.
 */
export const GroupMemberSchema = v.pipe(
  v.object({
    name: GroupText("请填写姓名", 1, 40, "姓名不超过 40 个字"),
    phone: Phone,
    birthMonth: BirthMonthSchema,
    volunteerNumber: OptionalGuardian(
      v.pipe(
        v.string("志愿者编号须为文字"),
        PlainLine,
        v.trim(),
        v.regex(/^$|^[A-Za-z0-9-]{4,30}$/, "志愿者编号为 4–30 位字母或数字"),
      ),
    ),
    guardianName: OptionalGuardian(
      v.pipe(v.string("请填写监护人姓名"), PlainLine, v.trim(), v.maxLength(40, "监护人姓名不超过 40 个字")),
    ),
    guardianPhone: OptionalGuardian(
      v.pipe(
        v.string("请填写监护人手机号码"),
        v.transform(normalisePhone),
        v.check((s) => s === "" || MOBILE.test(s), "请填写监护人的 11 位手机号码"),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [["phone"], ["guardianPhone"]],
      (s) => s.guardianPhone === undefined || s.guardianPhone !== s.phone,
      "监护人手机号不能与本人手机号相同：同意须由监护人本人作出",
    ),
    ["guardianPhone"],
  ),
);
export type GroupMemberInput = v.InferInput<typeof GroupMemberSchema>;
export type GroupMember = v.InferOutput<typeof GroupMemberSchema>;

/** A group member's place: the id of its row. */
export const MemberIdSchema = v.pipe(v.string(), v.regex(/^[1-9]\d{0,11}$/, "成员编号无效"), v.transform(Number));

/** The group link's secret (header X-Group-Token): 128 bits, base64url, as the manage secret. */
export const GroupTokenSchema = v.pipe(v.string("缺少团体链接凭证"), v.regex(/^[A-Za-z0-9_-]{22}$/, "团体链接无效"));
