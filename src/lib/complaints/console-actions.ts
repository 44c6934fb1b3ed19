// The small form of each staff action: its fields (named as in ACTION_SCHEMAS, which checks them),
// whether it needs a confirmation step, and what the console says once it is done.
import { categoryById } from "../../shared/complaints/categories";
import type { CaseSummary } from "../../shared/complaints/console-wire";
import { MAX_EXTENSION_DAYS } from "../../shared/complaints/staff-schemas";
import { type StaffAction, TRANSITIONS } from "../../shared/complaints/states";
import { communityById } from "../../shared/geo";

export type ActionFieldKind =
  | "textarea"
  | "text"
  | "number"
  | "unit"
  | "category"
  | "place"
  | "urgent"
  | "photo"
  | "visibility";

export interface ActionField {
  /** The body's key, as ACTION_SCHEMAS names it. */
  name: string;
  kind: ActionFieldKind;
  label: string;
  hint?: string;
  /** For text: the schema's maximum length, so the browser stops there too. */
  max?: number;
  /** Left out of the body when empty. */
  optional?: boolean;
}

export interface ActionSpec {
  fields: ActionField[];
  /** Final or destructive actions ask once more in the page; the question names the case. */
  confirm?: (caseNumber: string, values: Record<string, unknown>) => string;
  done: string;
}

const reason = (label: string, hint?: string): ActionField => ({
  name: "reason",
  kind: "textarea",
  label,
  hint,
  max: 500,
});
const optionalNote: ActionField = { name: "note", kind: "textarea", label: "说明（选填）", max: 500, optional: true };
const urgent: ActionField = { name: "urgent", kind: "urgent", label: "紧急案件" };

export const ACTION_SPECS: Record<StaffAction, ActionSpec> = {
  accept: {
    fields: [
      { name: "categoryId", kind: "category", label: "问题类别", hint: "市民选错类别时请在此改正。" },
      {
        name: "placeId",
        kind: "place",
        label: "公开显示的道路或地点",
        hint: "立案后案件公开，只显示这里的道路或地点，不显示市民填写的地址。请按地址核对或改正。",
        optional: true,
      },
      urgent,
      optionalNote,
    ],
    done: "已立案。",
  },
  reject: {
    fields: [reason("不予受理的原因", "市民会看到这段原因。")],
    confirm: (n) => `确定对案件 ${n} 不予受理吗？案件将就此结束，市民会看到您填写的原因。`,
    done: "已作不予受理处理，案件已结束。",
  },
  merge: {
    fields: [
      { name: "targetCaseNumber", kind: "text", label: "重复的原案件编号", hint: "形如 261127-0042。", max: 13 },
    ],
    confirm: (n, v) =>
      `确定把案件 ${n} 作为重复案件合并到 ${String(v.targetCaseNumber ?? "")} 吗？合并后本案件不再单独办理。`,
    done: "已合并为重复案件。",
  },
  dispatch: {
    fields: [
      { name: "unitId", kind: "unit", label: "处置单位" },
      urgent,
      { ...optionalNote, label: "派遣说明（选填）" },
    ],
    done: "已派遣。",
  },
  start: { fields: [], done: "已开始处理。" },
  send_back: { fields: [reason("回退原因", "请说明为什么本单位不能处置。")], done: "已回退指挥中心。" },
  request_extension: {
    fields: [
      { name: "days", kind: "number", label: "申请延期天数", hint: `1 至 ${MAX_EXTENSION_DAYS} 天。` },
      reason("申请原因"),
    ],
    done: "已提交延期申请，等待指挥中心批准。",
  },
  request_suspension: { fields: [reason("申请挂账的原因")], done: "已提交挂账申请，等待指挥中心批准。" },
  extend: { fields: [optionalNote], done: "已批准延期。" },
  suspend: { fields: [optionalNote], done: "已批准挂账。" },
  refuse_request: { fields: [reason("不批准的原因")], done: "已不批准该申请。" },
  resume: { fields: [], done: "已恢复处理。" },
  handle: {
    fields: [
      { name: "result", kind: "textarea", label: "处理结果", max: 500 },
      { name: "photo", kind: "photo", label: "处理结果照片（选填）", optional: true },
    ],
    done: "已报告处理完毕，等待指挥中心核查。",
  },
  redo: { fields: [reason("返工原因")], done: "已退回处置单位返工。" },
  close_fixed: {
    fields: [{ name: "note", kind: "textarea", label: "结案说明", max: 500 }],
    done: "已核查结案（已解决）。",
  },
  close_not_fixed: {
    fields: [{ name: "note", kind: "textarea", label: "结案说明", hint: "请如实说明没有解决的原因。", max: 500 }],
    confirm: (n) => `确定将案件 ${n} 以“未解决”结案吗？结案后只有市民申请复核才能重新办理。`,
    done: "已结案（未解决）。",
  },
  reply: {
    fields: [
      { name: "note", kind: "textarea", label: "答复内容", max: 1000 },
      { name: "public", kind: "visibility", label: "是否公开给市民" },
    ],
    done: "已保存答复。",
  },
};

export const actionLabel = (action: StaffAction): string => TRANSITIONS[action].label;

/** The control id of an action form's field; one form is open at a time. */
export const actionFieldId = (name: string) => `action-${name}`;

/** A form's values by field name, as its controls hold them. */
export type ActionValues = Record<string, string | boolean | undefined>;

/**
 * The unit the category and community point to (the squad or station of the community), offered
 * on a first dispatch; a case sent back is not offered the unit that returned it.
 */
export function suggestedUnit(c: Pick<CaseSummary, "state" | "categoryId" | "communityId">): string | null {
  if (c.state !== "accepted") return null;
  const rule = categoryById(c.categoryId)?.unitRule;
  const community = communityById(c.communityId);
  if (!rule || !community) return null;
  return rule === "squad" ? community.squad : community.station;
}

/** What a form starts with: the case's own category and urgency, the suggested unit. */
export function initialValues(action: StaffAction, c: CaseSummary): ActionValues {
  if (action === "accept") return { categoryId: c.categoryId, placeId: c.placeId ?? "", urgent: c.urgent };
  if (action === "dispatch") return { unitId: suggestedUnit(c) ?? "", urgent: c.urgent };
  return {};
}

/** The body of an action from its form: numbers parsed, empty optional text and photos left out. */
export function actionBody(spec: ActionSpec, values: ActionValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === "number") body[field.name] = value === undefined || value === "" ? undefined : Number(value);
    else if (field.kind === "urgent") body[field.name] = value === true;
    else if (!field.optional) body[field.name] = value;
    else if (typeof value === "string" && value.trim()) body[field.name] = value;
  }
  return body;
}
