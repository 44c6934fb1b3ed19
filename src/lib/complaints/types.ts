// The wire shapes of the public complaint API (functions/routes/complaints/index.ts), as the islands read them.
import type { Counts, RateId } from "../../shared/complaints/figures";
import type { CaseState, Rating } from "../../shared/complaints/states";

export interface PublicCase {
  caseNumber: string;
  categoryId: string;
  categoryName: string;
  communityId: string;
  communityName: string;
  /** The street-level part of the address: never a house number. */
  place: string;
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

export interface NearbyCase extends PublicCase {
  distanceMetres: number;
}

export interface CasePage {
  cases: PublicCase[];
  /** The cursor (`before`) of the next, older page; null on the last one. */
  next: number | null;
}

export interface HotspotCell {
  communityId: string;
  communityName: string;
  categoryId: string;
  categoryName: string;
  count: number;
}

export interface Hotspots {
  days: number;
  since: string;
  cells: HotspotCell[];
}

export type { FiledComplaint as Filed } from "../../shared/complaints/schemas";

export interface Deadline {
  due: string;
  doneAt: string | null;
  /** true or false once done; null while it runs. */
  met: boolean | null;
  overdue: boolean;
}

export interface TimelineEntry {
  at: string;
  action: string;
  label: string;
  state: CaseState;
  stateLabel: string;
  unitName: string | null;
  /** A public reply or reason, if staff wrote one. */
  note: string | null;
}

export interface TrackingView extends PublicCase {
  /** The reporter's own photos: fetched with the X-Tracking-Token header. */
  reporterPhotos: string[];
  addressText: string;
  description: string;
  unitName: string | null;
  deadlines: { accept: Deadline | null; handle: Deadline | null };
  timeline: TimelineEntry[];
  rating: { value: Rating; label: string; comment: string | null; at: string } | null;
  canRate: boolean;
  canReopen: boolean;
  reopenUntil: string | null;
}

/** The counts of one month and the six rates made of them (fractions, null when nothing to measure). */
export interface FigureSet {
  counts: Counts;
  rates: Record<RateId, number | null>;
}

export interface UnitFigures extends FigureSet {
  id: string;
  name: string;
}

/** GET /api/complaints/figures: one calendar month (China time), bureau-wide and per unit. */
export interface MonthFigures {
  month: string;
  from: string;
  to: string;
  total: FigureSet;
  units: UnitFigures[];
}
