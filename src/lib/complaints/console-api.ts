// The console's client for the case-handling API (/api/staff/complaints, /api/staff/figures): the
// wire shapes as the console reads them, and one function per call, on top of the browser kit's request.

import type { Counts, RateId } from "../../shared/complaints/figures";
import type { CaseView } from "../../shared/complaints/staff-schemas";
import type { CaseState, PendingRequest, StaffAction } from "../../shared/complaints/states";
import { request } from "../kit/request";

const STAFF = "/api/staff";

/** A row of the case list. Instants are ISO strings in UTC; the console shows them in China time. */
export interface CaseSummary {
  id: number;
  caseNumber: string;
  version: number;
  categoryId: string;
  categoryName: string;
  communityId: string;
  communityName: string;
  addressText: string;
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

export interface TimelineItem {
  id: number;
  at: string;
  action: string;
  label: string;
  fromState: string | null;
  toState: string;
  stateLabel: string;
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

export interface CaseDetail extends CaseSummary {
  description: string;
  /** Masked by the API (张*, 138****1234); the full contact is a separate, audited call. */
  reporter: { name: string | null; phone: string | null; callbackWanted: boolean };
  lat: number | null;
  lng: number | null;
  respondedAt: string | null;
  acceptedAt: string | null;
  handledAt: string | null;
  closedAt: string | null;
  reworkCount: number;
  reopenCount: number;
  mergedInto: { id: number; caseNumber: string } | null;
  mergedFrom: { id: number; caseNumber: string }[];
  rating: { value: string; label: string; comment: string | null; at: string | null } | null;
  photos: CasePhoto[];
  timeline: TimelineItem[];
  /** What the signed-in member may do now: the console offers these and nothing else. */
  actions: StaffAction[];
}

/** The list's filters, as in the page address and the API's query. */
export interface CaseFilter {
  view: CaseView;
  state?: string;
  unitId?: string;
  categoryId?: string;
  communityId?: string;
  /** A case number, exact. */
  q?: string;
}

/** Where the next page starts: a keyset cursor (`all`) or an offset (the sorted views). */
export type CaseCursor = { before?: number; offset?: number };

export interface CaseListPage {
  cases: CaseSummary[];
  next: CaseCursor | null;
}

export interface Contact {
  name: string | null;
  phone: string | null;
}

export type FiguresGrouping = "unit" | "category";

export interface FigureRow {
  id: string;
  name: string;
  counts: Counts;
  rates: Record<RateId, number | null>;
}

export interface Figures {
  from: string;
  to: string;
  by: FiguresGrouping;
  total: { counts: Counts; rates: Record<RateId, number | null> };
  rows: FigureRow[];
}

export const PAGE_SIZE = 50;

function listQuery(filter: CaseFilter, cursor: CaseCursor | null): string {
  const query = new URLSearchParams({ view: filter.view, limit: String(PAGE_SIZE) });
  for (const key of ["state", "unitId", "categoryId", "communityId", "q"] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  if (cursor?.before !== undefined) query.set("before", String(cursor.before));
  if (cursor?.offset !== undefined) query.set("offset", String(cursor.offset));
  return query.toString();
}

export const casesApi = {
  list: (filter: CaseFilter, cursor: CaseCursor | null = null) =>
    request<CaseListPage>(`${STAFF}/complaints?${listQuery(filter, cursor)}`),
  get: (id: number) => request<CaseDetail>(`${STAFF}/complaints/${id}`),
  /**
   * Takes an action with the version the member read (a stale one is refused with 409); `fields`
   * are the action's own, already checked against ACTION_SCHEMAS by the form.
   */
  act: (id: number, action: StaffAction, version: number, fields: Record<string, unknown>) =>
    request<CaseDetail>(`${STAFF}/complaints/${id}/${action}`, { body: { ...fields, version } }),
  contact: (id: number) => request<Contact>(`${STAFF}/complaints/${id}/contact`),
  figures: (from: string, to: string, by: FiguresGrouping) =>
    request<Figures>(`${STAFF}/figures?${new URLSearchParams({ from, to, by })}`),
};

/** The CSV download of the cases received in a period: a link, so the browser saves the file. */
export function exportCsvHref(from: string, to: string): string {
  return `${STAFF}/complaints/export.csv?${new URLSearchParams({ from, to })}`;
}

/** The console's own address of a case. */
export function caseHref(id: number): string {
  return `/staff/complaints/case/?id=${id}`;
}
