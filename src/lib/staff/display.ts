// How the staff console writes units, account states, times and audit details for the people who
// read them (audit actions are labelled by src/shared/staff/audit-actions.ts).
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

const BEIJING = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An ISO instant as Beijing time, "2026-11-27 19:41:57". */
export function formatBeijingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: string) => BEIJING.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
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
