import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, chinaDay } from "../../../src/shared/time";
import { call } from "../staff/factories";
import { type Filed, file, validComplaint } from "./factories";
import { act, makeCase, reload, session } from "./handling/factories";

// NUL, a C0 escape, DEL, a C1 control, and every bidi embedding, override and isolate.
const UNSAFE = [
  "\u0000",
  "\u0001",
  "\u001b",
  "\u007f",
  "\u0085",
  ...["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"],
  ...["\u2066", "\u2067", "\u2068", "\u2069"],
];
const dirty = (text: string) => `${UNSAFE.join("")}${text}\u202e${text}\u0000`;
const unsafeIn = (text: string) => UNSAFE.filter((ch) => text.includes(ch)).map((ch) => ch.codePointAt(0));

describe("control and bidi characters stop at the edge", () => {
  it("stores none from a filing, none from a case action's note, and exports none", async () => {
    const res = await file(
      validComplaint({
        addressText: dirty("临河路"),
        description: dirty("垃圾堆在路边三天"),
        name: dirty("王"),
        phone: "13912345678",
        callbackWanted: true,
      }),
    );
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as Filed;
    const stored = await env.DB.prepare(
      "SELECT id, address_text AS a, description AS d, reporter_name AS n FROM complaints WHERE case_number = ?",
    )
      .bind(caseNumber)
      .first<{ id: number; a: string; d: string; n: string }>();
    if (!stored) throw new Error("no case stored");
    expect(stored).toMatchObject({ a: "临河路临河路", d: "垃圾堆在路边三天垃圾堆在路边三天", n: "王王" });

    const { cookie } = await session("dispatcher");
    const accepted = await act(cookie, stored.id, "accept", { version: 1, note: dirty("已核实现场") });
    expect(accepted.status).toBe(200);
    const replied = await act(cookie, stored.id, "reply", {
      version: (await reload(stored.id)).version,
      note: dirty("已通知环卫"),
      public: true,
    });
    expect(replied.status).toBe(200);
    const notes = await env.DB.prepare("SELECT note FROM complaint_events WHERE complaint_id = ? AND note IS NOT NULL")
      .bind(stored.id)
      .all<{ note: string }>();
    expect(notes.results.map((r) => r.note).sort()).toEqual(["已核实现场已核实现场", "已通知环卫已通知环卫"]);

    // A row stored before this rule, written straight into D1: the export cleans it too.
    const old = await makeCase({ description: dirty("井盖缺失"), addressText: dirty("溪山街") });
    const today = chinaDay(new Date());
    const admin = await session("admin");
    const csv = await (
      await call(`/api/staff/complaints/export.csv?from=${addDays(today, -1)}&to=${today}`, { cookie: admin.cookie })
    ).text();
    expect(csv).toContain(caseNumber);
    expect(csv).toContain(old.caseNumber);
    expect(csv).toContain("井盖缺失井盖缺失");
    expect(unsafeIn(csv)).toEqual([]);
  });

  it("counts only what is left: a description of invisible characters is refused", async () => {
    const res = await file(validComplaint({ description: `${UNSAFE.join("")}  ` }));
    expect(res.status).toBe(422);
  });
});
