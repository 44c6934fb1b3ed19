// The islands' client for a group's endpoints (a class signed up by one contact), on the kit's
// request(): the group link's secret travels only in the x-group-token header.
import type { GroupMember, GroupSignup } from "../../shared/sweeps/schemas";
import type { GroupCancelResult, GroupMemberResult, GroupSignupResult, GroupView } from "../../shared/sweeps/wire";
import { request } from "../kit/request";

const BASE = "/api/sweeps";
const tokenHeader = (token: string) => ({ "x-group-token": token });

/** The form's key goes with every attempt, so a retry never takes the places twice. */
export const signUpGroup = (sweepId: string, input: GroupSignup, idempotencyKey: string) =>
  request<GroupSignupResult>(`${BASE}/${encodeURIComponent(sweepId)}/groups`, {
    body: input,
    headers: { "idempotency-key": idempotencyKey },
  });

export const groupView = (token: string) => request<GroupView>(`${BASE}/group`, { headers: tokenHeader(token) });

export const completeMember = (token: string, memberId: number, input: GroupMember) =>
  request<GroupMemberResult>(`${BASE}/group/members/${memberId}`, {
    method: "PUT",
    body: input,
    headers: tokenHeader(token),
  });

export const cancelMember = (token: string, memberId: number) =>
  request<GroupCancelResult>(`${BASE}/group/members/${memberId}`, { method: "DELETE", headers: tokenHeader(token) });

export const cancelGroup = (token: string) =>
  request<GroupCancelResult>(`${BASE}/group`, { method: "DELETE", headers: tokenHeader(token) });
