// Our case states as Open311 statuses (ARCHITECTURE.md has this table): `open`/`closed` from the
// workflow's own closed states, and the FixMyStreet extended status where one means the same.
import { type CaseState, isOpen } from "../complaints/states.ts";
import type { FixMyStreetStatus } from "./wire.ts";

/**
 * null where no FixMyStreet status fits: 挂账 (suspended: shelved, still ours, not "unable to fix",
 * which FixMyStreet treats as closed). `received` and `not_accepted` have no public page and are
 * never published, so they map to nothing either.
 */
export const FIXMYSTREET_STATUS: Record<CaseState, FixMyStreetStatus | null> = {
  received: null,
  accepted: "open",
  dispatched: "action_scheduled",
  in_progress: "in_progress",
  extended: "in_progress",
  suspended: null,
  sent_back: "internal_referral",
  // The unit reports it done; the command centre has still to verify it.
  handled: "in_progress",
  reopened: "reopen",
  closed_fixed: "fixed",
  closed_not_fixed: "no_further_action",
  not_accepted: null,
  merged: "duplicate",
};

export const open311Status = (state: CaseState): "open" | "closed" => (isOpen(state) ? "open" : "closed");
