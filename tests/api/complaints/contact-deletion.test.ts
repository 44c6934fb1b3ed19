import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import worker from "../../../functions/index";
import type { TrackingView } from "../../../src/shared/complaints/wire";
import { CONTACT_RETENTION_DAYS } from "../../../src/shared/privacy";
import { chinaDay } from "../../../src/shared/time";
import { instrumentedDb } from "../instrumented-db";
import { call } from "../staff/factories";
import { file, fileOk, newKey, pointIn, syncUnits, tableCounts, track, validComplaint } from "./factories";
import { session } from "./handling/factories";

const CONTACT = "/api/complaints/track/contact";
const del = (token: string) => track(token, CONTACT, { method: "DELETE" });

let seq = 0;
/** A name and a phone no other test writes, so a scan of the whole D1 finds only this case's traces. */
function reporter() {
  seq++;
  return { name: `欧阳测${"甲乙丙丁戊己庚辛"[seq % 8]}${seq}`, phone: `1390${String(Date.now() + seq).slice(-7)}` };
}

/** Every row of every table, every column read as text, that contains `needle`: "table.column" once per hit. */
async function tracesOf(needle: string): Promise<string[]> {
  const tables = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'`,
  ).all<{ name: string }>();
  expect(tables.results.map((t) => t.name)).toEqual(
    expect.arrayContaining(["complaints", "complaint_events", "idempotency_keys", "audit_log"]),
  );
  const hits: string[] = [];
  for (const { name: table } of tables.results) {
    const columns = await env.DB.prepare("SELECT name FROM pragma_table_info(?)").bind(table).all<{ name: string }>();
    for (const { name: column } of columns.results) {
      const found = await env.DB.prepare(
        `SELECT count(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?1) > 0`,
      )
        .bind(needle)
        .first<{ n: number }>();
      if (found?.n) hits.push(`${table}.${column}`);
    }
  }
  return hits;
}

const auditRows = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>())?.n ?? -1;

async function caseRow(caseNumber: string) {
  return env.DB.prepare(
    `SELECT id, reporter_name, reporter_phone, callback_wanted, contact_anonymised_at, lat, public_lat, version
       FROM complaints WHERE case_number = ?`,
  )
    .bind(caseNumber)
    .first<{
      id: number;
      reporter_name: string | null;
      reporter_phone: string | null;
      callback_wanted: number;
      contact_anonymised_at: string | null;
      lat: number | null;
      public_lat: number | null;
      version: number;
    }>();
}

describe("a reporter deletes their contact details through the tracking link (PIPL art. 47)", () => {
  beforeEach(syncUnits);

  it("shows the reporter everything the case holds about them, only to the holder of the secret", async () => {
    const who = reporter();
    const filed = await fileOk({ name: who.name, phone: who.phone, callbackWanted: true });
    const view = (await (await track(filed.trackingToken)).json()) as TrackingView;
    expect(view.personalData).toMatchObject({
      name: who.name,
      phone: who.phone,
      callbackWanted: true,
      addressText: "临河路 88 号 3 单元门口",
      photoCount: 0,
      ratingComment: null,
      contactDeletedAt: null,
    });
    expect(view.personalData?.point?.lat).toBeTypeOf("number");
    // Case number and phone prove less than the link: the lookup shows the case, not the contact.
    const lookup = await call("/api/complaints/track/lookup", {
      method: "POST",
      body: { caseNumber: filed.caseNumber, phone: who.phone },
    });
    expect(lookup.status).toBe(200);
    const looked = (await lookup.json()) as TrackingView;
    expect(looked.personalData).toBeNull();
    expect(JSON.stringify(looked)).not.toContain(who.name);
  });

  it("leaves no trace of the name or phone in any D1 table, the staff case view or the admin's CSV export", async () => {
    const who = reporter();
    const key = newKey();
    const body = validComplaint({
      name: who.name,
      phone: who.phone,
      callbackWanted: true,
      addressText: `临河路 88 号 ${who.name}家门口`,
      description: `垃圾堆在门口三天了，请打 ${who.phone} 找${who.name}`,
    });
    const res = await file(body, { key });
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { caseNumber: string; trackingToken: string };
    const id = (await caseRow(filed.caseNumber))?.id as number;
    // The case as staff handle it: a public reply that names the reporter, and a rating comment.
    await env.DB.prepare(
      `INSERT INTO complaint_events (complaint_id, at, action, from_state, to_state, actor_kind, note)
         VALUES (?, ?, 'reply', 'received', 'received', 'staff', ?)`,
    )
      .bind(id, new Date().toISOString(), `${who.name}您好，我们已安排处理。`)
      .run();
    await env.DB.prepare("UPDATE complaints SET rating_comment = ? WHERE id = ?").bind(`有事打 ${who.phone}`, id).run();
    expect(await tracesOf(who.phone)).toEqual(expect.arrayContaining(["complaints.reporter_phone"]));

    const deleted = await del(filed.trackingToken);
    expect(deleted.status).toBe(200);
    const view = (await deleted.json()) as TrackingView;
    expect(view.personalData).toMatchObject({ name: null, phone: null, callbackWanted: false });
    expect(view.personalData?.contactDeletedAt).toBeTypeOf("string");

    expect(await tracesOf(who.phone)).toEqual([]);
    expect(await tracesOf(who.name)).toEqual([]);
    const row = await caseRow(filed.caseNumber);
    expect(row).toMatchObject({ reporter_name: null, reporter_phone: null, callback_wanted: 0 });
    // The exact point stays for handling; the retention cron coarsens it after closure, so the
    // deletion must not mark the row as already anonymised (the cron walks only unmarked rows).
    expect(row?.contact_anonymised_at).toBeNull();
    expect(row?.lat).toBe(body.lat);

    const audited = await env.DB.prepare(
      "SELECT actor_id, actor_email, target, client_ip FROM audit_log WHERE action = 'complaint.contact_deleted'",
    ).all();
    expect(audited.results).toEqual([{ actor_id: null, actor_email: null, target: filed.caseNumber, client_ip: null }]);

    const admin = await session("admin");
    const detail = await (await call(`/api/staff/complaints/${id}`, { cookie: admin.cookie })).text();
    const contact = await (await call(`/api/staff/complaints/${id}/contact`, { cookie: admin.cookie })).text();
    const today = chinaDay();
    const csv = await (
      await call(`/api/staff/complaints/export.csv?from=${today}&to=${today}`, { cookie: admin.cookie })
    ).text();
    expect(csv).toContain(filed.caseNumber);
    for (const text of [detail, contact, csv]) {
      expect(text).not.toContain(who.phone);
      expect(text).not.toContain(who.name);
    }
    expect(JSON.parse(detail).timeline.map((e: { action: string }) => e.action)).toContain("contact_deleted");

    // A retry of the first filing can no longer be compared with it (the hash went with the contact):
    // a 409 that names the case, and nothing re-created.
    const retried = await file(body, { key });
    expect(retried.status).toBe(409);
    expect(((await retried.json()) as { detail: string }).detail).toContain(filed.caseNumber);
    expect(await tracesOf(who.phone)).toEqual([]);
  });

  it("is one batch, and a second deletion changes nothing and says so", async () => {
    const who = reporter();
    const filed = await fileOk({ name: who.name, phone: who.phone, callbackWanted: true });
    const { env: e, stats } = instrumentedDb();
    const first = await app.request(
      CONTACT,
      { method: "DELETE", headers: { "x-tracking-token": filed.trackingToken } },
      e,
    );
    expect(first.status).toBe(200);
    expect(stats).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
    const before = await tableCounts();
    const again = await del(filed.trackingToken);
    expect(again.status).toBe(200);
    expect(((await again.json()) as TrackingView).personalData?.name).toBeNull();
    expect(await tableCounts()).toEqual(before);
    const audits = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'complaint.contact_deleted' AND target = ?",
    )
      .bind(filed.caseNumber)
      .first<{ n: number }>();
    expect(audits?.n).toBe(1);
  });

  it("writes nothing when any statement of its batch fails", async () => {
    const who = reporter();
    const filed = await fileOk({
      name: who.name,
      phone: who.phone,
      callbackWanted: true,
      description: `门口垃圾没人管，电话 ${who.phone}`,
    });
    const probe = instrumentedDb();
    const headers = { "x-tracking-token": filed.trackingToken };
    const request = (e: typeof env) => app.request(CONTACT, { method: "DELETE", headers }, e);
    // Measure the batch on a twin case, so the case under test still has its contact.
    const twin = await fileOk({ name: who.name, phone: who.phone, callbackWanted: true });
    expect(
      (await app.request(CONTACT, { method: "DELETE", headers: { "x-tracking-token": twin.trackingToken } }, probe.env))
        .status,
    ).toBe(200);
    const statements = probe.stats.statements[0] ?? 0;
    expect(statements).toBeGreaterThanOrEqual(4);
    const before = { ...(await tableCounts()), audit: await auditRows() };
    for (let failAt = 0; failAt < statements; failAt++) {
      const res = await request(instrumentedDb(failAt).env);
      expect(res.status, `statement ${failAt}`).toBe(500);
      expect({ ...(await tableCounts()), audit: await auditRows() }, `statement ${failAt}`).toEqual(before);
      expect(await caseRow(filed.caseNumber), `statement ${failAt}`).toMatchObject({
        reporter_name: who.name,
        reporter_phone: who.phone,
      });
      expect(await tracesOf(who.phone), `statement ${failAt}`).toEqual([
        "complaints.description",
        "complaints.reporter_phone",
      ]);
      const kept = await env.DB.prepare(
        "SELECT count(*) AS n FROM idempotency_keys k JOIN complaints c ON c.id = k.complaint_id WHERE c.case_number = ? AND k.request_hash <> 'contact-deleted'",
      )
        .bind(filed.caseNumber)
        .first<{ n: number }>();
      expect(kept?.n, `statement ${failAt}`).toBe(1);
    }
  });

  it("leaves the exact point to the retention cron, which still coarsens it after the case closed", async () => {
    const who = reporter();
    const at = pointIn();
    const filed = await fileOk({ name: who.name, phone: who.phone, callbackWanted: true, lat: at.lat + 0.00037 });
    expect((await del(filed.trackingToken)).status).toBe(200);
    await env.DB.prepare("UPDATE complaints SET state = 'closed_fixed', closed_at = ? WHERE case_number = ?")
      .bind(new Date(Date.now() - (CONTACT_RETENTION_DAYS + 1) * 86_400_000).toISOString(), filed.caseNumber)
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/15 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const row = await caseRow(filed.caseNumber);
    expect(row?.contact_anonymised_at).toBeTypeOf("string");
    expect(row?.lat).toBe(row?.public_lat);
  });

  it("deletes nothing without the secret, with a wrong one, or through the phone lookup", async () => {
    const who = reporter();
    const filed = await fileOk({ name: who.name, phone: who.phone, callbackWanted: true });
    const before = { ...(await tableCounts()), audit: await auditRows() };
    const absent = await call(CONTACT, { method: "DELETE" });
    expect(absent.status).toBe(422);
    expect(absent.headers.get("content-type")).toContain("application/problem+json");
    const wrong = await del("A".repeat(22));
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get("content-type")).toContain("application/problem+json");
    const malformed = await del(`${filed.trackingToken.slice(0, 21)}!`);
    expect(malformed.status).toBe(422);
    const byPhone = await call(CONTACT, {
      method: "DELETE",
      headers: { "x-case-number": filed.caseNumber, "x-phone": who.phone },
    });
    expect(byPhone.status).toBe(422);
    expect({ ...(await tableCounts()), audit: await auditRows() }).toEqual(before);
    expect(await caseRow(filed.caseNumber)).toMatchObject({ reporter_name: who.name, reporter_phone: who.phone });
    expect(await tracesOf(who.phone)).toEqual(["complaints.reporter_phone"]);
  });
});
