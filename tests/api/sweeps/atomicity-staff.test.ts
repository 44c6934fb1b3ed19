import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CreatedSweeps } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { makeStaff, signIn } from "../staff/factories";
import { allOrNothing, staffVia } from "./all-or-nothing";
import { makeSweep, signUpOk, staffPlace, staffSweepFields, statuses } from "./factories";

// The staff's sweeps mutations, each one D1 batch with its audit row: a failure injected at each
// statement in turn answers 500 and leaves every sweeps table and the audit log as they were.

const coordinator = async () => signIn((await makeStaff("volunteer_coordinator")).email);

describe("every staff sweeps mutation is one D1 batch with its audit row, all or nothing", () => {
  it("creates a series of sweeps and its audit row in one batch", async () => {
    const cookie = await coordinator();
    const body = {
      ...staffSweepFields({ capacity: 2 }),
      firstDay: addDays(chinaDay(), 5),
      weeks: 2,
      places: [staffPlace(3), staffPlace(4)],
    };
    const { answer, length } = await allOrNothing("create series", (e) => staffVia(e, cookie, "", "POST", body), {
      ok: 201,
    });
    expect(length).toBe(5); // four sweeps and the audit row
    expect(((await (answer as Response).json()) as CreatedSweeps).sweeps).toHaveLength(4);
  });

  it("changes a sweep, tells the people signed up and offers added places, in one batch", async () => {
    const cookie = await coordinator();
    const s = await makeSweep({ capacity: 1, inHours: 96 });
    await signUpOk(s.id);
    await signUpOk(s.id);
    const body = { ...staffSweepFields({ capacity: 2 }), ...staffPlace(0), day: addDays(chinaDay(), 5), version: 1 };
    const { length } = await allOrNothing("edit", (e) => staffVia(e, cookie, `/${s.id}`, "PATCH", body));
    expect(length).toBeGreaterThanOrEqual(5);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["confirmed", "offered"]);
  });

  it("cancels a sweep and tells everyone, in one batch", async () => {
    const cookie = await coordinator();
    const s = await makeSweep({ capacity: 1 });
    const a = await signUpOk(s.id);
    await signUpOk(s.id);
    await signUpOk(s.id);
    expect(a.status).toBe("confirmed");
    const body = { version: 1, reason: "暴雨预警" };
    const { length } = await allOrNothing("cancel sweep", (e) => staffVia(e, cookie, `/${s.id}/cancel`, "POST", body));
    expect(length).toBeGreaterThanOrEqual(3);
    const row = await env.DB.prepare("SELECT state FROM sweeps WHERE id = ?").bind(s.id).first();
    expect(row).toEqual({ state: "cancelled" });
  });

  it("sets a period's community targets, replacing the period's earlier ones, in one batch with its audit row", async () => {
    const cookie = await coordinator();
    const from = addDays(chinaDay(), 200);
    const put = (total: number) => ({ from, to: addDays(from, 27), kind: "places", total });
    expect((await staffVia(env, cookie, "/targets", "PUT", put(120))).status).toBe(200);
    const { length } = await allOrNothing("targets", (e) => staffVia(e, cookie, "/targets", "PUT", put(240)));
    expect(length).toBeGreaterThanOrEqual(3);
  });

  it("audits a look at the roster in one batch: a roster not audited is not shown", async () => {
    const cookie = await coordinator();
    const s = await makeSweep();
    await signUpOk(s.id);
    await allOrNothing("roster", (e) => staffVia(e, cookie, `/${s.id}/signups?contacts=1`, "GET"));
    await allOrNothing("roster CSV", (e) => staffVia(e, cookie, `/${s.id}/signups.csv?contacts=1`, "GET"));
  });
});
