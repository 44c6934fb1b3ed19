// The response shapes of the public complaint API (/api/complaints), declared once: the Worker's
// views are typed to return them (functions/lib/complaints/*-view.ts, figures.ts) and the islands
// read them, so a change that breaks either side fails `npm run check`. Instants are ISO strings in
// UTC; days ("2026-10-01") are China-time days.
import type { Counts, RateId } from "./figures";
import type { NearbyBand } from "./nearby";
import type { CaseState, Rating } from "./states";

/** POST /api/complaints (201): the filed case and the reporter's tracking secret. */
export interface FiledComplaint {
  caseNumber: string;
  state: "received";
  stateLabel: string;
  categoryId: string;
  communityId: string;
  receivedAt: string;
  acceptDueAt: string;
  trackingToken: string;
  /** The secret travels in the fragment, which browsers never send to a server. */
  trackingPath: string;
}

/** A case as anyone may see it: no name, no phone, no exact point. */
export interface PublicCase {
  caseNumber: string;
  categoryId: string;
  categoryName: string;
  communityId: string;
  communityName: string;
  /**
   * The gazetteer road or place (content/complaints/gazetteer.geo.json), or the community's name for a
   * case filed before the gazetteer: data, never what the resident typed.
   */
  place: string;
  placeId: string | null;
  /** Coarsened to about 100 m. */
  lat: number | null;
  lng: number | null;
  state: CaseState;
  stateLabel: string;
  open: boolean;
  receivedAt: string;
  closedAt: string | null;
  supporters: number;
  /** Public photo URLs, once staff took the case up. */
  photos: string[];
}

/** GET /api/complaints: newest first. */
export interface PublicCasePage {
  cases: PublicCase[];
  /** The cursor (`before`) of the next, older page; null on the last one. */
  next: number | null;
}

export interface NearbyCase extends PublicCase {
  /**
   * How far its published (≈ 100 m) point is from the place asked about, as a band (src/shared/complaints/nearby.ts):
   * 100 = within 100 m, 200 = 100–200 m, 250 = 200–250 m. Never measured from the reporter's exact point.
   */
  withinMetres: NearbyBand;
}

/** GET /api/complaints/nearby: nearest first. */
export interface NearbyCases {
  cases: NearbyCase[];
}

/** POST /api/complaints/:caseNumber/support. */
export interface SupportResult {
  caseNumber: string;
  supporters: number;
  /** false when this supporter had already been counted. */
  counted: boolean;
  /** Whether the case has its public page yet (from 立案 on): before, a link to it would be a 404. */
  publicPage: boolean;
}

export interface HotspotCell {
  communityId: string;
  communityName: string;
  categoryId: string;
  categoryName: string;
  count: number;
}

/** GET /api/complaints/hotspots: the cells with the most cases first. */
export interface Hotspots {
  days: number;
  /** The first China-time day counted. */
  since: string;
  cells: HotspotCell[];
}

/** GET /api/complaints/open-data.json (the CSV has the same cases, one row each). */
export interface OpenData {
  from: string;
  to: string;
  count: number;
  /** The period held more cases than one answer carries. */
  truncated: boolean;
  cases: PublicCase[];
}

/** A deadline as the reporter sees it. */
export interface Deadline {
  due: string;
  doneAt: string | null;
  /** true or false once done; null while it runs. */
  met: boolean | null;
  overdue: boolean;
}

/** A step of the reporter's timeline. */
export interface TimelineEntry {
  at: string;
  action: string;
  label: string;
  /** The state after the step, as the event row keeps it. */
  state: string;
  stateLabel: string;
  unitName: string | null;
  /** A public reply or reason, if staff wrote one. */
  note: string | null;
}

/**
 * GET /api/complaints/cases/:caseNumber: a case's public page, for anyone with its number. Only what
 * `PublicCase` shows plus public facts: the timeline (states, dates, staff's public replies, unit
 * names), the deadlines and the unit's after-photos. Unaccepted and refused cases have none (404).
 */
export interface PublicCaseDetail extends PublicCase {
  acceptedAt: string | null;
  /** The unit handling it, once dispatched. */
  unitName: string | null;
  deadlines: { accept: Deadline | null; handle: Deadline | null };
  timeline: TimelineEntry[];
  /** Photos the unit took when it reported the case handled. */
  resultPhotos: string[];
  /** The case this duplicate was merged into, when that one has a public page. */
  mergedInto: { caseNumber: string; state: CaseState; stateLabel: string } | null;
}

/** The reporter's rating of a closed case; the tracking page and the console both show it. */
export interface CaseRating {
  value: Rating;
  label: string;
  comment: string | null;
  at: string | null;
}

/** GET /api/complaints/track (and /lookup, /rating, /reopen): what the reporter sees of their case. */
export interface TrackingView extends PublicCase {
  /** The reporter's own photos: fetched with the X-Tracking-Token header. */
  reporterPhotos: string[];
  addressText: string;
  description: string;
  unitName: string | null;
  deadlines: { accept: Deadline | null; handle: Deadline | null };
  timeline: TimelineEntry[];
  /** The case this duplicate was merged into. */
  mergedInto: { caseNumber: string; state: CaseState; stateLabel: string } | null;
  rating: CaseRating | null;
  canRate: boolean;
  canReopen: boolean;
  reopenUntil: string | null;
  /** What the case holds about the reporter; only through the tracking link (null by case number and phone). */
  personalData: PersonalData | null;
}

/** The personal data of a case as its reporter sees it (PIPL art. 45; see ./personal-data.ts). */
export interface PersonalData {
  name: string | null;
  phone: string | null;
  callbackWanted: boolean;
  /** The exact point given; the coarse one once the retention period has passed, or null when none was given. */
  point: { lat: number; lng: number } | null;
  addressText: string;
  description: string;
  photoCount: number;
  ratingComment: string | null;
  reopenReasons: string[];
  /** The calling app's identifier of the reporter, only on a case an app filed through Open311 while it is kept. */
  accountId?: string;
  /** The link the app sent with an Open311 filing (never fetched by us, never public), only when there is one. */
  mediaUrl?: string;
  /** When the reporter deleted their contact details through the tracking link. */
  contactDeletedAt: string | null;
  /** When the retention period anonymised contact and point (after closure). */
  contactAnonymisedAt: string | null;
}

/** The counts of a period and the six rates made of them (fractions, null when nothing to measure). */
export interface FigureSet {
  counts: Counts;
  rates: Record<RateId, number | null>;
}

/** One row of a figures table: a unit ("" for cases with none) or a category. */
export interface FigureRow extends FigureSet {
  id: string;
  name: string;
}

/** GET /api/complaints/figures: one calendar month (China time), bureau-wide and per unit. */
export interface MonthFigures {
  /** "2026-10". */
  month: string;
  from: string;
  to: string;
  total: FigureSet;
  units: FigureRow[];
}
