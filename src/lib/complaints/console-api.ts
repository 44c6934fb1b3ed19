// The console's client for the case-handling API (/api/staff/complaints, /api/staff/figures): one
// function per call, on top of the browser kit's request; the answers' shapes are
// src/shared/complaints/console-wire.ts, the ones the Worker returns.

import type {
  CaseCursor,
  CaseDetail,
  CaseListPage,
  Contact,
  Figures,
  FiguresGrouping,
} from "../../shared/complaints/console-wire";
import type { CaseView } from "../../shared/complaints/staff-schemas";
import type { StaffAction } from "../../shared/complaints/states";
import { request } from "../kit/request";
import { queryOfFilter } from "./console";

const STAFF = "/api/staff";

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

/**
 * The console's own address of a case; from the list, with the list's view and filters in `list`,
 * so the case page's way back (listFilterOfCase) returns to the same list.
 */
export function caseHref(id: number, list?: CaseFilter): string {
  const query = new URLSearchParams({ id: String(id) });
  if (list) query.set("list", queryOfFilter(list).slice(1));
  return `/staff/complaints/case/?${query}`;
}
