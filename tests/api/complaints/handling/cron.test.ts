import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../../functions/index";
import { call } from "../../staff/factories";
import { act, countRows, makeCase, reload, session } from "./factories";

const DAY = 86_400_000;
/** A fixed clock for the scheduled handler: every date below is relative to it. */
const CLOCK = Date.parse("2026-11-20T02:00:00Z");
const ago = (ms: number) => new Date(CLOCK - ms).toISOString();

async function runCron(at = CLOCK, over: Partial<Env> = {}) {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: at, cron: "*/15 * * * *" }),
    { ...env, ...over },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe("the cron trigger", () => {
  it("marks cases past their deadline once, with an internal system event, and lists them on the board", async () => {
    const late = await makeCase({ state: "in_progress", receivedAt: ago(3 * DAY), dueAt: ago(DAY) });
    const unread = await makeCase({ state: "received", receivedAt: ago(DAY), acceptDueAt: ago(DAY - 30 * 60_000) });
    const onTime = await makeCase({ state: "in_progress", receivedAt: ago(DAY), dueAt: ago(-DAY) });
    const suspended = await makeCase({ state: "suspended", receivedAt: ago(9 * DAY), dueAt: ago(5 * DAY) });
    const closed = await makeCase({ state: "closed_fixed", receivedAt: ago(9 * DAY), dueAt: ago(5 * DAY) });
    await runCron();
    await runCron(CLOCK + 15 * 60_000);
    expect((await reload(late.id)).overdueAt).toBe(new Date(CLOCK).toISOString());
    expect((await reload(unread.id)).overdueAt).not.toBeNull();
    for (const c of [onTime, suspended, closed]) expect((await reload(c.id)).overdueAt, c.state).toBeNull();
    expect(
      await countRows(
        "SELECT count(*) AS n FROM complaint_events WHERE complaint_id = ? AND action = 'mark_overdue' AND is_public = 0",
        late.id,
      ),
    ).toBe(1);

    const { cookie } = await session("dispatcher");
    const board = (await (await call("/api/staff/complaints?view=overdue", { cookie })).json()) as {
      cases: { id: number; overdue: boolean }[];
    };
    expect(board.cases.map((c) => c.id)).toEqual(expect.arrayContaining([late.id, unread.id]));
    expect(board.cases.map((c) => c.id)).not.toContain(onTime.id);
  });

  it("clears the mark when an approved extension gives the case a new deadline", async () => {
    const c = await makeCase({
      state: "in_progress",
      receivedAt: ago(3 * DAY),
      dueAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    await runCron(Date.now());
    const unit = await session("unit_handler", c.unitId);
    const { cookie } = await session("dispatcher");
    const asked = await act(unit.cookie, c.id, "request_extension", {
      version: (await reload(c.id)).version,
      days: 2,
      reason: "需协调",
    });
    expect(asked.status).toBe(200);
    expect((await act(cookie, c.id, "extend", { version: (await reload(c.id)).version })).status).toBe(200);
    expect((await reload(c.id)).overdueAt).toBeNull();
  });

  // 1,200 closed cases inserted and anonymised in chunks: 1.0 s on the two-core machine under load; 30 s leaves room.
  it("anonymises contact details the configured number of days after closure, in chunks, and nothing sooner", async () => {
    const old = await makeCase({
      state: "closed_fixed",
      reporterName: "陈晓梅",
      reporterPhone: "13900001111",
      callbackWanted: true,
      lat: 30.301234,
      lng: 120.151234,
      publicLat: 30.301,
      publicLng: 120.151,
      closedAt: ago(181 * DAY),
    });
    const recent = await makeCase({
      state: "closed_fixed",
      reporterName: "刘建国",
      reporterPhone: "13700002222",
      callbackWanted: true,
      closedAt: ago(179 * DAY),
    });
    const open = await makeCase({ state: "in_progress", reporterPhone: "18600003333", callbackWanted: true });
    // The filings' idempotency records: their hashes were taken over the contact too.
    for (const c of [old, recent]) {
      await env.DB.prepare(
        `INSERT INTO idempotency_keys (key_hash, request_hash, complaint_id, replay_cipher, created_at)
         VALUES (?1, 'hash-over-contact', ?2, 'cipher', ?3)`,
      )
        .bind(`key-${c.id}`, c.id, ago(400 * DAY))
        .run();
    }
    const hashOf = async (id: number) =>
      (
        await env.DB.prepare("SELECT request_hash AS h FROM idempotency_keys WHERE complaint_id = ?1")
          .bind(id)
          .first<{ h: string }>()
      )?.h;
    // More than two chunks of old closed cases with contacts.
    await env.DB.prepare(
      `INSERT INTO complaints (case_number, category_id, community_id, address_text, description, reporter_name,
         reporter_phone, callback_wanted, state, accept_due_at, received_at, closed_at, tracking_hash, updated_at)
       WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 1200)
       SELECT 'A' || i, 'E0102', 'c', '临河路', '旧案件', '赵小燕', '18600003333', 1, 'closed_fixed', ?1, ?1, ?1,
         'anon-' || i, ?1 FROM seq`,
    )
      .bind(ago(400 * DAY))
      .run();
    await runCron();
    const o = await reload(old.id);
    expect(o).toMatchObject({
      reporterName: null,
      reporterPhone: null,
      callbackWanted: false,
      lat: 30.301,
      lng: 120.151,
    });
    expect(o.contactAnonymisedAt).toBe(new Date(CLOCK).toISOString());
    expect(await hashOf(old.id)).toBe("contact-deleted");
    expect((await reload(recent.id)).reporterPhone).toBe("13700002222");
    expect(await hashOf(recent.id)).toBe("hash-over-contact");
    expect((await reload(open.id)).reporterPhone).toBe("18600003333");
    expect(
      await countRows(
        "SELECT count(*) AS n FROM complaints WHERE case_number LIKE 'A%' AND reporter_phone IS NOT NULL",
      ),
    ).toBe(0);

    // A shorter retention set by the environment reaches the recent one too.
    await runCron(CLOCK, { CONTACT_RETENTION_DAYS: "30" });
    expect((await reload(recent.id)).reporterPhone).toBeNull();
    expect(await hashOf(recent.id)).toBe("contact-deleted");
  }, 30_000);
});
