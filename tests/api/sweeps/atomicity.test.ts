import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { instrumentedDb } from "../instrumented-db";
import { makeSweep, newIp, newKey, rowCounts, signUpOk, statuses, validSignup } from "./factories";

const signUpVia = (e: ReturnType<typeof instrumentedDb>["env"], sweepId: string) =>
  app.request(
    `/api/sweeps/${sweepId}/signups`,
    {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": newKey(), "cf-connecting-ip": newIp() },
      body: JSON.stringify(validSignup()),
    },
    e,
  );

const cancelVia = (e: ReturnType<typeof instrumentedDb>["env"], token: string) =>
  app.request("/api/sweeps/manage", { method: "DELETE", headers: { "x-manage-token": token } }, e);

describe("every sweeps mutation is one D1 batch, all or nothing", () => {
  it("signs up in exactly one batch and no other write", async () => {
    const s = await makeSweep();
    const { env: e, stats } = instrumentedDb();
    expect((await signUpVia(e, s.id)).status).toBe(201);
    expect(stats).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
  });

  it("a failure at any statement of a sign-up leaves no row", async () => {
    const s = await makeSweep();
    for (let failAt = 0; failAt < 4; failAt++) {
      const before = await rowCounts();
      const { env: e } = instrumentedDb(failAt);
      expect((await signUpVia(e, s.id)).status, `fail at ${failAt}`).toBe(500);
      expect(await rowCounts(), `fail at ${failAt}`).toEqual(before);
    }
  });

  it("cancels and offers in exactly one batch; a failure at any statement changes nothing", async () => {
    const s = await makeSweep({ capacity: 1 });
    const a = await signUpOk(s.id);
    await signUpOk(s.id);
    const before = { rows: await statuses(s.id), counts: await rowCounts() };
    for (let failAt = 0; failAt < 4; failAt++) {
      const { env: e } = instrumentedDb(failAt);
      expect((await cancelVia(e, a.manageToken)).status, `fail at ${failAt}`).toBe(500);
      expect({ rows: await statuses(s.id), counts: await rowCounts() }, `fail at ${failAt}`).toEqual(before);
    }
    const { env: e, stats } = instrumentedDb();
    expect((await cancelVia(e, a.manageToken)).status).toBe(200);
    expect(stats).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["cancelled", "offered"]);
  });
});
