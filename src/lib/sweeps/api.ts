// The islands' client for the public sweeps API: one function per call, on top of the browser kit's
// request (src/lib/kit/). The manage secret travels only in the x-manage-token header.
import type { Signup } from "../../shared/sweeps/schemas";
import type {
  CancelResult,
  ConfirmOfferResult,
  ManageView,
  SignupResult,
  SweepDetail,
  SweepList,
} from "../../shared/sweeps/wire";
import { type RequestOptions, request } from "../kit/request";
import type { SweepFilter } from "./filters";

const BASE = "/api/sweeps";

const call = <T>(path: string, options?: RequestOptions) => request<T>(BASE + path, options);
const tokenHeader = (token: string) => ({ "x-manage-token": token });

/** Upcoming open sweeps, least-covered community first (the API's order). */
export function listSweeps(filter: SweepFilter): Promise<SweepList> {
  const q = new URLSearchParams();
  if (filter.community) q.set("community", filter.community);
  if (filter.from) q.set("from", filter.from);
  if (filter.to) q.set("to", filter.to);
  if (filter.minors) q.set("minors", "1");
  const query = q.toString();
  return call<SweepList>(query ? `?${query}` : "");
}

export const sweepDetail = (id: string) => call<SweepDetail>(`/${encodeURIComponent(id)}`);

/** The draft's key goes with every attempt, so a retry never signs the person up twice. */
export const signUp = (id: string, input: Signup, idempotencyKey: string) =>
  call<SignupResult>(`/${encodeURIComponent(id)}/signups`, {
    body: input,
    headers: { "idempotency-key": idempotencyKey },
  });

export const manageView = (token: string) => call<ManageView>("/manage", { headers: tokenHeader(token) });

export const cancelSignup = (token: string) =>
  call<CancelResult>("/manage", { method: "DELETE", headers: tokenHeader(token) });

export const confirmOffer = (token: string) =>
  call<ConfirmOfferResult>("/manage/confirm", { method: "POST", headers: tokenHeader(token) });
