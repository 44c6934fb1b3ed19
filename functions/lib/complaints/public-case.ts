import { type CaseState, hasPublicPage, STATE_LABELS, TRANSITIONS } from "../../../src/shared/complaints/states";
import type { PublicCaseDetail, TimelineEntry } from "../../../src/shared/complaints/wire";
import type { Db } from "../../db/client";
import { type PublicCaseEvent, publicCaseRead } from "../../db/complaints/public-case";
import { photosArePublic, publicCase } from "./public-view";
import { deadline } from "./tracking-view";

// A case has a public page exactly when the public list shows it (hasPublicPage, shared with the
// browser so the links to it agree); merged duplicates have one as a pointer to the case they joined.
export { hasPublicPage };

const label = (action: string) => (TRANSITIONS as Record<string, { label: string }>)[action]?.label ?? action;
const stateLabel = (state: string) => STATE_LABELS[state as CaseState] ?? state;

/**
 * A case's public page, or null when it has none (unknown, not yet accepted, refused). Built on
 * `publicCase`, so it drops what every public view drops, and adds only public facts: the public
 * timeline (states, dates, staff's public replies, unit names), deadlines and after-photos. Never
 * the address as typed, the description, the name, the phone, the exact point, the rating or a
 * reopen reason.
 */
export async function readPublicCase(db: Db, caseNumber: string, now = Date.now()): Promise<PublicCaseDetail | null> {
  const row = await publicCaseRead(db, caseNumber).get();
  if (!row || !hasPublicPage(row.complaint.state)) return null;
  const c = row.complaint;
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  const events = (JSON.parse(row.events) as PublicCaseEvent[]).sort(byId);
  const photos = (JSON.parse(row.photos) as { id: number; stage: "report" | "result" }[]).sort(byId);
  const units = new Map((JSON.parse(row.units) as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  const merged = row.mergedInto ? (JSON.parse(row.mergedInto) as { caseNumber: string; state: CaseState }) : null;
  const timeline: TimelineEntry[] = events.map((e) => ({
    at: e.at,
    action: e.action,
    label: label(e.action),
    state: e.toState,
    stateLabel: stateLabel(e.toState),
    unitName: e.unitId ? (units.get(e.unitId) ?? null) : null,
    note: e.note,
  }));
  const idsOf = (stage: "report" | "result") => photos.filter((p) => p.stage === stage).map((p) => p.id);
  return {
    ...publicCase(c, idsOf("report")),
    acceptedAt: c.acceptedAt,
    // The unit is named once the case was dispatched: before that it is only where routing points.
    unitName: c.dueAt && c.unitId ? (units.get(c.unitId) ?? null) : null,
    deadlines: {
      accept: deadline(c.acceptDueAt, c.respondedAt, now),
      handle: deadline(c.dueAt, c.handledAt, now),
    },
    timeline,
    resultPhotos: photosArePublic(c.state) ? idsOf("result").map((id) => `/api/complaints/photos/${id}`) : [],
    // Only a surviving case that has a page of its own is named.
    mergedInto:
      merged && hasPublicPage(merged.state)
        ? { caseNumber: merged.caseNumber, state: merged.state, stateLabel: STATE_LABELS[merged.state] }
        : null,
  };
}
