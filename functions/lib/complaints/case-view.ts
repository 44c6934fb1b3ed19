import { categoryById } from "../../../src/shared/complaints/categories";
import type { CaseDetail, CaseOrigin, CaseSummary } from "../../../src/shared/complaints/console-wire";
import { CONTACT_DELETED_ACTION, CONTACT_DELETED_LABEL } from "../../../src/shared/complaints/personal-data";
import { placeById } from "../../../src/shared/complaints/places";
import {
  type Action,
  actorOf,
  isOpen,
  nextState,
  RATING_LABELS,
  STAFF_ACTIONS,
  STATE_LABELS,
  type StaffAction,
  TRANSITIONS,
} from "../../../src/shared/complaints/states";
import { communityById } from "../../../src/shared/geo";
import { maskAccountId, maskName, maskPhone } from "../../../src/shared/privacy";
import type { StaffIdentity } from "../../../src/shared/staff/roles";
import type { Db } from "../../db/client";
import { caseDetailReads } from "../../db/complaints/handling";
import type { Complaint } from "../../db/complaints/index";
import { listUnits } from "../../db/staff/units";
import { unitSees } from "./case-scope";

type UnitName = { id: string; name: string };

/** Whether a case passed its current deadline: the accept deadline while new, else the handling one. */
export function isOverdue(c: Complaint, now: number): boolean {
  if (!isOpen(c.state) || c.state === "suspended") return false;
  const due = c.state === "received" ? c.acceptDueAt : c.dueAt;
  return !!due && Date.parse(due) < now;
}

/** A row of the staff case list. Contact details never appear here. */
export function caseSummary(c: Complaint, units: Map<string, string>, now = Date.now()): CaseSummary {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    version: c.version,
    categoryId: c.categoryId,
    categoryName: categoryById(c.categoryId)?.name ?? c.categoryId,
    communityId: c.communityId,
    communityName: communityById(c.communityId)?.name ?? c.communityId,
    addressText: c.addressText,
    placeId: c.placeId,
    placeName: c.placeId ? (placeById(c.placeId)?.name ?? null) : null,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    urgent: c.urgent,
    unitId: c.unitId,
    unitName: c.unitId ? (units.get(c.unitId) ?? null) : null,
    receivedAt: c.receivedAt,
    acceptDueAt: c.acceptDueAt,
    dueAt: c.dueAt,
    overdue: isOverdue(c, now),
    overdueAt: c.overdueAt,
    pendingRequest: c.pendingRequest,
    pendingDays: c.pendingDays,
    supporters: c.supporters,
  };
}

/**
 * Why this staff member may not take `action` on this case now, or null when they may: the
 * transition table for the role and state first, then the case's own conditions (a pending request).
 * The API refuses with this reason, and the console offers exactly the actions that have none.
 */
export function refusal(c: Complaint, staff: StaffIdentity, action: StaffAction): string | null {
  const actor = actorOf(staff.role);
  if (!actor || nextState(action, c.state, actor) === null) {
    return `案件当前为「${STATE_LABELS[c.state]}」，不能执行「${TRANSITIONS[action].label}」。`;
  }
  if (staff.role === "unit_handler" && !unitSees(c, staff.unitId)) return "这个案件不属于您的单位。";
  const pending = c.pendingRequest;
  if ((action === "request_extension" || action === "request_suspension") && pending) {
    return `已有一项${PENDING_LABELS[pending]}申请在等待审批。`;
  }
  if (action === "extend" && pending !== "extension") return "没有待审批的延期申请。";
  if (action === "suspend" && pending !== "suspension") return "没有待审批的挂账申请。";
  if (action === "refuse_request" && !pending) return "没有待审批的申请。";
  return null;
}

const PENDING_LABELS = { extension: "延期", suspension: "挂账" } as const;

/** The actions this staff member may take on this case now. */
export function allowedActions(c: Complaint, staff: StaffIdentity): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => refusal(c, staff, a) === null);
}

interface Filing {
  accountId: string | null;
  mediaUrl: string | null;
  keyHolder: string;
  keyPrefix: string;
  keyRevokedAt: string | null;
}

/** The channel a case came in by; an Open311 account id masked as the phone is (contact). */
function caseOrigin(f: Filing | undefined): CaseOrigin {
  if (!f) return { channel: "web" };
  return {
    channel: "open311",
    keyHolder: f.keyHolder,
    keyPrefix: f.keyPrefix,
    keyRevoked: f.keyRevokedAt !== null,
    accountId: f.accountId ? maskAccountId(f.accountId) : null,
    mediaUrl: f.mediaUrl,
  };
}

const ACTOR_LABELS = { reporter: "市民", system: "系统" } as const;

/** Everything the case page shows, read in one batch; undefined when there is no such case. */
export async function readCaseDetail(
  db: Db,
  id: number,
  staff: StaffIdentity,
  now = Date.now(),
): Promise<CaseDetail | undefined> {
  const [cases, events, photos, mergedInto, mergedFrom, filings, unitRows] = await db.batch([
    ...caseDetailReads(db, id),
    listUnits(db),
  ]);
  const c = cases[0];
  if (!c) return undefined;
  const units = new Map(unitRows.map((u: UnitName) => [u.id, u.name]));
  return {
    ...caseSummary(c, units, now),
    description: c.description,
    reporter: {
      name: c.reporterName ? maskName(c.reporterName) : null,
      phone: c.reporterPhone ? maskPhone(c.reporterPhone) : null,
      callbackWanted: c.callbackWanted,
    },
    origin: caseOrigin(filings[0]),
    lat: c.lat,
    lng: c.lng,
    respondedAt: c.respondedAt,
    acceptedAt: c.acceptedAt,
    handledAt: c.handledAt,
    closedAt: c.closedAt,
    reworkCount: c.reworkCount,
    reopenCount: c.reopenCount,
    mergedInto: mergedInto[0] ?? null,
    mergedFrom,
    rating: c.rating
      ? { value: c.rating, label: RATING_LABELS[c.rating], comment: c.ratingComment, at: c.ratedAt }
      : null,
    photos: photos.map((p) => ({ id: p.id, stage: p.stage, url: `/api/staff/complaints/${c.id}/photos/${p.id}` })),
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      label:
        TRANSITIONS[e.action as Action]?.label ??
        (e.action === CONTACT_DELETED_ACTION ? CONTACT_DELETED_LABEL : e.action),
      fromState: e.fromState,
      toState: e.toState,
      stateLabel: STATE_LABELS[e.toState as keyof typeof STATE_LABELS] ?? e.toState,
      actor: e.actorName ?? ACTOR_LABELS[e.actorKind as keyof typeof ACTOR_LABELS] ?? "工作人员",
      unitName: e.unitId ? (units.get(e.unitId) ?? null) : null,
      note: e.note,
      isPublic: e.isPublic,
      notePublic: e.notePublic,
    })),
    actions: allowedActions(c, staff),
  };
}
