// The islands' client for the public complaint API: same-origin fetches, JSON in and out, every
// failure thrown as an ApiError. The tracking secret travels only in the X-Tracking-Token header.
import type { Rating } from "../../shared/complaints/states";
import { ApiError, parseProblem } from "./api-error";
import type { CasePage, Hotspots, MonthFigures, NearbyCase, TrackingView } from "./types";

const BASE = "/api/complaints";

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, init);
  } catch {
    throw new ApiError(0);
  }
  if (!res.ok) throw new ApiError(res.status, parseProblem(await res.text()), res.headers.get("retry-after"));
  return res.json() as Promise<T>;
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const tokenHeader = (token: string) => ({ "x-tracking-token": token });

export const nearbyCases = (categoryId: string, lat: number, lng: number) =>
  call<{ cases: NearbyCase[] }>(`/nearby?${new URLSearchParams({ categoryId, lat: String(lat), lng: String(lng) })}`);

export const supportCase = (caseNumber: string, supporterId: string) =>
  call<{ caseNumber: string; supporters: number; counted: boolean }>(`/${encodeURIComponent(caseNumber)}/support`, {
    method: "POST",
    headers: { "x-supporter-id": supporterId },
  });

export function listCases(state: "open" | "closed" | "", before: number | null): Promise<CasePage> {
  const q = new URLSearchParams({ limit: "10" });
  if (state) q.set("state", state);
  if (before !== null) q.set("before", String(before));
  return call<CasePage>(`?${q}`);
}

export const hotspots = (days: 30 | 90) => call<Hotspots>(`/hotspots?days=${days}`);

/** The published figures of one calendar month, "2026-10". */
export const monthFigures = (month: string) => call<MonthFigures>(`/figures?${new URLSearchParams({ month })}`);

export const trackByToken = (token: string) => call<TrackingView>("/track", { headers: tokenHeader(token) });

export const trackByPhone = (caseNumber: string, phone: string) =>
  call<TrackingView>("/track/lookup", json({ caseNumber, phone }));

export const rateCase = (token: string, rating: Rating, comment: string) =>
  call<TrackingView>("/track/rating", json({ rating, ...(comment ? { comment } : {}) }, tokenHeader(token)));

export const reopenCase = (token: string, reason: string) =>
  call<TrackingView>("/track/reopen", json({ reason }, tokenHeader(token)));

/** A photo only the reporter may see: fetched with the secret, shown through a blob: URL. */
export async function reporterPhoto(url: string, token: string): Promise<Blob> {
  const res = await fetch(url, { headers: tokenHeader(token) });
  if (!res.ok) throw new ApiError(res.status);
  return res.blob();
}
