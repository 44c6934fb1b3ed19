import * as v from "valibot";
import { FromDaySchema, ToDaySchema, withPeriod } from "../period.ts";
import { PlainLine } from "../text.ts";
import { ROLES, UNIT_FREE_REFUSAL, UNIT_FREE_ROLES } from "./roles.ts";

// Inputs of the staff endpoints, shared by the API (validation) and the console (form hints).

export const EmailSchema = v.pipe(
  v.string("请输入邮箱"),
  v.trim(),
  v.toLowerCase(),
  v.email("邮箱格式不正确"),
  v.maxLength(254, "邮箱过长"),
);

/** 12+ characters: long passphrases over composition rules (NIST SP 800-63B). */
export const NewPasswordSchema = v.pipe(
  v.string("请输入新密码"),
  v.minLength(12, "新密码至少 12 个字符"),
  v.maxLength(200, "新密码过长"),
);

export const LoginSchema = v.object({
  email: EmailSchema,
  password: v.pipe(v.string("请输入密码"), v.minLength(1, "请输入密码"), v.maxLength(200, "密码过长")),
});

export const ChangePasswordSchema = v.pipe(
  v.object({
    currentPassword: v.pipe(v.string("请输入当前密码"), v.minLength(1, "请输入当前密码"), v.maxLength(200)),
    newPassword: NewPasswordSchema,
  }),
  v.forward(
    v.check((i) => i.currentPassword !== i.newPassword, "新密码不能与当前密码相同"),
    ["newPassword"],
  ),
);

const UnitIdSchema = v.pipe(v.string("单位编号须为文字"), v.regex(/^[a-z0-9-]{2,40}$/, "单位编号格式不正确"));

export const CreateAccountSchema = v.pipe(
  v.object({
    email: EmailSchema,
    displayName: v.pipe(
      v.string("请输入姓名"),
      PlainLine,
      v.trim(),
      v.minLength(1, "请输入姓名"),
      v.maxLength(40, "姓名过长"),
    ),
    role: v.picklist(ROLES, "角色不正确"),
    unitId: v.optional(v.nullable(UnitIdSchema)),
  }),
  // As in a change of role or unit (routes/staff/accounts.ts, unitRefusal). A unit-bound role
  // without a unit is the table's CHECK constraint's to refuse (staff:create names the flag).
  v.forward(
    v.check((i) => !(UNIT_FREE_ROLES.includes(i.role) && i.unitId), UNIT_FREE_REFUSAL),
    ["unitId"],
  ),
);

export const UpdateAccountSchema = v.pipe(
  v.object({
    role: v.optional(v.picklist(ROLES, "角色不正确")),
    unitId: v.optional(v.nullable(UnitIdSchema)),
    disabled: v.optional(v.boolean("须为 true 或 false")),
  }),
  v.check((i) => Object.keys(i).length > 0, "没有要修改的内容"),
);

export const AccountIdParamSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^\d{1,10}$/, "账号编号须为数字"), v.transform(Number)),
});

/**
 * The audit log's filters. Its period has no longest length: the log is read a page at a time, so
 * a long one costs no more than a short one.
 */
export const AuditQuerySchema = withPeriod(
  v.object({
    actor: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254))),
    action: v.optional(v.pipe(v.string(), v.regex(/^[a-z_.:]{1,40}$/, "操作类型格式不正确"))),
    from: v.optional(FromDaySchema),
    to: v.optional(ToDaySchema),
    before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/, "游标须为数字"), v.transform(Number))),
    limit: v.optional(
      v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(200)),
      "50",
    ),
  }),
);
