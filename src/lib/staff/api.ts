// The staff console's client for /api/staff: one function per call, on top of the browser kit's
// request (src/lib/kit/), so every failure is thrown as the kit's ApiError.
import type { Role } from "../../shared/staff/roles";
import type { AuditPage, CreatedAccount, Me, SignedIn, StaffAccount, Unit } from "../../shared/staff/wire";
import { request } from "../kit/request";

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Entries per page, "1"–"200"; the API's default is 50. */
  limit?: string;
}

/** One call to `/api/staff${path}`, through the kit's request: the JSON answer, or an ApiError. */
const call = <T>(method: string, path: string, body?: unknown) => request<T>(`/api/staff${path}`, { method, body });

export const staffApi = {
  login: (email: string, password: string) => call<SignedIn>("POST", "/auth/login", { email, password }),
  logout: () => call<void>("POST", "/auth/logout", {}),
  me: () => call<Me>("GET", "/auth/me"),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<void>("POST", "/auth/password", { currentPassword, newPassword }),
  listAccounts: () => call<StaffAccount[]>("GET", "/accounts"),
  createAccount: (input: { email: string; displayName: string; role: Role; unitId: string | null }) =>
    call<CreatedAccount>("POST", "/accounts", input),
  updateAccount: (id: number, change: { role?: Role; unitId?: string | null; disabled?: boolean }) =>
    call<StaffAccount>("PATCH", `/accounts/${id}`, change),
  listUnits: () => call<Unit[]>("GET", "/units"),
  listAudit: (filter: AuditFilter, before?: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
    if (before !== undefined) query.set("before", String(before));
    const qs = query.toString();
    return call<AuditPage>("GET", `/audit${qs ? `?${qs}` : ""}`);
  },
};
