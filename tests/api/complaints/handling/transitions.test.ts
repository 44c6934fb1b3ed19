import { describe, expect, it } from "vitest";
import { actionPermission } from "../../../../functions/routes/staff/route-permissions";
import {
  type Actor,
  nextState,
  PRE_DISPATCH_STATES,
  STAFF_ACTIONS,
  STATE_LABELS,
  STATES,
  type StaffAction,
} from "../../../../src/shared/complaints/states";
import { can } from "../../../../src/shared/staff/roles";
import { call } from "../../staff/factories";
import { act, countRows, makeCase, reload, session, validBody } from "./factories";

const ROLES = ["dispatcher", "admin", "unit_handler"] as const satisfies readonly Actor[];

/** The request a case needs for the approval actions to be possible at all. */
const pendingFor = (action: StaffAction) =>
  action === "extend" || action === "refuse_request" ? "extension" : action === "suspend" ? "suspension" : null;

describe("every staff action in every state, for every role that takes part in the workflow", () => {
  it("hides a case the centre has not dispatched yet from the unit it is routed to", async () => {
    const unit = await session("unit_handler");
    const c = await makeCase({ state: "accepted", unitId: unit.staff.unitId });
    expect((await call(`/api/staff/complaints/${c.id}`, { cookie: unit.cookie })).status).toBe(404);
    const list = (await (await call("/api/staff/complaints?view=queue", { cookie: unit.cookie })).json()) as {
      cases: { id: number }[];
    };
    expect(list.cases.map((x) => x.id)).not.toContain(c.id);
  });

  it.each(STAFF_ACTIONS)(
    "%s succeeds exactly where the transition table allows it, and is refused with 409 naming the state elsewhere",
    async (action) => {
      const handler = await session("unit_handler");
      const unitId = handler.staff.unitId as string;
      const cookies = {
        unit_handler: handler.cookie,
        dispatcher: (await session("dispatcher")).cookie,
        admin: (await session("admin")).cookie,
      };
      const target = await makeCase({ state: "accepted", unitId });
      for (const state of STATES) {
        for (const role of ROLES) {
          const c = await makeCase({ state, unitId, pendingRequest: pendingFor(action), pendingDays: 2 });
          const allowed = nextState(action, state, role) !== null;
          const events = await countRows("SELECT count(*) AS n FROM complaint_events WHERE complaint_id = ?", c.id);
          const res = await act(
            cookies[role],
            c.id,
            action,
            validBody(action, c.version, { unitId, targetCaseNumber: target.caseNumber }),
          );
          const label = `${role} ${action} from ${state}`;
          const permitted = can(role, actionPermission(action));
          if (permitted && role === "unit_handler" && PRE_DISPATCH_STATES.includes(state)) {
            // Not yet dispatched: no unit sees the case at all, even the one it is routed to.
            expect(res.status, label).toBe(404);
            expect((await reload(c.id)).version, label).toBe(c.version);
          } else if (allowed) {
            expect(res.status, label).toBe(200);
            expect((await reload(c.id)).version, label).toBe(c.version + 1);
          } else {
            // Roles without the route's permission are refused before the table is read; roles with
            // it learn the state that stands in the way.
            expect(res.status, label).toBe(permitted ? 409 : 403);
            if (permitted) {
              expect(((await res.json()) as { detail: string }).detail, label).toContain(STATE_LABELS[state]);
            }
            expect((await reload(c.id)).version, label).toBe(c.version);
            expect(await countRows("SELECT count(*) AS n FROM complaint_events WHERE complaint_id = ?", c.id)).toBe(
              events,
            );
          }
        }
      }
    },
    // Every state for three roles: 6.7 s on the two-core machine under load; nine times that.
    60_000,
  );
});
