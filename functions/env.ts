import type { StaffIdentity } from "../src/shared/staff/roles";
import type { Db } from "./db/client";
import type { Platform } from "./platform/ports";

/** The signed-in staff member a request acts for. */
export interface SignedInStaff extends StaffIdentity {
  /** The hash of the session's token; absent when Cloudflare Access signed the request in. */
  sessionHash?: string;
}

/** The Hono environment every route module shares: the Worker's bindings and per-request values. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    /** Files, rate limiters, atomic batches and the client address (functions/platform/ports.ts). */
    platform: Platform;
    requestId: string;
    staff?: SignedInStaff;
  };
}
