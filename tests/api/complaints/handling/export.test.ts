import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../../staff/factories";
import { countRows, makeCase, session } from "./factories";

const cst = (s: string) => new Date(`${s}+08:00`).toISOString();
const contact = { reporterName: "陈晓梅", reporterPhone: "13900001111", callbackWanted: true };

describe("staff see contact details only as far as their role needs", () => {
  it("exports a period's cases as CSV, with contact columns for admins only, and audits each export", async () => {
    const inside = await makeCase({ ...contact, receivedAt: cst("2026-10-10T09:00:00") });
    const outside = await makeCase({ ...contact, receivedAt: cst("2026-11-01T00:10:00") });
    const admin = await session("admin");
    const dispatcher = await session("dispatcher");
    const url = "/api/staff/complaints/export.csv?from=2026-10-01&to=2026-10-31";

    const forAdmin = await call(url, { cookie: admin.cookie });
    expect(forAdmin.headers.get("content-type")).toContain("text/csv");
    const adminCsv = await forAdmin.text();
    expect(adminCsv.split("\r\n")[0]).toContain("联系电话");
    expect(adminCsv).toContain(inside.caseNumber);
    expect(adminCsv).toContain("13900001111");
    expect(adminCsv).not.toContain(outside.caseNumber);
    // Times in China time with their offset, as staff read them in a spreadsheet.
    expect(adminCsv).toContain("2026-10-10T09:00:00+08:00");
    expect(adminCsv).not.toContain("2026-10-10T01:00:00");

    const dispatcherCsv = await (await call(url, { cookie: dispatcher.cookie })).text();
    expect(dispatcherCsv).toContain(inside.caseNumber);
    expect(dispatcherCsv).not.toContain("联系电话");
    expect(dispatcherCsv).not.toContain("13900001111");
    expect(dispatcherCsv).not.toContain("陈晓梅");
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'complaint.exported'")).toBe(2);
  });

  it("masks phone numbers residents typed into free text for a role without the contact permission", async () => {
    const typed = "请打 139 1234 5678 或 +86-138-0013-8000，物业 0571-8888 6666";
    await makeCase({
      description: typed,
      addressText: "临河路 88 号（电话１５９００００１１１１）",
      receivedAt: cst("2026-08-12T10:00:00"),
    });
    const url = "/api/staff/complaints/export.csv?from=2026-08-12&to=2026-08-12";
    const dispatcherCsv = await (await call(url, { cookie: (await session("dispatcher")).cookie })).text();
    expect(dispatcherCsv).toContain("请打 139****5678 或 138****8000，物业 057****6666");
    expect(dispatcherCsv).toContain("（电话159****1111）");
    for (const digits of ["1234 5678", "0013-8000", "8888 6666", "１５９００００"]) {
      expect(dispatcherCsv).not.toContain(digits);
    }
    const adminCsv = await (await call(url, { cookie: (await session("admin")).cookie })).text();
    expect(adminCsv).toContain(typed);
  });

  // More rows than one read chunk: 1.9 s on the two-core machine under load; 30 s leaves room.
  it("streams more rows than one read chunk, each case once", async () => {
    const { cookie } = await session("dispatcher");
    await env.DB.prepare(
      `INSERT INTO complaints (case_number, category_id, community_id, address_text, description, state,
         accept_due_at, received_at, tracking_hash, updated_at)
       WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 2500)
       SELECT 'X' || i, 'E0102', 'c', '临河路', '导出测试', 'received', ?1, ?1, 'export-' || i, ?1 FROM seq`,
    )
      .bind(cst("2026-09-15T10:00:00"))
      .run();
    const csv = await (await call("/api/staff/complaints/export.csv?from=2026-09-15&to=2026-09-15", { cookie })).text();
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(2500);
  }, 30_000);

  it("shows the case page masked, and reveals a callback number only on request, audited", async () => {
    const c = await makeCase(contact);
    const { cookie } = await session("dispatcher");
    const detail = (await (await call(`/api/staff/complaints/${c.id}`, { cookie })).json()) as {
      reporter: { name: string; phone: string };
    };
    expect(detail.reporter).toMatchObject({ name: "陈**", phone: "139****1111" });
    const revealed = await call(`/api/staff/complaints/${c.id}/contact`, { cookie });
    expect(await revealed.json()).toEqual({ name: "陈晓梅", phone: "13900001111" });
    expect(
      await countRows(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'complaint.contact_viewed' AND target = ?",
        c.caseNumber,
      ),
    ).toBe(1);
    const none = await makeCase();
    expect((await call(`/api/staff/complaints/${none.id}/contact`, { cookie })).status).toBe(404);
  });
});
