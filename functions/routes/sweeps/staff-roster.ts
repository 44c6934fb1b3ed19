import { Hono } from "hono";
import { maskName, maskPhone } from "../../../src/shared/privacy";
import { can } from "../../../src/shared/staff/roles";
import { SweepIdSchema } from "../../../src/shared/sweeps/schemas";
import { RosterQuerySchema } from "../../../src/shared/sweeps/staff-schemas";
import { SIGNUP_STATUS_LABELS } from "../../../src/shared/sweeps/wire";
import { chinaIso, chinaIsoOrEmpty } from "../../../src/shared/time";
import { rosterOf, sweepById } from "../../db/sweeps/index";
import type { AppEnv } from "../../env";
import { audit } from "../../lib/audit-context";
import { toCsv } from "../../lib/complaints/public-view";
import { problem } from "../../lib/problem";
import { parse, validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/** A sweep's roster as a file, mounted into the staff sweeps router (functions/routes/sweeps/staff.ts). */
const roster = new Hono<AppEnv>();

export const ROSTER_COLUMNS = [
  "序号",
  "姓名",
  "手机号码",
  "学校或单位",
  "出生年月",
  "志愿者编号",
  "未成年",
  "监护人",
  "监护人电话",
  "状态",
  "候补位次",
  "报名时间",
  "签到时间",
  "签退时间",
  "服务时长（分钟）",
] as const;

/**
 * GET /api/staff/sweeps/:id/signups.csv: the roster in arrival order, names and phones (the
 * guardian's too) masked unless `?contacts=1` and the role holds `sweeps:contact`. Audited before a
 * row is read; the cells go through the complaints' CSV writer, so a cell a person typed starting
 * with = + - @ cannot run as a formula in a spreadsheet. A BOM first, so Excel reads UTF-8.
 */
roster.get("/:id/signups.csv", validate("query", RosterQuerySchema), async (c) => {
  const staff = currentStaff(c);
  const id = parse(SweepIdSchema, c.req.param("id"), "/params/id");
  const contactsShown = c.req.valid("query").contacts === "1" && can(staff.role, "sweeps:contact");
  const db = c.var.db;
  const found = await sweepById(db, id).get();
  if (!found) throw problem(404, { detail: "没有找到这场活动。" });
  const [, rows] = await db.batch([audit(c, "sweep.roster_exported", id, { contactsShown }), rosterOf(db, id)]);
  const name = (s: string | null) => (s === null ? "" : contactsShown ? s : maskName(s));
  const phone = (s: string | null) => (s === null ? "" : contactsShown ? s : maskPhone(s));
  const csv = toCsv(
    rows.map(({ signup: s, position }, i) => ({
      序号: i + 1,
      姓名: name(s.name),
      手机号码: phone(s.phone),
      学校或单位: s.organisation,
      出生年月: s.birthMonth,
      志愿者编号: s.volunteerNumber ?? "",
      未成年: s.minor ? "是" : "否",
      监护人: name(s.guardianName),
      监护人电话: phone(s.guardianPhone),
      状态: SIGNUP_STATUS_LABELS[s.status],
      候补位次: s.status === "waitlisted" ? position : "",
      报名时间: chinaIso(s.createdAt),
      签到时间: chinaIsoOrEmpty(s.checkedInAt),
      签退时间: chinaIsoOrEmpty(s.checkedOutAt),
      "服务时长（分钟）": s.minutes ?? "",
    })),
    ROSTER_COLUMNS,
  );
  return c.body(`\uFEFF${csv}`, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="sweep-${id}-roster${contactsShown ? "-contacts" : ""}.csv"`,
    "cache-control": "no-store",
  });
});

export default roster;
