import { RATING_LABELS, REOPEN_WINDOW_DAYS, STATE_LABELS, TRANSITIONS } from "../../../src/shared/complaints/states";
import type { Deadline, PersonalData, TrackingView } from "../../../src/shared/complaints/wire";
import type { Db } from "../../db/client";
import type { Complaint } from "../../db/complaints/index";
import { findTracking, parseTrackingRow } from "../../db/complaints/tracking";
import { publicCase } from "./public-view";

const CLOSED_FOR_RATING = ["closed_fixed", "closed_not_fixed"];

/** Whether a deadline was met, is still open, or passed: the reporter sees each one. */
export function deadline(due: string | null, doneAt: string | null, now: number): Deadline | null {
  if (!due) return null;
  const met = doneAt ? doneAt <= due : null;
  return { due, doneAt, met, overdue: !doneAt && Date.parse(due) < now };
}

/** The case and what its tracking page needs, in one statement; `complaint` undefined when none matched. */
export async function readTracking(db: Db, by: Parameters<typeof findTracking>[1]): Promise<TrackingData> {
  const row = await findTracking(db, by);
  return row
    ? parseTrackingRow(row)
    : {
        complaint: undefined,
        events: [],
        photos: [],
        units: [],
        mergedInto: null,
        contactDeletedAt: null,
        open311: null,
      };
}
type TrackingData = Omit<ReturnType<typeof parseTrackingRow>, "complaint"> & { complaint: Complaint | undefined };
type PersonalSource = Pick<TrackingData, "events" | "photos" | "contactDeletedAt" | "open311">;

/**
 * Everything the case holds about its reporter (src/shared/complaints/personal-data.ts), for the
 * holder of the tracking secret only: the case number and phone prove less than the link does.
 */
export function personalData(
  c: Complaint,
  { events, photos, contactDeletedAt, open311 }: PersonalSource,
): PersonalData {
  return {
    name: c.reporterName,
    phone: c.reporterPhone,
    callbackWanted: c.callbackWanted,
    point: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
    addressText: c.addressText,
    description: c.description,
    photoCount: photos.filter((p) => p.stage === "report").length,
    ratingComment: c.ratingComment,
    reopenReasons: events.filter((e) => e.action === "reopen" && e.note).map((e) => e.note as string),
    // Only a case an app filed through Open311 has these, and only while they are kept.
    ...(open311?.accountId ? { accountId: open311.accountId } : {}),
    ...(open311?.mediaUrl ? { mediaUrl: open311.mediaUrl } : {}),
    contactDeletedAt,
    contactAnonymisedAt: c.contactAnonymisedAt,
  };
}

/**
 * What the reporter sees: the public case plus its timeline, the handling unit and deadlines; with
 * `personal`, what the case holds about them too (only when opened by the tracking secret).
 */
export function trackingView(
  c: Complaint,
  { events, photos, units, mergedInto, contactDeletedAt, open311 }: Omit<TrackingData, "complaint">,
  { personal = false, now = Date.now() }: { personal?: boolean; now?: number } = {},
): TrackingView {
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const handledAt =
    [...events].reverse().find((e) => e.toState === "handled" || e.toState.startsWith("closed"))?.at ?? null;
  const reopenUntil = c.closedAt
    ? new Date(Date.parse(c.closedAt) + REOPEN_WINDOW_DAYS * 86_400_000).toISOString()
    : null;
  return {
    ...publicCase(
      c,
      photos.map((p) => p.id),
    ),
    // The reporter's own submission is theirs to see in full, photos included.
    reporterPhotos: photos.filter((p) => p.stage === "report").map((p) => `/api/complaints/track/photos/${p.id}`),
    addressText: c.addressText,
    description: c.description,
    unitName: c.unitId ? (unitNames.get(c.unitId) ?? null) : null,
    deadlines: {
      accept: deadline(c.acceptDueAt, c.acceptedAt, now),
      handle: deadline(c.dueAt, handledAt, now),
    },
    timeline: events.map((e) => ({
      at: e.at,
      action: e.action,
      label: (TRANSITIONS as Record<string, { label: string }>)[e.action]?.label ?? e.action,
      state: e.toState,
      stateLabel: STATE_LABELS[e.toState as keyof typeof STATE_LABELS] ?? e.toState,
      unitName: e.unitId ? (unitNames.get(e.unitId) ?? null) : null,
      note: e.note,
    })),
    mergedInto: mergedInto
      ? { caseNumber: mergedInto.caseNumber, state: mergedInto.state, stateLabel: STATE_LABELS[mergedInto.state] }
      : null,
    rating: c.rating
      ? { value: c.rating, label: RATING_LABELS[c.rating], comment: c.ratingComment, at: c.ratedAt }
      : null,
    canRate: CLOSED_FOR_RATING.includes(c.state) && !c.rating,
    canReopen: CLOSED_FOR_RATING.includes(c.state) && !!reopenUntil && Date.parse(reopenUntil) > now,
    reopenUntil,
    personalData: personal ? personalData(c, { events, photos, contactDeletedAt, open311 }) : null,
  };
}
