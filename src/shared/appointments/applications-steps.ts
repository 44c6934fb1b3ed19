// Signboard applications' steps as data, with no imports: which staff action moves an application
// from which step, and each step's limit in working days. The browser's islands import this module
// (labels, the actions offered, the correction's bounds) without the holiday calendar, which
// applications.ts adds for the deadlines.
export const APPLICATION_STEPS = [
  "received",
  "correction",
  "accepted",
  "inspection",
  "decided",
  "closed",
  "withdrawn",
] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export const STEP_LABELS: Record<ApplicationStep, string> = {
  received: "收件",
  correction: "补正",
  accepted: "受理",
  inspection: "现场查看",
  decided: "决定",
  closed: "办结",
  withdrawn: "已撤回",
};

/** The steps still being worked on (the queue and the overdue board list these). */
export const OPEN_STEPS = [
  "received",
  "correction",
  "accepted",
  "inspection",
  "decided",
] as const satisfies readonly ApplicationStep[];
export const isOpenStep = (step: ApplicationStep) => (OPEN_STEPS as readonly ApplicationStep[]).includes(step);

export const DECISIONS = ["granted", "refused"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = { granted: "准予", refused: "不予" };

export const APPLICATION_ACTIONS = [
  "request_correction",
  "materials_supplied",
  "accept",
  "book_inspection",
  "decide",
  "close",
  "withdraw",
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Each staff action: the steps it may start from, the step it leads to and its name in the timeline. */
export const APPLICATION_TRANSITIONS: Record<
  ApplicationAction,
  { from: readonly ApplicationStep[]; to: ApplicationStep; label: string }
> = {
  // All missing materials are listed at once (art. 32), and only before the application is accepted.
  request_correction: { from: ["received"], to: "correction", label: "一次性告知补正材料" },
  // Back to 收件: staff check what came and then accept (or ask again, still all at once).
  materials_supplied: { from: ["correction"], to: "received", label: "补正材料已收齐" },
  accept: { from: ["received"], to: "accepted", label: "受理" },
  book_inspection: { from: ["accepted"], to: "inspection", label: "预约现场查看" },
  // A decision follows the inspection; a plain replacement of a sign's face may need none (accepted).
  decide: { from: ["accepted", "inspection"], to: "decided", label: "作出决定" },
  close: { from: ["decided"], to: "closed", label: "办结" },
  // On the merchant's request, or when the correction deadline passed without the materials.
  withdraw: { from: ["received", "correction", "accepted", "inspection"], to: "withdrawn", label: "撤回申请" },
};

/** Each action's endpoint under /api/staff/appointments/applications/:number/. */
export const APPLICATION_ACTION_PATHS: Record<ApplicationAction, string> = {
  request_correction: "request-correction",
  materials_supplied: "materials-supplied",
  accept: "accept",
  book_inspection: "book-inspection",
  decide: "decide",
  close: "close",
  withdraw: "withdraw",
};

/** The step an action leads to from `step`, or null when the action is not allowed there. */
export function transition(step: ApplicationStep, action: ApplicationAction): ApplicationStep | null {
  const t = APPLICATION_TRANSITIONS[action];
  return t.from.includes(step) ? t.to : null;
}

/** The actions allowed from a step (what the console offers). */
export const actionsFrom = (step: ApplicationStep): ApplicationAction[] =>
  APPLICATION_ACTIONS.filter((a) => transition(step, a) !== null);

/** Every (from, to) move the actions allow, without repeats: what migrations/0019's trigger lists. */
export function allowedMoves(): [ApplicationStep, ApplicationStep][] {
  const seen = new Set<string>();
  const moves: [ApplicationStep, ApplicationStep][] = [];
  for (const a of APPLICATION_ACTIONS) {
    for (const from of APPLICATION_TRANSITIONS[a].from) {
      const to = APPLICATION_TRANSITIONS[a].to;
      if (!seen.has(`${from}>${to}`)) moves.push([from, to]);
      seen.add(`${from}>${to}`);
    }
  }
  return moves;
}

/**
 * Time limits in working days, per step. Sources (../shared/domain.md, "signboard approval"):
 * - received: all missing materials are listed, or the application accepted, within 5 working days
 *   (行政许可法 art. 32 says 5 days; the local rule seen says 5 working days);
 * - correction: the merchant supplies them within 10 working days, else the application may be
 *   withdrawn (local rule); staff may give another count per request (`CORRECTION_DAYS`);
 * - accepted and inspection: one clock from acceptance, the decision within 15 working days (local
 *   rule; the law's 20 days, art. 42, is the outer limit), so booking the inspection does not
 *   restart it;
 * - decided: the decision is served and the file closed within 10 working days (art. 44: the permit
 *   is issued within 10 days of the decision).
 */
export const STEP_LIMITS: Record<
  (typeof OPEN_STEPS)[number],
  { workingDays: number; clock: "step" | "accepted"; why: string }
> = {
  received: { workingDays: 5, clock: "step", why: "收件后 5 个工作日内一次性告知补正或受理" },
  correction: { workingDays: 10, clock: "step", why: "申请人 10 个工作日内补齐材料" },
  accepted: { workingDays: 15, clock: "accepted", why: "受理后 15 个工作日内作出决定" },
  inspection: { workingDays: 15, clock: "accepted", why: "受理后 15 个工作日内作出决定" },
  decided: { workingDays: 10, clock: "step", why: "决定后 10 个工作日内送达并办结" },
};

/** The working days staff may give for a correction (the default is the step's limit). */
export const CORRECTION_DAYS = { min: 1, max: 20, default: STEP_LIMITS.correction.workingDays } as const;
