import type { Permission } from "../../../src/shared/staff";

/**
 * Every staff endpoint and what it takes: "public" (signing in), or a permission from the shared
 * table. `authorize()` refuses an endpoint missing here, and the authorization test fails on it, so
 * no route can be added without deciding who may call it.
 */
export const STAFF_ROUTE_PERMISSIONS: Record<string, Permission | "public"> = {
  "POST /api/staff/auth/login": "public",
  "POST /api/staff/auth/logout": "account:self",
  "GET /api/staff/auth/me": "account:self",
  "POST /api/staff/auth/password": "account:self",
  "GET /api/staff/accounts": "staff:manage",
  "POST /api/staff/accounts": "staff:manage",
  "PATCH /api/staff/accounts/:id": "staff:manage",
  "GET /api/staff/units": "units:read",
  "GET /api/staff/audit": "audit:read",
};
