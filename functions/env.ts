import type { Db } from "./db/client";

/** The Hono environment every route module shares: the Worker's bindings and per-request values. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    requestId: string;
  };
}
