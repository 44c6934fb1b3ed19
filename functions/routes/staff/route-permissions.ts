import { APPLICATION_ACTION_PATHS } from "../../../src/shared/appointments/applications";
import { type Actor, STAFF_ACTIONS, type StaffAction, TRANSITIONS } from "../../../src/shared/complaints/states";
import type { Permission } from "../../../src/shared/staff/roles";

/** The permission an action's endpoint takes, from who the transition table lets act. */
export function actionPermission(action: StaffAction): Permission {
  const by = TRANSITIONS[action].by as readonly Actor[];
  const dispatch = by.includes("dispatcher");
  const unit = by.includes("unit_handler");
  return dispatch && unit ? "complaints:reply" : unit ? "complaints:handle" : "complaints:dispatch";
}

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
  "GET /api/staff/complaints": "complaints:read",
  "GET /api/staff/complaints/export.csv": "complaints:export",
  "GET /api/staff/complaints/:id": "complaints:read",
  "GET /api/staff/complaints/:id/contact": "complaints:contact",
  "GET /api/staff/complaints/:id/photos/:photoId": "complaints:read",
  ...Object.fromEntries(STAFF_ACTIONS.map((a) => [`POST /api/staff/complaints/:id/${a}`, actionPermission(a)])),
  "GET /api/staff/figures": "figures:read",
  "GET /api/staff/sweeps": "sweeps:manage",
  "POST /api/staff/sweeps": "sweeps:manage",
  "PATCH /api/staff/sweeps/:id": "sweeps:manage",
  "POST /api/staff/sweeps/:id/cancel": "sweeps:manage",
  "GET /api/staff/sweeps/:id/signups": "sweeps:manage",
  // The outbox (routes/sweeps/staff-outbox.ts): contacts in it need sweeps:contact as well.
  "GET /api/staff/sweeps/outbox": "sweeps:manage",
  // Balance over communities (routes/sweeps/staff-balance.ts): targets and figures, counts only.
  "GET /api/staff/sweeps/targets": "sweeps:figures",
  "PUT /api/staff/sweeps/targets": "sweeps:manage",
  "GET /api/staff/sweeps/figures": "sweeps:figures",
  "GET /api/staff/sweeps/coverage": "sweeps:figures",
  "GET /api/staff/sweeps/:id/signups.csv": "sweeps:manage",
  // On the day and after (routes/sweeps/staff-day.ts): leader link, the leader's page by id, hours.
  "POST /api/staff/sweeps/:id/leader-link": "sweeps:manage",
  "GET /api/staff/sweeps/:id/day": "sweeps:manage",
  "POST /api/staff/sweeps/:id/day/checkin": "sweeps:manage",
  "POST /api/staff/sweeps/:id/day/checkout": "sweeps:manage",
  "POST /api/staff/sweeps/:id/day/no-show": "sweeps:manage",
  "POST /api/staff/sweeps/:id/day/undo": "sweeps:manage",
  "POST /api/staff/sweeps/:id/day/walk-ins": "sweeps:manage",
  "GET /api/staff/sweeps/:id/hours": "sweeps:manage",
  "POST /api/staff/sweeps/:id/hours/approve": "sweeps:manage",
  "PATCH /api/staff/sweeps/:id/signups/:signupId/minutes": "sweeps:manage",
  // Certificates (routes/sweeps/staff-certificates.ts): find a person's, revoke one.
  "GET /api/staff/sweeps/certificates": "sweeps:manage",
  "POST /api/staff/sweeps/certificates/:number/revoke": "sweeps:manage",
  // The service point's desk (routes/appointments/staff.ts): a clerk reaches only their own point.
  "GET /api/staff/appointments/points": "appointments:read",
  "GET /api/staff/appointments/points/:pointId/day": "appointments:read",
  "POST /api/staff/appointments/points/:pointId/bookings/:id/check-in": "appointments:desk",
  "POST /api/staff/appointments/points/:pointId/bookings/:id/no-show": "appointments:desk",
  "POST /api/staff/appointments/points/:pointId/bookings/:id/undo": "appointments:desk",
  "PUT /api/staff/appointments/points/:pointId/bookings/:id/note": "appointments:desk",
  "POST /api/staff/appointments/points/:pointId/walk-ins": "appointments:desk",
  // The staff calendar (routes/appointments/staff-calendar.ts): template and closures at one's own
  // point; a closure is reopened by its id, its point checked as the desk's are.
  "GET /api/staff/appointments/points/:pointId/calendar": "appointments:read",
  "PUT /api/staff/appointments/points/:pointId/template": "appointments:calendar",
  "GET /api/staff/appointments/points/:pointId/closures/affected": "appointments:calendar",
  "POST /api/staff/appointments/points/:pointId/closures": "appointments:calendar",
  "DELETE /api/staff/appointments/closures/:id": "appointments:calendar",
  // Signboard applications (routes/appointments/staff-applications.ts): the queue and the overdue
  // board are read like the day (the centre sees every point), the steps are the point's own.
  "GET /api/staff/appointments/applications": "appointments:read",
  "GET /api/staff/appointments/applications/overdue": "appointments:read",
  "GET /api/staff/appointments/applications/:number": "appointments:read",
  "POST /api/staff/appointments/applications/intake": "appointments:applications",
  // The service points' figures (routes/appointments/staff-figures.ts): a clerk's own point only.
  "GET /api/staff/appointments/figures": "appointments:figures",
  // A booking's design drawing (routes/appointments/drawing.ts), read at the desk of its point.
  "GET /api/staff/appointments/points/:pointId/bookings/:id/drawing": "appointments:read",
  // Open311 API keys (routes/open311/staff.ts): admins only; every issue and revocation audited.
  "GET /api/staff/open311/keys": "open311:keys",
  "POST /api/staff/open311/keys": "open311:keys",
  "POST /api/staff/open311/keys/:id/revoke": "open311:keys",
  ...Object.fromEntries(
    Object.values(APPLICATION_ACTION_PATHS).map((p) => [
      `POST /api/staff/appointments/applications/:number/${p}`,
      "appointments:applications" as const,
    ]),
  ),
};

/**
 * Endpoints that work on one case: a unit-bound role reaches only its own unit's cases there (they
 * load the case through `loadCase`). The authorization test calls each with another unit's case.
 */
export const UNIT_SCOPED_ROUTES = Object.keys(STAFF_ROUTE_PERMISSIONS).filter((k) =>
  k.includes("/api/staff/complaints/:id"),
);

/**
 * Endpoints that work on one service point: a service point's clerk reaches only the point their
 * unit works there (they load it through `deskPointOf`). The authorization test calls each with another point.
 */
export const POINT_SCOPED_ROUTES = Object.keys(STAFF_ROUTE_PERMISSIONS).filter((k) =>
  k.includes("/api/staff/appointments/points/:pointId"),
);
