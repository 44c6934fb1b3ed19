// Closes a resident's complaint for real, through the staff API, as the command centre and a unit
// would in the console: accept → dispatch → start → handle → close. For browser tests about what
// the reporter can do once a case is closed (rate it, ask for a review).
import { expect } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";

/** A staff member signed in through the API, calling it with their session cookie. */
export interface StaffApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: Record<string, unknown>): Promise<T>;
}

const demoEmail = (role: "dispatcher" | "unit_handler") => {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account.email;
};

/**
 * Signs a demo account in (sign-ins are throttled: do it once per file). The staff API takes a
 * write only from its own origin as JSON, so every call carries the headers a page of the site
 * would: Origin, Sec-Fetch-Site and the content type.
 */
export async function signInStaff(baseUrl: string, role: "dispatcher" | "unit_handler"): Promise<StaffApi> {
  const headers = {
    origin: baseUrl,
    "sec-fetch-site": "same-origin",
    "content-type": "application/json",
    // An address of its own, away from the residents' (filing is throttled per address).
    "cf-connecting-ip": "198.18.0.1",
  };
  const login = await fetch(`${baseUrl}/api/staff/auth/login`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email: demoEmail(role), password: DEMO_PASSWORD }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(baseUrl + path, { ...init, headers: { ...headers, cookie } });
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
  return {
    get: (path) => call(path),
    post: (path, body) => call(path, { method: "POST", body: JSON.stringify(body) }),
  };
}

interface CaseDetail {
  id: number;
  version: number;
  state: string;
}

/** The two people who close a case: the command centre's dispatcher and a handler of one unit. */
export interface Closers {
  dispatcher: StaffApi;
  handler: StaffApi;
  /** The handler's unit, where the dispatcher sends the case. */
  unitId: string;
}

export async function closers(baseUrl: string): Promise<Closers> {
  const dispatcher = await signInStaff(baseUrl, "dispatcher");
  const handler = await signInStaff(baseUrl, "unit_handler");
  const { unitId } = await handler.get<{ unitId: string | null }>("/api/staff/auth/me");
  if (!unitId) throw new Error("the demo handler has no unit");
  return { dispatcher, handler, unitId };
}

/**
 * Takes a freshly filed case through the whole workflow to `outcome`, each step by the role that
 * may take it, each with the version the previous answer gave. Returns the closed case.
 */
export async function closeCase(
  { dispatcher, handler, unitId }: Closers,
  caseNumber: string,
  outcome: "close_fixed" | "close_not_fixed",
): Promise<CaseDetail> {
  const { cases } = await dispatcher.get<{ cases: CaseDetail[] }>(
    `/api/staff/complaints?${new URLSearchParams({ q: caseNumber, view: "all" })}`,
  );
  let c = cases[0];
  if (!c) throw new Error(`case ${caseNumber} not found`);
  const steps: [StaffApi, string, Record<string, unknown>][] = [
    [dispatcher, "accept", {}],
    [dispatcher, "dispatch", { unitId }],
    [handler, "start", {}],
    [handler, "handle", { result: "已安排人员到场清理。" }],
    [
      dispatcher,
      outcome,
      { note: outcome === "close_fixed" ? "经现场核查，已解决。" : "涉及绿地权属，暂时无法解决。" },
    ],
  ];
  for (const [who, action, body] of steps) {
    c = await who.post<CaseDetail>(`/api/staff/complaints/${c.id}/${action}`, { version: c.version, ...body });
  }
  expect(c.state).toBe(outcome === "close_fixed" ? "closed_fixed" : "closed_not_fixed");
  return c;
}
