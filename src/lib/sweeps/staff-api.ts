// The staff console's client for /api/staff/sweeps: one function per call, on top of the browser
// kit's request; the answers' shapes are src/shared/sweeps/wire.ts, the ones the Worker returns.
import type { CreateSweepsInput, UpdateSweepInput } from "../../shared/sweeps/staff-schemas";
import type {
  CreatedSweeps,
  HoursApproved,
  LeaderLink,
  MinutesCorrected,
  Outbox,
  OutboxStatus,
  RevokedCertificate,
  Roster,
  StaffCertificateList,
  StaffSweepList,
  StaffSweepResult,
  SweepFigures,
  SweepHours,
  SweepTargetList,
  SweepTargetsResult,
} from "../../shared/sweeps/wire";
import { request } from "../kit/request";

const BASE = "/api/staff/sweeps";
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const staffSweepsApi = {
  /** Every sweep from a week ago on, in every state, by start. */
  list: () => request<StaffSweepList>(BASE),
  /** One sweep or a weekly series in every place given: one action. */
  create: (input: CreateSweepsInput) => request<CreatedSweeps>(BASE, { body: input }),
  /** The whole sweep again with the version read; a stale version answers 409. */
  update: (id: string, input: UpdateSweepInput) => request<StaffSweepResult>(one(id), { method: "PATCH", body: input }),
  cancel: (id: string, version: number, reason: string) =>
    request<StaffSweepResult>(`${one(id)}/cancel`, { body: { version, reason } }),
  /** The roster, masked unless `contacts` and the role may see them (each look audited). */
  roster: (id: string, contacts = false) => request<Roster>(`${one(id)}/signups${contacts ? "?contacts=1" : ""}`),
};

/** The roster file: a link, so the browser saves it (the download is audited by the API). */
export function rosterCsvHref(id: string, contacts = false): string {
  return `${one(id)}/signups.csv${contacts ? "?contacts=1" : ""}`;
}

/** The console's own page of a sweep. */
export const staffSweepHref = (id: string) => `/staff/sweeps/sweep/?id=${encodeURIComponent(id)}`;

// ---- on the day and after: the leader's link, hours (routes/sweeps/staff-day.ts) ----

// Writes are same-origin JSON (the staff API refuses any other body type): a POST without input sends {}.
export const staffDayApi = {
  /** A new leader link; any earlier one stops working (audited). */
  leaderLink: (id: string) => request<LeaderLink>(`${one(id)}/leader-link`, { body: {} }),
  hours: (id: string) => request<SweepHours>(`${one(id)}/hours`),
  approveHours: (id: string) => request<HoursApproved>(`${one(id)}/hours/approve`, { body: {} }),
  correctMinutes: (id: string, signupId: number, minutes: number, reason: string) =>
    request<MinutesCorrected>(`${one(id)}/signups/${signupId}/minutes`, { method: "PATCH", body: { minutes, reason } }),
};

// ---- the outbox, certificates, targets and figures ----

export interface OutboxFilter {
  status: OutboxStatus;
  sweepId: string;
  contacts: boolean;
}

export const staffSweepsMoreApi = {
  /** The outbox, newest first; contacts in full only when asked for and permitted (audited). */
  outbox: (f: OutboxFilter) => {
    const q = new URLSearchParams({ status: f.status });
    if (f.sweepId) q.set("sweepId", f.sweepId);
    if (f.contacts) q.set("contacts", "1");
    return request<Outbox>(`${BASE}/outbox?${q}`);
  },
  /** A person's certificates by phone, or one by its number (audited). */
  certificates: (by: { phone: string } | { number: string }) =>
    request<StaffCertificateList>(`${BASE}/certificates?${new URLSearchParams(by)}`),
  revokeCertificate: (number: string, reason: string) =>
    request<RevokedCertificate>(`${BASE}/certificates/${encodeURIComponent(number)}/revoke`, { body: { reason } }),
  targets: (from: string, to: string) =>
    request<SweepTargetList>(`${BASE}/targets?${new URLSearchParams({ from, to })}`),
  setTargets: (input: unknown) => request<SweepTargetsResult>(`${BASE}/targets`, { method: "PUT", body: input }),
  figures: (from: string, to: string) => request<SweepFigures>(`${BASE}/figures?${new URLSearchParams({ from, to })}`),
};
