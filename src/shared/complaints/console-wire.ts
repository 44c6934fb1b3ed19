// The response shapes of the staff case API (/api/staff/complaints, /api/staff/figures), declared
// once: functions/lib/complaints/case-view.ts and figures.ts are typed to return them and the console
// reads them. Instants are ISO strings in UTC; the console shows them in China time.
import type { CaseState, PendingRequest, StaffAction } from "./states";
import type { CaseRating, FigureRow, FigureSet } from "./wire";

/** A row of the case list. Contact details never appear here. */
export interface CaseSummary {
  id: number;
  caseNumber: string;
  /** The version to send back with an action: a stale one is refused with 409. */
  version: number;
  categoryId: string;
  categoryName: string;
  communityId: string;
  communityName: string;
  /** What the resident typed: for staff only. */
  addressText: string;
  /** The public place (a gazetteer id) and its name; null until someone chose one. */
  placeId: string | null;
  placeName: string | null;
  state: CaseState;
  stateLabel: string;
  urgent: boolean;
  unitId: string | null;
  unitName: string | null;
  receivedAt: string;
  acceptDueAt: string;
  dueAt: string | null;
  /** Open and past its current deadline (the accept deadline while received, else dueAt). */
  overdue: boolean;
  overdueAt: string | null;
  pendingRequest: PendingRequest | null;
  pendingDays: number | null;
  supporters: number;
}

/** Where the next page starts: a keyset cursor (`all`) or an offset (the sorted views). */
export type CaseCursor = { before?: number; offset?: number };

/** GET /api/staff/complaints. */
export interface CaseListPage {
  cases: CaseSummary[];
  next: CaseCursor | null;
}

/** A step of the case's timeline as staff see it, internal ones included. */
export interface TimelineItem {
  id: number;
  at: string;
  action: string;
  label: string;
  /** States as the event row keeps them. */
  fromState: string | null;
  toState: string;
  stateLabel: string;
  /** The staff member's name, 市民, 系统, or 工作人员 for an account since removed. */
  actor: string;
  unitName: string | null;
  note: string | null;
  /** Whether the step shows on the reporter's tracking page… */
  isPublic: boolean;
  /** …and whether its note does (an internal note on a public step, e.g. a dispatch remark). */
  notePublic: boolean;
}

export interface CasePhoto {
  id: number;
  stage: "report" | "result";
  url: string;
}

/** A link to another case (merged into, merged from). */
export interface CaseLink {
  id: number;
  caseNumber: string;
}

/**
 * Where a case came from: the website's form, or an app through Open311 (its key's holder and
 * prefix, which tell keys apart without being secret). An Open311 filing's account id is contact,
 * masked here like the phone (the full one comes with the audited contact call) and cleared with
 * the contact; the picture link is the app's, never fetched by the portal and never public.
 */
export type CaseOrigin =
  | { channel: "web" }
  | {
      channel: "open311";
      keyHolder: string;
      keyPrefix: string;
      keyRevoked: boolean;
      accountId: string | null;
      mediaUrl: string | null;
    };

/** GET /api/staff/complaints/:id, and the answer to every action: the case page. */
export interface CaseDetail extends CaseSummary {
  description: string;
  /** Masked by the API (张*, 138****1234); the full contact is a separate, audited call. */
  reporter: { name: string | null; phone: string | null; callbackWanted: boolean };
  origin: CaseOrigin;
  /** The exact point: staff need it to find the place. */
  lat: number | null;
  lng: number | null;
  respondedAt: string | null;
  acceptedAt: string | null;
  handledAt: string | null;
  closedAt: string | null;
  reworkCount: number;
  reopenCount: number;
  mergedInto: CaseLink | null;
  mergedFrom: CaseLink[];
  rating: CaseRating | null;
  photos: CasePhoto[];
  timeline: TimelineItem[];
  /** What the signed-in member may do now: the console offers these and nothing else. */
  actions: StaffAction[];
}

/** GET /api/staff/complaints/:id/contact (audited). */
export interface Contact {
  name: string | null;
  phone: string | null;
  /** An Open311 filing's account id in the calling app, when it has one. */
  accountId?: string;
}

/** How the figures are broken down (the `by` of FiguresQuerySchema). */
export type FiguresGrouping = "unit" | "category";

/** GET /api/staff/figures: any period, per unit or per category, with the total. */
export interface Figures {
  from: string;
  to: string;
  by: FiguresGrouping;
  total: FigureSet;
  rows: FigureRow[];
}
