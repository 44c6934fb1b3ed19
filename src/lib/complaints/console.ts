// How the case console reads its address, which list views a role has, and how it writes deadlines
// and times. Pure functions: tests/unit/complaints/console.test.ts.

import type { CaseSummary, TimelineItem } from "../../shared/complaints/console-wire";
import type { CaseView } from "../../shared/complaints/staff-schemas";
import type { CaseState } from "../../shared/complaints/states";
import { can, type Role } from "../../shared/staff/roles";
import { formatChinaMinute } from "../../shared/time";
import type { CaseFilter } from "./console-api";

export const VIEW_LABELS: Record<CaseView, string> = {
  inbox: "待立案",
  queue: "本单位待办",
  overdue: "超期",
  all: "全部",
};

/** The command centre starts at its inbox, a unit at its queue; both see the overdue board and all. */
export function viewsFor(role: Role): CaseView[] {
  const first: CaseView[] = [];
  if (can(role, "complaints:dispatch")) first.push("inbox");
  if (can(role, "complaints:handle")) first.push("queue");
  return [...first, "overdue", "all"];
}

/** The filters the list reads from and writes to its address. */
export const FILTER_KEYS = ["state", "unitId", "categoryId", "communityId", "q"] as const;

/** The filter in a page address (`?view=all&state=received`); an unknown or foreign view is the role's first. */
export function filterFromQuery(search: string, role: Role): CaseFilter {
  const query = new URLSearchParams(search);
  const views = viewsFor(role);
  const asked = query.get("view");
  const view = views.find((v) => v === asked) ?? (views[0] as CaseView);
  const filter: CaseFilter = { view };
  for (const key of FILTER_KEYS) {
    const value = query.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

export function queryOfFilter(filter: CaseFilter): string {
  const query = new URLSearchParams({ view: filter.view });
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  return `?${query}`;
}

/**
 * The list a case page goes back to: the list's own address, carried in the case page's `list`
 * parameter (caseHref), read as the list reads its address, so a view the role may not see falls back.
 */
export function listFilterOfCase(caseSearch: string, role: Role): CaseFilter {
  return filterFromQuery(new URLSearchParams(caseSearch).get("list") ?? "", role);
}

export type Visibility = "公开" | "内部";

/**
 * What the reporter's tracking page shows of a timeline step, and of its note: a public step may
 * carry an internal note (a dispatch remark, a send-back reason), which must not read as 公开.
 */
export function timelineVisibility(e: Pick<TimelineItem, "isPublic" | "notePublic" | "note">): {
  step: Visibility;
  note: Visibility | null;
} {
  const step = e.isPublic ? "公开" : "内部";
  if (e.note === null) return { step, note: null };
  return { step, note: e.isPublic && e.notePublic ? "公开" : "内部" };
}

/**
 * Before the first dispatch a case already names the unit its category and community route to;
 * the console says so, rather than show it as the unit that has the case.
 */
export function notYetDispatched(state: CaseState): boolean {
  return state === "received" || state === "accepted";
}

/** States whose handling clock runs (those the cron marks overdue), apart from the accept clock. */
const HANDLING_CLOCK: readonly CaseState[] = ["dispatched", "in_progress", "extended"];

/** The deadline a case is working against now, or null when no clock runs (closed, suspended, awaiting a step). */
export function currentDeadline(c: Pick<CaseSummary, "state" | "acceptDueAt" | "dueAt">): {
  kind: "accept" | "handle";
  due: string;
} | null {
  if (c.state === "received") return { kind: "accept", due: c.acceptDueAt };
  if (HANDLING_CLOCK.includes(c.state) && c.dueAt) return { kind: "handle", due: c.dueAt };
  return null;
}

/** "12 分钟", "3 小时 5 分钟", "2 天 4 小时": whole minutes, rounded up. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分钟` : `${hours} 小时`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} 天 ${hours % 24} 小时` : `${days} 天`;
}

/** The live clock of a running deadline: "剩余 12 分钟" or "已超时 5 分钟". */
export function deadlineClock(due: string, now: number): { text: string; late: boolean } {
  const left = Date.parse(due) - now;
  return left > 0
    ? { text: `剩余 ${formatDuration(left)}`, late: false }
    : { text: `已超时 ${formatDuration(-left)}`, late: true };
}

export type DeadlineVerdict = { kind: "met" | "missed" | "running" | "late" | "stopped"; text: string };

/**
 * Whether a deadline was met: once the step is done (`doneAt`), by comparing the two instants;
 * while its clock runs, by the clock; otherwise (suspended, closed without the step) it is stopped.
 */
export function deadlineVerdict(due: string, doneAt: string | null, running: boolean, now: number): DeadlineVerdict {
  if (doneAt) {
    const late = Date.parse(doneAt) - Date.parse(due);
    return late <= 0
      ? { kind: "met", text: `按时完成（${formatChinaMinute(doneAt)}）` }
      : { kind: "missed", text: `超时 ${formatDuration(late)} 完成（${formatChinaMinute(doneAt)}）` };
  }
  if (!running) return { kind: "stopped", text: "未在计时" };
  const clock = deadlineClock(due, now);
  return { kind: clock.late ? "late" : "running", text: clock.text };
}
