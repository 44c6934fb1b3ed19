import type { Context } from "hono";
import { PRE_DISPATCH_STATES } from "../../../src/shared/complaints/states";
import { UNIT_BOUND_ROLES } from "../../../src/shared/staff/roles";
import { findCase } from "../../db/complaints/handling";
import type { Complaint } from "../../db/complaints/index";
import type { AppEnv } from "../../env";
import { currentStaff } from "../../middleware/authorize";
import { problem } from "../problem";

/** A unit's own cases: dispatched to it (now or before a send-back), never one the centre still holds. */
export function unitSees(c: Complaint, unitId: string | null): boolean {
  return c.unitId === unitId && !PRE_DISPATCH_STATES.includes(c.state);
}

/**
 * The case a staff route works on. A unit-bound role (中队, 社区工作站) reaches only its own unit's
 * cases: another unit's case answers the same 404 as a missing one, so case numbers cannot be probed.
 * Every route listed in UNIT_SCOPED_ROUTES loads its case through here.
 */
export async function loadCase(c: Context<AppEnv>, id: number): Promise<Complaint> {
  const staff = currentStaff(c);
  const found = await findCase(c.var.db, id).get();
  if (!found || (UNIT_BOUND_ROLES.includes(staff.role) && !unitSees(found, staff.unitId))) {
    throw problem(404, { detail: "没有这个案件，或它不属于您的单位。" });
  }
  return found;
}
