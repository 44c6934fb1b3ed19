import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { TrackingView } from "../../../src/shared/complaints/wire";
import { fileOk, newIp, ORIGIN, syncUnits, track } from "./factories";

const post = (token: string, path: string, body: unknown) =>
  track(token, path, { method: "POST", body: JSON.stringify(body) });

/** Staff's side is another issue: here a case is closed directly in the database. */
async function closeCase(caseNumber: string, state: "closed_fixed" | "closed_not_fixed", closedAt = new Date()) {
  await env.DB.prepare("UPDATE complaints SET state = ?, closed_at = ?, version = version + 1 WHERE case_number = ?")
    .bind(state, closedAt.toISOString(), caseNumber)
    .run();
}

describe("tracking a complaint", () => {
  beforeEach(syncUnits);

  it("shows the case by the secret sent in a header: state, timeline and the accept deadline", async () => {
    const filed = await fileOk();
    const res = await track(filed.trackingToken);
    expect(res.status).toBe(200);
    const view = (await res.json()) as TrackingView;
    expect(view).toMatchObject({ caseNumber: filed.caseNumber, state: "received", canRate: false, canReopen: false });
    expect(view.timeline.map((e) => e.action)).toEqual(["file"]);
    expect(view.deadlines.accept).toMatchObject({ due: filed.acceptDueAt, met: null, overdue: false });
    // Exposed rubbish (E0102) goes to the community station where it lies.
    expect(view.unitName).toBe("丹枫社区工作站");
  });

  it("never takes the secret from a query string, and says 404 for an unknown one", async () => {
    const filed = await fileOk();
    const inQuery = await exports.default.fetch(`${ORIGIN}/api/complaints/track?t=${filed.trackingToken}`);
    expect(inQuery.status).toBe(422);
    expect((await track("A".repeat(22))).status).toBe(404);
  });

  it("finds a case by its number and the phone given, and refuses a wrong phone the same way as a wrong number", async () => {
    const filed = await fileOk({ phone: "13912345678", callbackWanted: true });
    const lookup = (caseNumber: string, phone: string) =>
      exports.default.fetch(`${ORIGIN}/api/complaints/track/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": newIp() },
        body: JSON.stringify({ caseNumber, phone }),
      });
    const ok = await lookup(filed.caseNumber, "13912345678");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as TrackingView).caseNumber).toBe(filed.caseNumber);
    const wrongPhone = await lookup(filed.caseNumber, "13900000000");
    const wrongCase = await lookup("991231-9999", "13912345678");
    expect(wrongPhone.status).toBe(404);
    expect(await wrongPhone.text()).not.toContain(filed.caseNumber);
    expect(wrongCase.status).toBe(404);
  });

  it("finds a case from its number and phone as people copy them: grouped, without the dash, full-width, +86", async () => {
    const filed = await fileOk({ phone: "13912345678", callbackWanted: true });
    const [day, seq] = filed.caseNumber.split("-") as [string, string];
    const fullWidth = (t: string) => t.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const asTyped: [string, string][] = [
      [`${day.slice(0, 3)} ${day.slice(3)} - ${seq}`, "139 1234 5678"],
      [`${day}${seq}`, "+86 139 1234 5678"],
      [fullWidth(filed.caseNumber), "0086-139-1234-5678"],
      [` ${day}－${seq} `, fullWidth("13912345678")],
    ];
    for (const [caseNumber, phone] of asTyped) {
      const res = await exports.default.fetch(`${ORIGIN}/api/complaints/track/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": newIp() },
        body: JSON.stringify({ caseNumber, phone }),
      });
      expect(res.status, `${caseNumber} / ${phone}`).toBe(200);
      expect(((await res.json()) as TrackingView).caseNumber).toBe(filed.caseNumber);
    }
  });

  it("lets the reporter rate once, only after closure", async () => {
    const filed = await fileOk();
    expect((await post(filed.trackingToken, "/api/complaints/track/rating", { rating: "satisfied" })).status).toBe(409);
    await closeCase(filed.caseNumber, "closed_fixed");
    const rated = await post(filed.trackingToken, "/api/complaints/track/rating", {
      rating: "basically_satisfied",
      comment: "处理及时",
    });
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as TrackingView).rating?.value).toBe("basically_satisfied");
    expect((await post(filed.trackingToken, "/api/complaints/track/rating", { rating: "dissatisfied" })).status).toBe(
      409,
    );
    expect((await post(filed.trackingToken, "/api/complaints/track/rating", { rating: "great" })).status).toBe(422);
  });

  it("lets the reporter reopen within 7 days of closure, back to verification, and not after", async () => {
    const recent = await fileOk();
    await closeCase(recent.caseNumber, "closed_not_fixed");
    const reopened = await post(recent.trackingToken, "/api/complaints/track/reopen", {
      reason: "垃圾又堆起来了，没有清走",
    });
    expect(reopened.status).toBe(200);
    const view = (await reopened.json()) as TrackingView;
    expect(view.state).toBe("reopened");
    expect(view.timeline.at(-1)).toMatchObject({
      action: "reopen",
      state: "reopened",
      note: "垃圾又堆起来了，没有清走",
    });
    const count = await env.DB.prepare("SELECT reopen_count FROM complaints WHERE case_number = ?")
      .bind(recent.caseNumber)
      .first();
    expect(count?.reopen_count).toBe(1);

    const old = await fileOk();
    await closeCase(old.caseNumber, "closed_fixed", new Date(Date.now() - 8 * 86_400_000));
    expect((await post(old.trackingToken, "/api/complaints/track/reopen", { reason: "还是没有修好呢" })).status).toBe(
      409,
    );
  });

  it("turns a race with another change into a 409 and writes no event", async () => {
    const filed = await fileOk();
    await closeCase(filed.caseNumber, "closed_fixed");
    const { app } = await import("../../../functions/app");
    // Another writer bumps the version between this request's read and its write.
    const racing = {
      ...env,
      DB: new Proxy(env.DB, {
        get(target, prop) {
          if (prop === "batch") {
            return async (stmts: D1PreparedStatement[]) => {
              await target
                .prepare("UPDATE complaints SET version = version + 1 WHERE case_number = ?")
                .bind(filed.caseNumber)
                .run();
              return target.batch(stmts);
            };
          }
          const value = Reflect.get(target, prop);
          return typeof value === "function" ? value.bind(target) : value;
        },
      }),
    };
    const res = await app.request(
      "/api/complaints/track/rating",
      {
        method: "POST",
        headers: { "content-type": "application/json", "x-tracking-token": filed.trackingToken },
        body: JSON.stringify({ rating: "satisfied" }),
      },
      racing,
    );
    expect(res.status).toBe(409);
    const row = await env.DB.prepare(
      "SELECT c.rating, (SELECT count(*) FROM complaint_events e WHERE e.complaint_id = c.id) AS events FROM complaints c WHERE case_number = ?",
    )
      .bind(filed.caseNumber)
      .first();
    expect(row).toEqual({ rating: null, events: 1 });
  });
});
