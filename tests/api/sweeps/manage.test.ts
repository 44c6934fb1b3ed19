import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../functions/index";
import { OFFER_HOURS } from "../../../src/shared/sweeps/rules";
import type { CancelResult, ManageView } from "../../../src/shared/sweeps/wire";
import { makeSweep, manage, signUpOk, statuses } from "./factories";

const HOUR = 3_600_000;

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/15 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

const view = async (token: string) => (await (await manage(token)).json()) as ManageView;
const messages = async (signupId: number) =>
  (
    await env.DB.prepare("SELECT kind FROM sweep_messages WHERE signup_id = ? ORDER BY id")
      .bind(signupId)
      .all<{ kind: string }>()
  ).results.map((m) => m.kind);

describe("the manage link", () => {
  it("shows the status, the place on the waitlist and the messages; the secret travels only in a header", async () => {
    const s = await makeSweep({ capacity: 1 });
    const first = await signUpOk(s.id);
    const second = await signUpOk(s.id);
    const v = await view(second.manageToken);
    expect(v.signup).toMatchObject({ status: "waitlisted", position: 1, canCancel: true, cancelIsLate: false });
    expect(v.sweep.id).toBe(s.id);
    expect(v.messages.map((m) => m.kind)).toEqual(["waitlisted"]);
    expect(v.messages[0]?.text).toContain("候补");
    expect((await view(first.manageToken)).signup.status).toBe("confirmed");
    expect((await manage("A".repeat(22))).status).toBe(404);
    expect((await manage("short")).status).toBe(422);
  });

  it("cancelling offers the freed place to the first person waiting, in the same batch", async () => {
    const s = await makeSweep({ capacity: 1 });
    const a = await signUpOk(s.id);
    const b = await signUpOk(s.id);
    const c = await signUpOk(s.id);
    const res = await manage(a.manageToken, "DELETE");
    expect(res.status).toBe(200);
    expect((await res.json()) as CancelResult).toEqual({ status: "cancelled", offeredToNext: true });
    const vb = await view(b.manageToken);
    expect(vb.signup.status).toBe("offered");
    expect(Date.parse(vb.signup.offeredUntil ?? "") - Date.now()).toBeGreaterThan((OFFER_HOURS - 1) * HOUR);
    expect(vb.messages.map((m) => m.kind)).toEqual(["offered", "waitlisted"]);
    expect((await view(c.manageToken)).signup).toMatchObject({ status: "waitlisted", position: 1 });
    // A second cancel writes nothing.
    expect((await manage(a.manageToken, "DELETE")).status).toBe(409);
    // The offer is confirmed once.
    expect((await manage(b.manageToken, "POST", "/confirm")).status).toBe(200);
    expect((await manage(b.manageToken, "POST", "/confirm")).status).toBe(409);
    expect((await view(b.manageToken)).signup.status).toBe("confirmed");
  });

  it("counts a cancellation after the cut-off as late", async () => {
    const s = await makeSweep({ capacity: 2, inHours: 10, cutoffHours: 24 });
    const a = await signUpOk(s.id);
    expect((await view(a.manageToken)).signup.cancelIsLate).toBe(true);
    expect(((await (await manage(a.manageToken, "DELETE")).json()) as CancelResult).status).toBe("late_cancelled");
  });

  it("50 concurrent cancellations offer each freed place once and promote each waiting person at most once", async () => {
    const s = await makeSweep({ capacity: 50, waitlistLimit: 100 });
    const confirmed = [];
    for (let i = 0; i < 50; i++) confirmed.push(await signUpOk(s.id));
    const waiting = [];
    for (let i = 0; i < 30; i++) waiting.push(await signUpOk(s.id));
    const answers = await Promise.all(confirmed.map((x) => manage(x.manageToken, "DELETE")));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const rows = await statuses(s.id);
    const offered = rows.filter((r) => r.status === "offered");
    expect(offered).toHaveLength(30);
    // Each promoted person got exactly one offer message.
    for (const o of offered) expect(await messages(o.id)).toEqual(["waitlisted", "offered"]);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(0);
  });

  it("two concurrent cancellations for one place left offer it to two different people", async () => {
    const s = await makeSweep({ capacity: 2 });
    const a = await signUpOk(s.id);
    const b = await signUpOk(s.id);
    const w1 = await signUpOk(s.id);
    const w2 = await signUpOk(s.id);
    const w3 = await signUpOk(s.id);
    await Promise.all([manage(a.manageToken, "DELETE"), manage(b.manageToken, "DELETE")]);
    expect((await view(w1.manageToken)).signup.status).toBe("offered");
    expect((await view(w2.manageToken)).signup.status).toBe("offered");
    expect((await view(w3.manageToken)).signup).toMatchObject({ status: "waitlisted", position: 1 });
  });

  it("the cron withdraws an offer not confirmed in time and offers the place to the next", async () => {
    const s = await makeSweep({ capacity: 1, inHours: 72 });
    const a = await signUpOk(s.id);
    const b = await signUpOk(s.id);
    const c = await signUpOk(s.id);
    await manage(a.manageToken, "DELETE");
    expect((await view(b.manageToken)).signup.status).toBe("offered");
    await runCron(Date.now() + HOUR); // still within the offer
    expect((await view(b.manageToken)).signup.status).toBe("offered");
    await runCron(Date.now() + (OFFER_HOURS + 1) * HOUR);
    const vb = await view(b.manageToken);
    expect(vb.signup.status).toBe("cancelled");
    expect(vb.messages.map((m) => m.kind)).toContain("offer_expired");
    expect((await view(c.manageToken)).signup.status).toBe("offered");
    expect((await manage(b.manageToken, "POST", "/confirm")).status).toBe(409);
    // A second run changes nothing more.
    const before = await statuses(s.id);
    await runCron(Date.now() + (OFFER_HOURS + 2) * HOUR);
    expect(await statuses(s.id)).toEqual(before);
  });
});
