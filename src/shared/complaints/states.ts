// The digital urban-management (数字城管) case workflow as one table: every state, and every action
// with the states it starts from, the state it leads to and who may take it. The API refuses
// anything not in the table; the tracking page and the console read their labels from here.

export const STATES = [
  "received", // 信息收集: filed by a resident, not yet looked at
  "accepted", // 案卷建立 (立案)
  "dispatched", // 任务派遣: a unit has it, the handling clock runs
  "in_progress", // 任务处理
  "extended", // 延期: more time approved
  "suspended", // 挂账: cannot be solved now
  "sent_back", // 回退: the unit says it is not theirs
  "handled", // 处理反馈: the unit reports it done, awaiting verification
  "reopened", // the reporter says it is not fixed: back to verification
  "closed_fixed", // 核查结案: verified fixed
  "closed_not_fixed", // closed, honestly not fixed
  "not_accepted", // 不予受理 (with a reason the reporter sees)
  "merged", // a duplicate, merged into another case
] as const;
export type CaseState = (typeof STATES)[number];

export const STATE_LABELS: Record<CaseState, string> = {
  received: "已受理待立案",
  accepted: "已立案",
  dispatched: "已派遣",
  in_progress: "处理中",
  extended: "已延期",
  suspended: "已挂账",
  sent_back: "已回退",
  handled: "已处理待核查",
  reopened: "市民申请复核",
  closed_fixed: "已结案（已解决）",
  closed_not_fixed: "已结案（未解决）",
  not_accepted: "不予受理",
  merged: "已合并",
};

export const CLOSED_STATES: readonly CaseState[] = ["closed_fixed", "closed_not_fixed", "not_accepted", "merged"];
export const isOpen = (s: CaseState) => !CLOSED_STATES.includes(s);

/**
 * Not yet 立案, or refused: not in the public list, no public page. One list, so the list, the case
 * page and the links to it (nearby, "me too") always agree.
 */
export const UNLISTED_STATES: readonly CaseState[] = ["received", "not_accepted"];
export const hasPublicPage = (s: CaseState) => !UNLISTED_STATES.includes(s);

/** Who takes an action: a staff role, the reporter holding the tracking secret, or the system. */
export type Actor = "reporter" | "system" | "dispatcher" | "unit_handler" | "admin";

export interface Transition {
  from: readonly CaseState[];
  /** "same": the action records something (a request, a reply, a rating) and keeps the state. */
  to: CaseState | "same";
  by: readonly Actor[];
  label: string;
}

const OPEN_HANDLING = ["in_progress", "extended"] as const;
const DISPATCH = ["dispatcher", "admin"] as const;
const UNIT = ["unit_handler"] as const;
/** Every state a note or reply may be added in: all but a case merged away. */
const NOTE_STATES = STATES.filter((s) => s !== "merged");

export const TRANSITIONS = {
  file: { from: [], to: "received", by: ["reporter"], label: "提交投诉" },
  accept: { from: ["received"], to: "accepted", by: DISPATCH, label: "立案" },
  reject: { from: ["received"], to: "not_accepted", by: DISPATCH, label: "不予受理" },
  merge: { from: ["received", "accepted"], to: "merged", by: DISPATCH, label: "合并为重复案件" },
  dispatch: { from: ["accepted", "sent_back"], to: "dispatched", by: DISPATCH, label: "派遣" },
  start: { from: ["dispatched"], to: "in_progress", by: UNIT, label: "开始处理" },
  send_back: { from: ["dispatched", "in_progress"], to: "sent_back", by: UNIT, label: "回退" },
  request_extension: { from: OPEN_HANDLING, to: "same", by: UNIT, label: "申请延期" },
  request_suspension: { from: OPEN_HANDLING, to: "same", by: UNIT, label: "申请挂账" },
  extend: { from: OPEN_HANDLING, to: "extended", by: DISPATCH, label: "批准延期" },
  suspend: { from: OPEN_HANDLING, to: "suspended", by: DISPATCH, label: "批准挂账" },
  refuse_request: { from: OPEN_HANDLING, to: "same", by: DISPATCH, label: "不批准申请" },
  resume: { from: ["suspended"], to: "in_progress", by: DISPATCH, label: "恢复处理" },
  handle: { from: OPEN_HANDLING, to: "handled", by: UNIT, label: "处理完毕" },
  redo: { from: ["handled", "reopened"], to: "dispatched", by: DISPATCH, label: "核查不通过，返工" },
  close_fixed: { from: ["handled", "reopened"], to: "closed_fixed", by: DISPATCH, label: "核查结案（已解决）" },
  close_not_fixed: { from: ["handled", "reopened"], to: "closed_not_fixed", by: DISPATCH, label: "结案（未解决）" },
  reply: { from: NOTE_STATES, to: "same", by: [...DISPATCH, ...UNIT], label: "答复" },
  reopen: { from: ["closed_fixed", "closed_not_fixed"], to: "reopened", by: ["reporter"], label: "申请复核" },
  rate: { from: ["closed_fixed", "closed_not_fixed"], to: "same", by: ["reporter"], label: "评价" },
  mark_overdue: {
    from: ["received", "dispatched", "in_progress", "extended"],
    to: "same",
    by: ["system"],
    label: "已超期",
  },
} as const satisfies Record<string, Transition>;
export type Action = keyof typeof TRANSITIONS;

/** The state an action leads to from `from`, or null when the table does not allow it. */
export function nextState(action: Action, from: CaseState | null, actor: Actor): CaseState | null {
  const t: Transition = TRANSITIONS[action];
  const fromOk = from === null ? t.from.length === 0 : t.from.includes(from);
  if (!fromOk || !t.by.includes(actor)) return null;
  return t.to === "same" ? (from as CaseState) : t.to;
}

/** The actions staff take, in the table's order: each is one endpoint, POST …/complaints/:id/<action>. */
type StaffActor = Exclude<Actor, "reporter" | "system">;
export type StaffAction = {
  [A in Action]: Extract<(typeof TRANSITIONS)[A]["by"][number], StaffActor> extends never ? never : A;
}[Action];
export const STAFF_ACTIONS = (Object.keys(TRANSITIONS) as Action[]).filter((a) =>
  (TRANSITIONS[a].by as readonly Actor[]).some((x) => x !== "reporter" && x !== "system"),
) as StaffAction[];

/** The actor a staff role acts as in the table; roles outside the workflow act as nobody. */
export function actorOf(role: string): Actor | null {
  return role === "dispatcher" || role === "admin" || role === "unit_handler" ? role : null;
}

/**
 * States a case has before it was ever dispatched: still the command centre's alone, so no unit sees
 * it yet, even the one its category and place would route it to.
 */
export const PRE_DISPATCH_STATES: readonly CaseState[] = ["received", "accepted", "not_accepted", "merged"];

/** A unit's request the dispatcher approves or refuses. */
export const PENDING_REQUESTS = ["extension", "suspension"] as const;
export type PendingRequest = (typeof PENDING_REQUESTS)[number];

export { REOPEN_WINDOW_DAYS } from "./reopen.ts";

export const RATINGS = ["satisfied", "basically_satisfied", "dissatisfied"] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  satisfied: "满意",
  basically_satisfied: "基本满意",
  dissatisfied: "不满意",
};
