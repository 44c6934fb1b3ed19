import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { ANONYMISED_NAME } from "../../../functions/db/sweeps/retention";
import { sweepHousekeeping } from "../../../functions/lib/sweeps/cron";
import { anonymiseSweepContacts } from "../../../functions/lib/sweeps/retention";
import { cloudflarePlatform } from "../../../functions/platform/cloudflare";
import { CONSENT_HOLD_HOURS, OFFER_HOURS } from "../../../src/shared/sweeps/rules";
import { chinaDay } from "../../../src/shared/time";
import { allOrNothing } from "./all-or-nothing";
import { moveSweep } from "./day-factories";
import { makeSweep, manage, newIp, newKey, newPhone, signUp, signUpOk, statuses, validSignup } from "./factories";

// Every public sweeps mutation is one D1 batch: a failure injected at each of its statements in turn
// (tests/api/instrumented-db.ts) answers 500 and leaves every sweeps table and the audit log as they
// were; run whole, it is exactly one write batch and no other write. The staff's and the day's
// mutations: atomicity-staff.test.ts.

const HOUR = 3_600_000;
type E = typeof env;

const signUpVia = (e: E, sweepId: string, body: unknown, key: string) =>
  app.request(
    `/api/sweeps/${sweepId}/signups`,
    {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key, "cf-connecting-ip": newIp() },
      body: JSON.stringify(body),
    },
    e,
  );

const manageVia = (e: E, token: string, method: string, path = "") =>
  app.request(
    `/api/sweeps/manage${path}`,
    { method, headers: { "x-manage-token": token, "cf-connecting-ip": newIp() } },
    e,
  );

describe("every public sweeps mutation is one D1 batch, all or nothing", () => {
  it("signs up in one batch; a failure at any statement leaves no row", async () => {
    const s = await makeSweep();
    const body = validSignup();
    const key = newKey();
    const { length } = await allOrNothing("sign-up", (e) => signUpVia(e, s.id, body, key), { ok: 201 });
    // The sign-up (returning its status and place), its messages, the idempotency record.
    expect(length).toBe(3);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["confirmed"]);
  });

  it("signs up to a waitlist in one batch, all or nothing", async () => {
    const s = await makeSweep({ capacity: 1 });
    await signUpOk(s.id);
    const body = validSignup();
    const key = newKey();
    await allOrNothing("waitlisted sign-up", (e) => signUpVia(e, s.id, body, key), { ok: 201 });
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["confirmed", "waitlisted"]);
  });

  it("cancels and offers the place in one batch; a failure at any statement changes nothing", async () => {
    const s = await makeSweep({ capacity: 1 });
    const a = await signUpOk(s.id);
    await signUpOk(s.id);
    const { length } = await allOrNothing("cancel and offer", (e) => manageVia(e, a.manageToken, "DELETE"));
    expect(length).toBeGreaterThanOrEqual(4);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["cancelled", "offered"]);
  });

  it("confirms an offered place in one batch, all or nothing", async () => {
    const s = await makeSweep({ capacity: 1 });
    const a = await signUpOk(s.id);
    const b = await signUpOk(s.id);
    expect((await manage(a.manageToken, "DELETE")).status).toBe(200);
    const { length } = await allOrNothing("confirm offer", (e) => manageVia(e, b.manageToken, "POST", "/confirm"));
    expect(length).toBeGreaterThanOrEqual(2);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["cancelled", "confirmed"]);
  });

  it("the cron releases lapsed holds, withdraws lapsed offers and offers their places in one batch, all or nothing", async () => {
    const s = await makeSweep({ capacity: 1 });
    const a = await signUpOk(s.id);
    await signUpOk(s.id);
    await signUpOk(s.id);
    expect((await manage(a.manageToken, "DELETE")).status).toBe(200);
    // A minor's place held for a guardian who never answers, and someone waiting behind it.
    const held = await makeSweep({ capacity: 1, minAge: 14 });
    const year = Number(chinaDay(new Date(held.startsAt)).slice(0, 4));
    const minor = validSignup({ birthMonth: `${year - 16}-01`, guardianName: "王大明", guardianPhone: newPhone() });
    expect((await signUp(held.id, minor)).status).toBe(201);
    await signUpOk(held.id);
    const later = new Date(Date.now() + (Math.max(OFFER_HOURS, CONSENT_HOLD_HOURS) + 1) * HOUR);
    const cron = async (e: E) => {
      try {
        await sweepHousekeeping(cloudflarePlatform(e).batch, { LOG_LEVEL: "silent" }, later);
        return 200;
      } catch {
        return 500;
      }
    };
    // The cron's later steps (reminders, retention, the outbox) are batches of their own.
    const { length } = await allOrNothing("holds and offers", cron, { laterBatches: true });
    expect(length).toBeGreaterThanOrEqual(6);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["cancelled", "cancelled", "offered"]);
    expect((await statuses(held.id)).map((r) => r.status)).toEqual(["released", "offered"]);
  });

  it("contact retention anonymises a chunk of sign-ups with their idempotency records in one batch, all or nothing", async () => {
    const s = await makeSweep();
    await signUpOk(s.id);
    await signUpOk(s.id);
    await moveSweep(s.id, -24 * 400, -24 * 400 + 3);
    const retention = async (e: E) => {
      try {
        await anonymiseSweepContacts(cloudflarePlatform(e).batch, new Date());
        return 200;
      } catch {
        return 500;
      }
    };
    // The groups' chunk is a batch of its own, after the sign-ups'.
    const { length } = await allOrNothing("retention", retention, { laterBatches: true });
    expect(length).toBeGreaterThanOrEqual(2);
    const { results } = await env.DB.prepare("SELECT name, phone FROM sweep_signups WHERE sweep_id = ?")
      .bind(s.id)
      .all();
    expect(results).toEqual([
      { name: ANONYMISED_NAME, phone: "" },
      { name: ANONYMISED_NAME, phone: "" },
    ]);
  });
});
