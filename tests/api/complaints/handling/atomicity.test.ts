import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../../../functions/app";
import type { StaffAction } from "../../../../src/shared/complaints/states";
import { jpegWithMetadata } from "../../../unit/fixtures/images";
import { instrumentedDb } from "../../instrumented-db";
import { ORIGIN } from "../../staff/factories";
import { type Case, countRows, makeCase, reload, session } from "./factories";

const photo = () => `data:image/jpeg;base64,${btoa(String.fromCharCode(...jpegWithMetadata()))}`;

/** A staff action through the app with a given environment (an instrumented D1). */
async function actVia(e: typeof env, cookie: string, c: Case, action: StaffAction, body: Record<string, unknown>) {
  return await app.request(
    `/api/staff/complaints/${c.id}/${action}`,
    {
      method: "POST",
      headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", cookie },
      body: JSON.stringify({ version: c.version, ...body }),
    },
    e,
  );
}

/** What an action may change: the case, its events and photos, the audit log, supporters, R2. */
async function footprint(id: number) {
  const c = await reload(id);
  return {
    version: c.version,
    state: c.state,
    events: await countRows("SELECT count(*) AS n FROM complaint_events"),
    photos: await countRows("SELECT count(*) AS n FROM complaint_photos"),
    audit: await countRows("SELECT count(*) AS n FROM audit_log"),
    supporters: await countRows("SELECT total(supporters) AS n FROM complaints"),
    figures: await countRows(
      `SELECT total(abs(received) + abs(responded_on_time) + abs(filed) + abs(due) + abs(closed) + abs(closed_on_time)
        + abs(handled) + abs(reworked) + abs(rated) + abs(satisfied)) AS n FROM complaint_figure_days`,
    ),
    r2: (await env.PHOTOS.list()).objects.length,
  };
}

describe("every staff action is one D1 batch, and a failing write leaves nothing", () => {
  it("writes case, event and audit row (and photo, supporters) in exactly one batch per action", async () => {
    const { cookie } = await session("dispatcher");
    const target = await makeCase({ state: "accepted" });
    const cases: [StaffAction, Case, Record<string, unknown>][] = [
      ["accept", await makeCase(), {}],
      ["merge", await makeCase(), { targetCaseNumber: target.caseNumber }],
      ["dispatch", await makeCase({ state: "accepted" }), { unitId: target.unitId }],
      ["close_fixed", await makeCase({ state: "handled" }), { note: "已解决" }],
    ];
    for (const [action, c, body] of cases) {
      const probe = instrumentedDb();
      const res = await actVia(probe.env, cookie, c, action, body);
      expect(res.status, action).toBe(200);
      expect(probe.stats, action).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
    }
    const handle = await makeCase({ state: "in_progress" });
    const unit = await session("unit_handler", handle.unitId);
    const probe = instrumentedDb();
    expect((await actVia(probe.env, unit.cookie, handle, "handle", { result: "已处理", photo: photo() })).status).toBe(
      200,
    );
    expect(probe.stats).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
  });

  // A failure injected at every statement in turn: 4.1 s on the two-core machine under load; ten times that.
  it("rolls back a merge and a handled report whichever statement fails, and removes the stored photo", async () => {
    const { cookie } = await session("dispatcher");
    const target = await makeCase({ state: "accepted" });
    const handleCase = await makeCase({ state: "in_progress" });
    const unit = await session("unit_handler", handleCase.unitId);
    const runs: [string, Case, (e: typeof env, c: Case) => Promise<Response>][] = [
      ["merge", await makeCase(), (e, c) => actVia(e, cookie, c, "merge", { targetCaseNumber: target.caseNumber })],
      ["handle", handleCase, (e, c) => actVia(e, unit.cookie, c, "handle", { result: "已处理", photo: photo() })],
    ];
    for (const [name, c, send] of runs) {
      const statements = await lengthOf(send, c);
      expect(statements, name).toBeGreaterThanOrEqual(4);
      for (let failAt = 0; failAt < statements; failAt++) {
        const before = await footprint(c.id);
        const res = await send(instrumentedDb(failAt).env, c);
        expect(res.status, `${name} statement ${failAt}`).toBe(500);
        expect(await footprint(c.id), `${name} statement ${failAt}`).toEqual(before);
      }
    }
  }, 40_000);
});

/** The number of statements the action's batch holds, learnt from a run whose first statement fails. */
async function lengthOf(send: (e: typeof env, c: Case) => Promise<Response>, c: Case): Promise<number> {
  const probe = instrumentedDb(0);
  await send(probe.env, c);
  return probe.stats.statements[0] ?? 0;
}
