// Staff roles and what each may do: the one permission table, read by the API (to refuse) and by
// the staff console (to show only the menus a role can use).

export const ROLES = [
  "admin",
  "dispatcher",
  "unit_handler",
  "service_point_staff",
  "volunteer_coordinator",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  dispatcher: "指挥中心调度员",
  unit_handler: "处置单位（中队/社区工作站）",
  service_point_staff: "服务点工作人员",
  volunteer_coordinator: "志愿活动协调员",
  viewer: "统计查看",
};

/** Roles whose work is bound to one unit (a 中队, 社区工作站 or service point): they need one. */
export const UNIT_BOUND_ROLES: readonly Role[] = ["unit_handler", "service_point_staff"];

/**
 * Roles that belong to no unit: a unit given to one is refused, so none keeps a stale unit that a
 * later change to a unit-bound role would silently turn into access. (A dispatcher may belong to
 * the command centre.)
 */
export const UNIT_FREE_ROLES: readonly Role[] = ["admin", "volunteer_coordinator", "viewer"];

export const UNIT_FREE_REFUSAL = "该角色不属于任何单位，请不要指定单位";

/** What is wrong with giving `role` this unit, for the unit field; undefined when nothing is. */
export function unitRefusal(role: Role, unitId: string | null | undefined): string | undefined {
  if (UNIT_BOUND_ROLES.includes(role) && !unitId) return "该角色必须指定单位";
  if (UNIT_FREE_ROLES.includes(role) && unitId) return UNIT_FREE_REFUSAL;
  return undefined;
}

export const UNIT_KINDS = ["command_center", "squad", "community_station", "service_point"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A signed-in staff member as the API knows them and `/api/staff/auth/me` shows them. */
export interface StaffIdentity {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  mustChangePassword: boolean;
}

const ALL_ROLES = ROLES;

/** Permission → the roles that hold it. Later features add their permissions here. */
export const PERMISSIONS = {
  /** Sign out, read and change one's own account. */
  "account:self": ALL_ROLES,
  /** Create and disable accounts, assign roles and units. */
  "staff:manage": ["admin"],
  /** Read and filter the audit log. */
  "audit:read": ["admin"],
  /** Read units (to assign them). */
  "units:read": ["admin", "dispatcher"],
  /** See complaint cases: everything for the command centre, a unit only its own. */
  "complaints:read": ["admin", "dispatcher", "unit_handler"],
  /** Reveal a reporter's full phone number to call back (audited). */
  "complaints:contact": ["admin", "dispatcher", "unit_handler"],
  /** The command centre's steps: accept, reject, merge, dispatch, approve requests, verify and close. */
  "complaints:dispatch": ["admin", "dispatcher"],
  /** A unit's steps on its own cases: start, send back, request time or suspension, report handled. */
  "complaints:handle": ["unit_handler"],
  /** Notes and replies to the reporter. */
  "complaints:reply": ["admin", "dispatcher", "unit_handler"],
  /** Export cases as CSV. */
  "complaints:export": ["admin", "dispatcher"],
  /** The export's contact columns, and phone numbers residents typed into free text (masked for others). */
  "complaints:export_contact": ["admin"],
  /** Plan sweeps (one or a series), change and cancel them, read their rosters. */
  "sweeps:manage": ["admin", "volunteer_coordinator"],
  /** A roster's full names and phone numbers (masked for others; audited). */
  "sweeps:contact": ["admin", "volunteer_coordinator"],
  /** Sweeps' figures (counts only) and the communities' targets, read-only. */
  "sweeps:figures": ["admin", "volunteer_coordinator", "viewer"],
  /** A service point's desk: check-ins, no-shows, walk-ins and notes, with names and phones (audited). */
  "appointments:desk": ["admin", "service_point_staff"],
  /** A point's day at the desk, read-only (the command centre sees every point, phones masked). */
  "appointments:read": ["admin", "dispatcher", "service_point_staff"],
  /** Signboard applications: intake from a booking and every step after it, at one's own point. */
  "appointments:applications": ["admin", "service_point_staff"],
  /** A point's weekly template and closures (staff calendar), at one's own point. */
  "appointments:calendar": ["admin", "service_point_staff"],
  /** The service points' figures (counts only): every point for the centre and viewers, a clerk's own. */
  "appointments:figures": ["admin", "dispatcher", "service_point_staff", "viewer"],
  /** Issue, list and revoke the API keys apps file Open311 requests with (audited). */
  "open311:keys": ["admin"],
  /** The published figures, for every unit. */
  "figures:read": ["admin", "dispatcher", "unit_handler", "viewer"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The console's menu: each entry shows only for roles holding its permission. */
export const STAFF_MENU: { href: string; label: string; permission: Permission }[] = [
  // The day's work first: a role lands on its first entry after signing in.
  { href: "/staff/complaints/", label: "案件办理", permission: "complaints:read" },
  { href: "/staff/sweeps/", label: "志愿清扫", permission: "sweeps:manage" },
  { href: "/staff/appointments/", label: "服务点接待", permission: "appointments:read" },
  { href: "/staff/appointments/applications/", label: "店招申请", permission: "appointments:read" },
  { href: "/staff/appointments/calendar/", label: "服务点日历", permission: "appointments:read" },
  { href: "/staff/figures/", label: "考核指标", permission: "figures:read" },
  // After 考核指标, so a viewer still lands on the assessment figures.
  { href: "/staff/appointments/figures/", label: "服务点统计", permission: "appointments:figures" },
  { href: "/staff/sweeps/figures/", label: "志愿统计", permission: "sweeps:figures" },
  { href: "/staff/account/", label: "我的账号", permission: "account:self" },
  { href: "/staff/accounts/", label: "账号管理", permission: "staff:manage" },
  { href: "/staff/audit/", label: "操作日志", permission: "audit:read" },
  { href: "/staff/open311/keys/", label: "开放接口密钥", permission: "open311:keys" },
];
