// How the staff console writes units, audit actions, account states and times for the people who
// read them.
import type { UnitKind } from "../../shared/staff/roles";
import type { StaffAccount } from "./api";

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  command_center: "指挥中心",
  squad: "中队",
  community_station: "社区工作站",
  service_point: "服务点",
};

/** Every action the API writes to the audit log (functions/routes/staff/*.ts). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.logout": "退出登录",
  "auth.password_changed": "修改密码",
  "auth.password_change_failed": "修改密码失败",
  "staff.created": "创建账号",
  "staff.updated": "修改账号",
  "staff.disabled": "停用账号",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

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
