import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { session } from "./complaints/handling/factories";
import { call, ORIGIN } from "./staff/factories";

// Every endpoint that takes a date refuses a day that does not exist, a reversed period and one
// longer than the endpoint allows, with the same 422 problem and a pointer at the field, and
// writes nothing (src/shared/period.ts).

type Problem = { status: number; errors: { pointer: string; detail: string }[] };

async function expectRefused(res: Response, pointer: string) {
  expect(res.status, res.url).toBe(422);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(body.errors.map((e) => e.pointer)).toEqual([pointer]);
  return body.errors[0]?.detail;
}

const auditRows = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>())?.n ?? 0;

const publicGet = (path: string) => exports.default.fetch(`${ORIGIN}${path}`);

describe("dates in requests", () => {
  it("open data refuses impossible days, reversed and overlong periods", async () => {
    for (const file of ["open-data.json", "open-data.csv"]) {
      expect(
        await expectRefused(await publicGet(`/api/complaints/${file}?from=2026-02-31&to=2026-03-01`), "#/from"),
      ).toBe("起始日期不存在，请检查月份和日期");
      await expectRefused(await publicGet(`/api/complaints/${file}?from=2026-13-01&to=2026-12-01`), "#/from");
      await expectRefused(await publicGet(`/api/complaints/${file}?from=2026-02-01&to=2026-02-29`), "#/to");
      expect(
        await expectRefused(await publicGet(`/api/complaints/${file}?from=2026-03-02&to=2026-03-01`), "#/to"),
      ).toBe("起始日期不能晚于结束日期");
      expect(
        await expectRefused(await publicGet(`/api/complaints/${file}?from=2025-01-01&to=2026-06-30`), "#/to"),
      ).toBe("时间段最长一年");
    }
    // 366 days, both ends included, is the longest period (a year's download, leap years too).
    expect((await publicGet("/api/complaints/open-data.json?from=2025-12-31&to=2026-12-31")).status).toBe(200);
    await expectRefused(await publicGet("/api/complaints/open-data.json?from=2025-12-30&to=2026-12-31"), "#/to");
  });

  it("the public figures refuse a month that does not exist", async () => {
    await expectRefused(await publicGet("/api/complaints/figures?month=2026-13"), "#/month");
    await expectRefused(await publicGet("/api/complaints/figures?month=2026-00"), "#/month");
    expect((await publicGet("/api/complaints/figures?month=2026-02")).status).toBe(200);
  });

  it("the staff figures refuse impossible days, reversed and overlong periods", async () => {
    const { cookie } = await session("viewer");
    const figures = (q: string) => call(`/api/staff/figures?${q}`, { cookie });
    await expectRefused(await figures("from=2026-02-31&to=2026-03-31"), "#/from");
    await expectRefused(await figures("from=2026-01-01&to=2026-13-01"), "#/to");
    await expectRefused(await figures("from=2026-10-31&to=2026-10-01&by=category"), "#/to");
    // 2025-01-01 to 2026-01-01 is 366 days, both included: the longest period.
    expect((await figures("from=2025-01-01&to=2026-01-01")).status).toBe(200);
    await expectRefused(await figures("from=2025-01-01&to=2026-01-02"), "#/to");
    // A leap year is not too long.
    expect((await figures("from=2028-01-01&to=2028-12-31")).status).toBe(200);
  });

  it("the case export refuses them too, and audits no export", async () => {
    const { cookie } = await session("dispatcher");
    const before = await auditRows();
    const exportOf = (q: string) => call(`/api/staff/complaints/export.csv?${q}`, { cookie });
    await expectRefused(await exportOf("from=2026-02-29&to=2026-03-31"), "#/from");
    await expectRefused(await exportOf("from=2026-12-01&to=2026-13-01"), "#/to");
    await expectRefused(await exportOf("from=2026-10-31&to=2026-10-01"), "#/to");
    await expectRefused(await exportOf("from=2024-01-01&to=2026-10-01"), "#/to");
    expect(await auditRows()).toBe(before);
  });

  it("the audit log refuses impossible days and a reversed period", async () => {
    const { cookie } = await session("admin");
    const audit = (q: string) => call(`/api/staff/audit?${q}`, { cookie });
    await expectRefused(await audit("from=2026-02-31"), "#/from");
    await expectRefused(await audit("to=2026-13-01"), "#/to");
    await expectRefused(await audit("from=2026-03-02&to=2026-03-01"), "#/to");
    expect((await audit("from=2026-03-01")).status).toBe(200);
  });
});
