// The response shapes of the staff API's accounts, units, audit and sign-in endpoints
// (functions/routes/staff/), declared once: the routes pass them to `c.json` and the console reads
// them, so a change that breaks either side fails `npm run check`.
import type { StaffIdentity, UnitKind } from "./roles";

/** GET /api/staff/auth/me: the identity and the name of its unit. */
export interface Me extends StaffIdentity {
  unitName: string | null;
}

/** POST /api/staff/auth/login: who signed in (the session itself travels in the cookie). */
export type SignedIn = Omit<StaffIdentity, "id">;

/** An account as it may leave the API: never the password hash or the lock counters. */
export interface StaffAccount extends StaffIdentity {
  disabledAt: string | null;
  createdAt: string;
}

/** POST /api/staff/accounts (201): the new account and its one-time password, shown once. */
export interface CreatedAccount {
  account: StaffAccount;
  oneTimePassword: string;
}

/** GET /api/staff/units returns them all. */
export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorEmail: string | null;
  /**
   * An AuditAction (./audit-actions.ts) for every row this code writes; typed as a string because
   * rows written before a rename keep their old name.
   */
  action: string;
  target: string | null;
  /** The change as a JSON string, or null. */
  detail: string | null;
  clientIp: string | null;
  requestId: string | null;
}

/** GET /api/staff/audit: newest first. */
export interface AuditPage {
  entries: AuditEntry[];
  /** The cursor (`before`) of the following, older page; null on the last page. */
  next: number | null;
}
