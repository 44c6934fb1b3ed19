import { env, exports } from "cloudflare:workers";
import { createDb } from "../../../functions/db/client";
import { staffUsers, units } from "../../../functions/db/schema";
import { hashPassword } from "../../../functions/lib/staff/password";
import type { Role, UnitKind } from "../../../src/shared/staff/roles";

export const ORIGIN = "http://portal.test";
export const PASSWORD = "correct horse battery";
let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;

export const db = () => createDb(env.DB);

export async function makeUnit(kind: UnitKind = "squad") {
  const id = unique("unit");
  await db()
    .insert(units)
    .values({ id, name: `测试单位 ${id}`, kind });
  return id;
}

/** A staff account of `role` with a known password; unit-bound roles get a fresh unit. */
export async function makeStaff(role: Role, over: Partial<typeof staffUsers.$inferInsert> = {}) {
  const needsUnit = role === "unit_handler" || role === "service_point_staff";
  const values = {
    email: `${unique(role)}@qingxi.example`,
    displayName: "测试人员",
    role,
    unitId: needsUnit ? await makeUnit(role === "service_point_staff" ? "service_point" : "squad") : null,
    passwordHash: await hashPassword(PASSWORD),
    ...over,
  };
  const [row] = await db().insert(staffUsers).values(values).returning();
  if (!row) throw new Error("staff insert returned nothing");
  return row;
}

/** A fresh client address per caller, so the login throttle of one test never hits another. */
export const newClientIp = () => `198.51.100.${(++seq % 250) + 1}`;

interface CallOptions {
  method?: string;
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  ip?: string;
}

/** Calls the Worker as the staff console would: same-origin JSON. */
export function call(
  path: string,
  { method = "GET", body, cookie, headers = {}, ip = newClientIp() }: CallOptions = {},
) {
  return exports.default.fetch(`${ORIGIN}${path}`, {
    method,
    headers: {
      origin: ORIGIN,
      "sec-fetch-site": "same-origin",
      "cf-connecting-ip": ip,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The `name=value` part of the session cookie a response sets. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-staff_session="));
  if (!set) throw new Error(`no session cookie set (status ${res.status})`);
  return set.split(";")[0] ?? "";
}

export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const res = await call("/api/staff/auth/login", { method: "POST", body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return sessionCookie(res);
}
