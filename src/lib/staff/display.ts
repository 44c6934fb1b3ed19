// How the staff console writes units, account states and audit details for the people who read
// them (audit actions are labelled by src/shared/staff/audit-actions.ts, times by src/shared/time.ts).
import type { UnitKind } from "../../shared/staff/roles";
import type { StaffAccount } from "../../shared/staff/wire";

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  command_center: "指挥中心",
  squad: "中队",
  community_station: "社区工作站",
  service_point: "服务点",
};

export function accountState(account: Pick<StaffAccount, "disabledAt" | "mustChangePassword">): string {
  if (account.disabledAt) return "已停用";
  return account.mustChangePassword ? "启用（待修改初始密码）" : "启用";
}

/** An audit entry's JSON detail as one readable line ("role: viewer, unitId: null"); the raw text if it is not JSON. */
export function formatAuditDetail(detail: string | null): string {
  if (!detail) return "";
  try {
    const value: unknown = JSON.parse(detail);
    return value !== null && typeof value === "object" ? entries(value) : String(value);
  } catch {
    return detail;
  }
}

function entries(value: object): string {
  return Object.entries(value)
    .map(([key, item]) => `${key}: ${item !== null && typeof item === "object" ? `{${entries(item)}}` : String(item)}`)
    .join(", ");
}
