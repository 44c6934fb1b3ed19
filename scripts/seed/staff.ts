import { hashPassword } from "../../functions/lib/staff/password.ts";
import type { Role } from "../../src/shared/staff/roles.ts";
import { contentUnits, type UnitRecord } from "../../src/shared/units.ts";
import { sqlString } from "./sql.ts";
import { unitStatements } from "./units.ts";

/** The units the content implies (squads, stations, the command centre) and the demo service points. */
export const DEMO_UNITS: UnitRecord[] = [
  ...contentUnits(),
  { id: "linhe-service-point", name: "临河街道门头店招服务点", kind: "service_point" },
  { id: "guiyuan-service-point", name: "桂园街道门头店招服务点", kind: "service_point" },
];

/** The local demo password of every demo account (README). A production Worker refuses them all. */
export const DEMO_PASSWORD = "qingxi-demo-2026";

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; unitId: string | null }[] = [
  { email: "admin@demo.qingxi.example", displayName: "演示管理员", role: "admin", unitId: null },
  { email: "dispatcher@demo.qingxi.example", displayName: "演示调度员", role: "dispatcher", unitId: "command-center" },
  { email: "handler@demo.qingxi.example", displayName: "演示中队队员", role: "unit_handler", unitId: "linhe-squad" },
  {
    email: "servicepoint@demo.qingxi.example",
    displayName: "演示服务点人员",
    role: "service_point_staff",
    unitId: "linhe-service-point",
  },
  {
    email: "volunteers@demo.qingxi.example",
    displayName: "演示志愿协调员",
    role: "volunteer_coordinator",
    unitId: null,
  },
  { email: "viewer@demo.qingxi.example", displayName: "演示统计员", role: "viewer", unitId: null },
];

/** Units, then one demo account per role; existing rows are left as they are. */
export async function staffStatements(): Promise<string[]> {
  const units = unitStatements(DEMO_UNITS);
  const accounts = await Promise.all(
    DEMO_ACCOUNTS.map(
      async (a) =>
        `INSERT INTO staff_users (email, display_name, role, unit_id, password_hash, is_demo) VALUES (${sqlString(a.email)}, ${sqlString(a.displayName)}, ${sqlString(a.role)}, ${a.unitId ? sqlString(a.unitId) : "NULL"}, ${sqlString(await hashPassword(DEMO_PASSWORD))}, 1) ON CONFLICT(email) DO NOTHING`,
    ),
  );
  return [...units, ...accounts];
}
