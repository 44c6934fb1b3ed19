import type { StaffIdentity } from "../src/shared/staff/roles";
import type { Db } from "./db/client";

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
    requestId: string;
    staff?: SignedInStaff;
  };
}
