import { Hono } from "hono";
import { UNIT_FREE_ROLES, unitRefusal } from "../../../src/shared/staff/roles";
import { AccountIdParamSchema, CreateAccountSchema, UpdateAccountSchema } from "../../../src/shared/staff/schemas";
import type { CreatedAccount, StaffAccount } from "../../../src/shared/staff/wire";
import {
  findStaffById,
  insertStaff,
  listStaff,
  readStaffAccount,
  revokeAllSessions,
  updateStaff,
} from "../../db/staff/index";
import type { AppEnv } from "../../env";
import { audit } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { hashPassword } from "../../lib/staff/password";
import { randomToken } from "../../lib/tokens";
import { validate } from "../../lib/validate";

const accounts = new Hono<AppEnv>();

/** D1 reports constraint failures as error text; these are the ones a caller can cause. */
function constraintProblem(err: unknown): never {
  const msg = String((err as Error)?.message ?? err);
  if (msg.includes("UNIQUE") && msg.includes("email")) throw problem(409, { detail: "该邮箱已有账号。" });
  if (msg.includes("FOREIGN KEY"))
    throw problem(422, { detail: "单位不存在。", errors: [{ pointer: "#/unitId", detail: "单位不存在" }] });
  if (msg.includes("staff_users_unit_ck")) {
    throw problem(422, {
      detail: "该角色必须指定单位。",
      errors: [{ pointer: "#/unitId", detail: "该角色必须指定单位" }],
    });
  }
  throw err;
}

accounts.get("/", async (c) => c.json<StaffAccount[]>(await listStaff(c.var.db)));

/** Creates an account with a one-time password, shown once, to be changed at first sign-in. */
accounts.post("/", validate("json", CreateAccountSchema), async (c) => {
  const input = c.req.valid("json");
  const db = c.var.db;
  const oneTimePassword = randomToken(12);
  const [created] = await c.var.platform.batch
    .run([
      insertStaff(db, {
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId ?? null,
        passwordHash: await hashPassword(oneTimePassword),
        mustChangePassword: true,
      }),
      audit(c, "staff.created", input.email, { role: input.role, unitId: input.unitId ?? null }),
    ])
    .catch(constraintProblem);
  // RETURNING gives the id the INSERT made: a batch that made none has thrown already.
  const account = await readStaffAccount(db, Number(created?.rows[0]?.id));
  if (!account) throw new Error("account insert returned no row");
  return c.json<CreatedAccount>({ account, oneTimePassword }, 201);
});

accounts.patch("/:id", validate("param", AccountIdParamSchema), validate("json", UpdateAccountSchema), async (c) => {
  const { id } = c.req.valid("param");
  const change = c.req.valid("json");
  const db = c.var.db;
  const before = await findStaffById(db, id);
  if (!before) throw problem(404, { detail: "账号不存在。" });
  if (id === c.var.staff?.id && (change.disabled || (change.role && change.role !== "admin"))) {
    throw problem(409, { detail: "不能停用自己的账号或取消自己的管理员角色。" });
  }
  const role = change.role ?? before.role;
  // A unit-free role keeps no stale unit, and is given none: the same rule as at creation.
  const unitId = change.unitId !== undefined ? change.unitId : UNIT_FREE_ROLES.includes(role) ? null : before.unitId;
  const refused = unitRefusal(role, unitId);
  if (refused) throw problem(422, { detail: "请检查标出的字段。", errors: [{ pointer: "#/unitId", detail: refused }] });
  const now = new Date().toISOString();
  const disabledAt = change.disabled === undefined ? before.disabledAt : change.disabled ? now : null;
  const statements = [
    updateStaff(db, id, {
      role,
      unitId,
      disabledAt,
      updatedAt: now,
    }),
    audit(c, change.disabled ? "staff.disabled" : "staff.updated", before.email, {
      from: { role: before.role, unitId: before.unitId, disabled: !!before.disabledAt },
      to: change,
    }),
  ] as const;
  await c.var.platform.batch
    .run(change.disabled ? [...statements, revokeAllSessions(db, id, now)] : statements)
    .catch(constraintProblem);
  const account = await readStaffAccount(db, id);
  if (!account) throw problem(404, { detail: "账号不存在。" });
  return c.json<StaffAccount>(account);
});

export default accounts;
