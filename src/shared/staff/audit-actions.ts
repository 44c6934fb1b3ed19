// Every action the API writes to the audit log, with the name staff read in the console: one table,
// so writing an action without a label fails tsc (the Worker's `audit()` takes an AuditAction) and
// the console's filter lists exactly what can appear.
import { STAFF_ACTIONS, type StaffAction, TRANSITIONS } from "../complaints/states.ts";

/** `complaint.<action>` for each staff action of the transition table, labelled as the table names it. */
const CASE_ACTIONS = Object.fromEntries(
  STAFF_ACTIONS.map((a) => [`complaint.${a}`, `案件：${TRANSITIONS[a].label}`]),
) as Record<`complaint.${StaffAction}`, string>;

export const AUDIT_ACTIONS = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.logout": "退出登录",
  "auth.password_changed": "修改密码",
  "auth.password_change_failed": "修改密码失败",
  "staff.created": "创建账号",
  "staff.updated": "修改账号",
  "staff.disabled": "停用账号",
  ...CASE_ACTIONS,
  "complaint.contact_viewed": "查看市民联系方式",
  /** Written by the reporter through the tracking link (no staff actor): PIPL art. 47. */
  "complaint.contact_deleted": "市民删除联系方式",
  "complaint.exported": "导出案件",
  "sweep.created": "创建志愿活动",
  "sweep.updated": "修改志愿活动",
  "sweep.cancelled": "取消志愿活动",
  "sweep.roster_viewed": "查看志愿者名单",
  "sweep.outbox_contacts_viewed": "查看志愿通知的联系电话",
  "sweep.leader_link_issued": "生成领队签到链接",
  "sweep.hours_approved": "审核志愿服务时长",
  "sweep.minutes_corrected": "更正志愿服务时长",
  "sweep.targets_set": "设置社区志愿目标",
  "sweep.certificate_revoked": "作废志愿服务记录证明",
  "sweep.certificates_viewed": "查询志愿服务记录证明",
  "sweep.roster_exported": "导出志愿者名单",
  "appointment.day_viewed": "查看服务点当日预约",
  "appointment.checked_in": "服务点签到",
  "appointment.no_show": "标记预约未到",
  "appointment.undone": "撤销签到或未到",
  "appointment.walk_in": "服务点现场登记",
  "appointment.note_saved": "保存接待备注",
  // The staff calendar (functions/lib/appointments/closures.ts).
  "appointment.template_saved": "保存服务点每周办公时段",
  "appointment.point_closed": "服务点临时闭门",
  "appointment.closure_cancelled": "撤销服务点临时闭门",
  // Signboard applications (functions/lib/appointments/applications.ts), one per step of the table.
  "application.intake": "店招申请：收件登记",
  "application.request_correction": "店招申请：一次性告知补正材料",
  "application.materials_supplied": "店招申请：收到补正材料",
  "application.accept": "店招申请：受理",
  "application.book_inspection": "店招申请：预约现场查看",
  "application.decide": "店招申请：作出决定",
  "application.close": "店招申请：办结",
  "application.withdraw": "店招申请：撤回",
  // Open311 API keys (functions/routes/open311/staff.ts): the target is the key's prefix.
  "open311.key_issued": "签发开放接口密钥",
  "open311.key_revoked": "吊销开放接口密钥",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * Names rows written before a rename still carry: the log is append-only, so a production D1 keeps
 * them. Shown with the label of what they became; never written again.
 */
const RENAMED: Record<string, AuditAction> = {
  "complaints.exported": "complaint.exported",
};

/** The label of an action as the log holds it; an unknown one is shown as it is. */
export function auditActionLabel(action: string): string {
  const labels: Partial<Record<string, string>> = AUDIT_ACTIONS;
  return labels[RENAMED[action] ?? action] ?? action;
}
