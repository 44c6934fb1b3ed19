// The staff console's client for /api/staff: same-origin fetches only, JSON in and out, every
// failure thrown as a StaffApiError carrying the RFC 9457 problem and its field errors.
import type { Role, StaffIdentity, UnitKind } from "../../shared/staff/roles";

/** `/api/staff/auth/me`: the identity and the name of its unit. */
export interface Me extends StaffIdentity {
  unitName?: string | null;
}

export interface StaffAccount {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  mustChangePassword: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  target: string | null;
  /** The change as a JSON string, or null. */
  detail: string | null;
  clientIp: string | null;
  requestId: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The cursor (`before`) of the following, older page; null on the last page. */
  next: number | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Entries per page, "1"–"200"; the API's default is 50. */
  limit?: string;
}

/** A field name ("email") → the message to show next to that field. */
export type FieldErrors = Record<string, string>;

interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  requestId?: string;
  errors?: { pointer: string; detail: string }[];
}

/** What a failed call throws: `status` 0 when the request never got an answer. */
export class StaffApiError extends Error {
  readonly status: number;
  readonly fields: FieldErrors;
  /** Seconds from Retry-After (423, 429), if the answer had one. */
  readonly retryAfter: number | null;
  readonly requestId: string | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? "请求失败，请稍后再试。");
    this.name = "StaffApiError";
    this.status = status;
    this.fields = fieldErrorsOf(problem);
    this.retryAfter = retryAfter;
    this.requestId = problem.requestId ?? null;
  }
}

/** "#/unitId" → "unitId"; the first message wins when a field has several. */
function fieldErrorsOf(problem: Problem): FieldErrors {
  const fields: FieldErrors = {};
  for (const { pointer, detail } of problem.errors ?? []) {
    const name = pointer.replace(/^#\//, "").split("/")[0] ?? "";
    if (name && !(name in fields)) fields[name] = detail;
  }
  return fields;
}

/** One call to `/api/staff${path}`: the JSON answer, or a StaffApiError. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/staff${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new StaffApiError(0, { detail: "无法连接服务器，请检查网络后再试。" });
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const retry = Number(res.headers.get("retry-after"));
    throw new StaffApiError(res.status, data as Problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return data as T;
}

export const staffApi = {
  login: (email: string, password: string) => request<Omit<Me, "id">>("POST", "/auth/login", { email, password }),
  logout: () => request<void>("POST", "/auth/logout", {}),
  me: () => request<Me>("GET", "/auth/me"),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>("POST", "/auth/password", { currentPassword, newPassword }),
  listAccounts: () => request<StaffAccount[]>("GET", "/accounts"),
  createAccount: (input: { email: string; displayName: string; role: Role; unitId: string | null }) =>
    request<{ account: StaffAccount; oneTimePassword: string }>("POST", "/accounts", input),
  updateAccount: (id: number, change: { role?: Role; unitId?: string | null; disabled?: boolean }) =>
    request<StaffAccount>("PATCH", `/accounts/${id}`, change),
  listUnits: () => request<Unit[]>("GET", "/units"),
  listAudit: (filter: AuditFilter, before?: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
    if (before !== undefined) query.set("before", String(before));
    const qs = query.toString();
    return request<AuditPage>("GET", `/audit${qs ? `?${qs}` : ""}`);
  },
};

/** A readable sentence for any error a call threw, for the page's alert region. */
export function errorMessage(err: unknown): string {
  if (!(err instanceof StaffApiError)) return "出现意外错误，请刷新页面后再试。";
  if (err.status >= 500) return err.requestId ? `${err.message}（请求编号 ${err.requestId}）` : err.message;
  return err.message;
}
