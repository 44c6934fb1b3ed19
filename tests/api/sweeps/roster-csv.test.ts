import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ROSTER_COLUMNS } from "../../../functions/routes/sweeps/staff-roster";
import { can, ROLES, type Role } from "../../../src/shared/staff/roles";
import { call, makeStaff, signIn } from "../staff/factories";
import { makeSweep, signUpOk } from "./factories";

const asRole = async (role: Role) => signIn((await makeStaff(role)).email);

const exports = async (sweepId: string) =>
  (
    await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'sweep.roster_exported' AND target = ? ORDER BY id",
    )
      .bind(sweepId)
      .all<{ detail: string }>()
  ).results.map((r) => JSON.parse(r.detail) as { contactsShown: boolean });

/** RFC 4180 lines of cells, enough for the cells these tests write (quotes doubled, no line breaks). */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split("\r\n")
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map(([, cell = ""]) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell)),
    );
}

let hours = 100;

/** A sweep of one place with a confirmed and a waitlisted person, at its own time (one person, one sweep at a time). */
async function sweepWithPeople() {
  hours += 10;
  const s = await makeSweep({ capacity: 1, inHours: hours });
  await signUpOk(s.id, { name: "钱多多", phone: "13811112222", organisation: "青溪大学" });
  await signUpOk(s.id, { name: "孙小美", phone: "13933334444", organisation: "青溪二中" });
  return s;
}

describe("a sweep's roster as CSV", () => {
  it("is a UTF-8 file with a BOM and the header row, masked by default, and audited", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const s = await sweepWithPeople();
    const res = await call(`/api/staff/sweeps/${s.id}/signups.csv`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="sweep-${s.id}-roster.csv"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual([...ROSTER_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.slice(0, 4)).toEqual(["1", "钱**", "138****2222", "青溪大学"]);
    expect(rows[1]?.[9]).toBe("已确认");
    expect(rows[2]?.slice(1, 3)).toEqual(["孙**", "139****4444"]);
    expect(rows[2]?.slice(9, 11)).toEqual(["候补中", "1"]);
    expect(await exports(s.id)).toEqual([{ contactsShown: false }]);
  });

  it("carries names and phones in full only when asked for and the role may see contacts, each export audited", async () => {
    const s = await sweepWithPeople();
    for (const role of ROLES.filter((r) => can(r, "sweeps:manage"))) {
      const res = await call(`/api/staff/sweeps/${s.id}/signups.csv?contacts=1`, { cookie: await asRole(role) });
      expect(res.status).toBe(200);
      const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
      const shown = can(role, "sweeps:contact");
      expect(rows[1]?.slice(1, 3), role).toEqual(shown ? ["钱多多", "13811112222"] : ["钱**", "138****2222"]);
    }
    expect((await exports(s.id)).map((e) => e.contactsShown)).toEqual(
      ROLES.filter((r) => can(r, "sweeps:manage")).map((r) => can(r, "sweeps:contact")),
    );
  });

  it("refuses roles that may not plan sweeps, and anonymous callers, without writing an audit row", async () => {
    const s = await sweepWithPeople();
    for (const role of ROLES.filter((r) => !can(r, "sweeps:manage"))) {
      const res = await call(`/api/staff/sweeps/${s.id}/signups.csv?contacts=1`, { cookie: await asRole(role) });
      expect(res.status, role).toBe(403);
    }
    expect((await call(`/api/staff/sweeps/${s.id}/signups.csv`)).status).toBe(401);
    expect(await exports(s.id)).toEqual([]);
  });

  it("answers an unknown sweep with 404 and a malformed id or contacts value with 422", async () => {
    const cookie = await asRole("admin");
    expect((await call("/api/staff/sweeps/zzzzzzzzzz/signups.csv", { cookie })).status).toBe(404);
    expect((await call("/api/staff/sweeps/NOT-AN-ID/signups.csv", { cookie })).status).toBe(422);
    const s = await makeSweep();
    expect((await call(`/api/staff/sweeps/${s.id}/signups.csv?contacts=yes`, { cookie })).status).toBe(422);
  });

  it("writes what a person typed so that a spreadsheet shows it as text and never runs it", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const s = await makeSweep({ capacity: 10, inHours: 20 });
    const typed = ['=HYPERLINK("http://x","点我")', "+SUM(1,2)", "-2+3", "@cmd", '青溪,"大学"'];
    for (const organisation of typed) await signUpOk(s.id, { organisation });
    await signUpOk(s.id, { name: "=1+1", volunteerNumber: undefined });
    const text = (await (await call(`/api/staff/sweeps/${s.id}/signups.csv?contacts=1`, { cookie })).text()).replace(
      /^\uFEFF/,
      "",
    );
    const rows = parseCsv(text);
    expect(rows.slice(1, 6).map((r) => r[3])).toEqual([
      '\'=HYPERLINK("http://x","点我")',
      "'+SUM(1,2)",
      "'-2+3",
      "'@cmd",
      '青溪,"大学"',
    ]);
    expect(rows[6]?.[1]).toBe("'=1+1");
    // No cell of the file starts with a character a spreadsheet would take for a formula.
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });
});
