// The islands' client for a minor's guardian consent: the guardian's secret travels only in the
// x-consent-token header, the volunteer's in x-manage-token (never in a URL the server sees).
import type { ConsentInput } from "../../shared/sweeps/schemas";
import type { ConsentResult, ConsentView, DeclineResult, GuardianLinkResult } from "../../shared/sweeps/wire";
import { request } from "../kit/request";

const CONSENT = "/api/sweeps/consent";
const consentHeader = (token: string) => ({ "x-consent-token": token });

export const consentView = (token: string) => request<ConsentView>(CONSENT, { headers: consentHeader(token) });

export const giveConsent = (token: string, input: ConsentInput) =>
  request<ConsentResult>(CONSENT, { method: "POST", body: input, headers: consentHeader(token) });

export const declineConsent = (token: string) =>
  request<DeclineResult>(CONSENT, { method: "DELETE", headers: consentHeader(token) });

/** A new guardian link for the volunteer's own sign-up; the old link stops working. */
export const reissueGuardianLink = (manageToken: string) =>
  request<GuardianLinkResult>("/api/sweeps/manage/guardian-link", {
    method: "POST",
    headers: { "x-manage-token": manageToken },
  });
