import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { can } from "../../src/shared/staff/roles";
import type { AppEnv, SignedInStaff } from "../env";
import { logJson } from "../lib/log";
import { problem } from "../lib/problem";

/**
 * Refuses a staff request unless the endpoint's entry in `permissions` allows it: 401 without a
 * session, 403 for a role without the permission or an endpoint nobody listed (fail closed). Until
 * a first-sign-in password is changed, only the account endpoints are open.
 *
 * @example
 * staffApi.use(staffSession(), authorize(STAFF_ROUTE_PERMISSIONS));
 */
export function authorize(permissions: Record<string, string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The first matching endpoint is the one that answers: "/complaints/export.csv" is registered
    // before "/complaints/:id", and both match; the permission must be the answering route's.
    const endpoint = matchedRoutes(c).find((r) => r.method !== "ALL");
    if (!endpoint) return next(); // no such route: the 404 handler answers
    const key = `${endpoint.method} ${endpoint.path}`;
    const needed = permissions[key];
    if (needed === undefined) {
      logJson(c.env, "error", { requestId: c.var.requestId, msg: "staff route without a permission entry", key });
      throw problem(403, { detail: "该接口未配置权限。" });
    }
    if (needed === "public") return next();
    const staff = c.var.staff;
    if (!staff) throw problem(401, { detail: "请先登录。" });
    if (!can(staff.role, needed as Parameters<typeof can>[1]))
      throw problem(403, { detail: "您的角色无权执行此操作。" });
    if (staff.mustChangePassword && needed !== "account:self") {
      throw problem(403, { detail: "请先修改初始密码。" });
    }
    await next();
  };
}

/** The signed-in staff member of a route behind `authorize()`; throws 401 if there is none. */
export function currentStaff(c: Context<AppEnv>): SignedInStaff {
  const staff = c.var.staff;
  if (!staff) throw problem(401, { detail: "请先登录。" });
  return staff;
}
