// The islands' client for the public complaint API: one function per call, on top of the browser
// kit's request (src/lib/kit/). The tracking secret travels only in the X-Tracking-Token header.
import type { Rating } from "../../shared/complaints/states";
import type {
  Hotspots,
  MonthFigures,
  NearbyCases,
  PublicCaseDetail,
  PublicCasePage,
  SupportResult,
  TrackingView,
} from "../../shared/complaints/wire";
import { type RequestOptions, request, send } from "../kit/request";

const BASE = "/api/complaints";

const call = <T>(path: string, options?: RequestOptions) => request<T>(BASE + path, options);
const tokenHeader = (token: string) => ({ "x-tracking-token": token });

export const nearbyCases = (categoryId: string, lat: number, lng: number) =>
  call<NearbyCases>(`/nearby?${new URLSearchParams({ categoryId, lat: String(lat), lng: String(lng) })}`);

export const supportCase = (caseNumber: string, supporterId: string) =>
  call<SupportResult>(`/${encodeURIComponent(caseNumber)}/support`, {
    method: "POST",
    headers: { "x-supporter-id": supporterId },
  });

export function listCases(state: "open" | "closed" | "", before: number | null): Promise<PublicCasePage> {
  const q = new URLSearchParams({ limit: "10" });
  if (state) q.set("state", state);
  if (before !== null) q.set("before", String(before));
  return call<PublicCasePage>(`?${q}`);
}

/** A case's public page: anyone with its number; 404 until it is accepted. */
export const publicCaseDetail = (caseNumber: string) =>
  call<PublicCaseDetail>(`/cases/${encodeURIComponent(caseNumber)}`);

export const hotspots = (days: 30 | 90) => call<Hotspots>(`/hotspots?days=${days}`);

/** The published figures of one calendar month, "2026-10". */
export const monthFigures = (month: string) => call<MonthFigures>(`/figures?${new URLSearchParams({ month })}`);

export const trackByToken = (token: string) => call<TrackingView>("/track", { headers: tokenHeader(token) });

export const trackByPhone = (caseNumber: string, phone: string) =>
  call<TrackingView>("/track/lookup", { body: { caseNumber, phone } });

export const rateCase = (token: string, rating: Rating, comment: string) =>
  call<TrackingView>("/track/rating", {
    body: { rating, ...(comment ? { comment } : {}) },
    headers: tokenHeader(token),
  });

export const reopenCase = (token: string, reason: string) =>
  call<TrackingView>("/track/reopen", { body: { reason }, headers: tokenHeader(token) });

/** Deletes the reporter's name, phone and callback wish now; the answer is the case without them. */
export const deleteContact = (token: string) =>
  call<TrackingView>("/track/contact", { method: "DELETE", headers: tokenHeader(token) });

/** A photo only the reporter may see: fetched with the secret, shown through a blob: URL. */
export async function reporterPhoto(url: string, token: string): Promise<Blob> {
  return (await send(url, { headers: tokenHeader(token) })).blob();
}
