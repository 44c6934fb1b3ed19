// The staff console's client for /api/staff/sweeps: one function per call, on top of the browser
// kit's request; the answers' shapes are src/shared/sweeps/wire.ts, the ones the Worker returns.
import type { CreateSweepsInput, UpdateSweepInput } from "../../shared/sweeps/staff-schemas";
import type { CreatedSweeps, Roster, StaffSweepList, StaffSweepResult } from "../../shared/sweeps/wire";
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
