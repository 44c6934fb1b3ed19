import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  APPLICATION_ACTIONS,
  APPLICATION_STEPS,
  actionsFrom,
  allowedMoves,
  dueAfter,
  intakeMaterials,
  isOpenStep,
  stepDue,
  transition,
  workingDaysLeft,
} from "../../../src/shared/appointments/applications";

describe("an application's steps", () => {
  it("goes the whole way: 收件 → 补正 → 收件 → 受理 → 现场查看 → 决定 → 办结", () => {
    let step = transition("received", "request_correction");
    expect(step).toBe("correction");
    step = transition("correction", "materials_supplied");
    expect(step).toBe("received");
    step = transition("received", "accept");
    expect(step).toBe("accepted");
    step = transition("accepted", "book_inspection");
    expect(step).toBe("inspection");
    step = transition("inspection", "decide");
    expect(step).toBe("decided");
    expect(transition("decided", "close")).toBe("closed");
  });

  it("may be decided without an inspection, once accepted", () => {
    expect(transition("accepted", "decide")).toBe("decided");
  });

  it("asks for missing materials only before acceptance, all at once (no second request while one is open)", () => {
    expect(transition("correction", "request_correction")).toBeNull();
    expect(transition("accepted", "request_correction")).toBeNull();
  });

  it("refuses to decide before acceptance, to accept twice, to close an undecided one", () => {
    expect(transition("received", "decide")).toBeNull();
    expect(transition("correction", "accept")).toBeNull();
    expect(transition("accepted", "accept")).toBeNull();
    expect(transition("inspection", "close")).toBeNull();
  });

  it("is withdrawn from any open step before the decision, never after", () => {
    for (const step of ["received", "correction", "accepted", "inspection"] as const) {
      expect(transition(step, "withdraw")).toBe("withdrawn");
    }
    expect(transition("decided", "withdraw")).toBeNull();
    expect(transition("closed", "withdraw")).toBeNull();
  });

  it("allows nothing from 办结 or 已撤回", () => {
    expect(actionsFrom("closed")).toEqual([]);
    expect(actionsFrom("withdrawn")).toEqual([]);
    expect(isOpenStep("closed")).toBe(false);
    expect(isOpenStep("decided")).toBe(true);
  });

  it("offers from 收件 exactly: correction, accept, withdraw", () => {
    expect(actionsFrom("received")).toEqual(["request_correction", "accept", "withdraw"]);
  });

  it("lists each allowed move once, every one leading somewhere else", () => {
    const moves = allowedMoves();
    expect(new Set(moves.map((m) => m.join(">"))).size).toBe(moves.length);
    for (const [from, to] of moves) expect(from).not.toBe(to);
    for (const a of APPLICATION_ACTIONS) {
      for (const from of APPLICATION_STEPS) {
        const to = transition(from, a);
        if (to) expect(moves).toContainEqual([from, to]);
      }
    }
  });

  it("is guarded by migrations/0019's trigger with exactly the moves of the table", () => {
    const file = readdirSync("migrations").find((f) => f.startsWith("0019_"));
    expect(file).toBeDefined();
    const text = readFileSync(`migrations/${file}`, "utf8");
    const trigger = text.slice(text.indexOf("CREATE TRIGGER `applications_step_moves`"));
    const listed = [...trigger.slice(0, trigger.indexOf("END;")).matchAll(/\('(\w+)', '(\w+)'\)/g)].map(
      (m) => `${m[1]}>${m[2]}`,
    );
    expect(listed.sort()).toEqual(
      allowedMoves()
        .map((m) => m.join(">"))
        .sort(),
    );
    for (const step of APPLICATION_STEPS) expect(text).toContain(`'${step}'`);
  });
});

describe("deadlines in working days", () => {
  it("counts 5 working days from an intake before 春节 across the holiday and the make-up Saturday", () => {
    // Thu 12 Feb: Fri 13, Sat 14 (调休上班), then 15–23 Feb off, Tue 24, Wed 25, Thu 26.
    expect(stepDue("received", "2026-02-12")).toEqual({ day: "2026-02-26", estimated: false });
  });

  it("gives a decision 15 working days after an acceptance just before 春节, counting both make-up Saturdays", () => {
    // Sat 14 Feb, 24–27 Feb, Sat 28 Feb, 2–6 Mar, 9–12 Mar.
    expect(stepDue("accepted", "2026-02-13")).toEqual({ day: "2026-03-12", estimated: false });
  });

  it("keeps the decision clock from the acceptance when the inspection is booked later", () => {
    expect(stepDue("inspection", "2026-03-02", { acceptedOn: "2026-02-13" })).toEqual({
      day: "2026-03-12",
      estimated: false,
    });
  });

  it("gives a correction asked on 29 September its 10 working days across 国庆 and the Saturday worked on 10 October", () => {
    // Wed 30 Sep, then 1–7 Oct off, Thu 8, Fri 9, Sat 10 (调休上班), 12–16, Mon 19.
    expect(stepDue("correction", "2026-09-29")).toEqual({ day: "2026-10-19", estimated: false });
  });

  it("takes the count staff gave a correction", () => {
    expect(stepDue("correction", "2026-09-29", { correctionDays: 3 })).toEqual({ day: "2026-10-09", estimated: false });
  });

  it("counts the Sunday worked before 国庆 (20 September) and skips 中秋", () => {
    // Thu 17 Sep: Fri 18, Sun 20 (调休上班), Mon 21, Tue 22, Wed 23.
    expect(dueAfter("2026-09-17", 5)).toEqual({ day: "2026-09-23", estimated: false });
    // Thu 24 Sep: 25–27 off (中秋), Mon 28, Tue 29, Wed 30, then 1–7 Oct off, Thu 8, Fri 9.
    expect(dueAfter("2026-09-24", 5)).toEqual({ day: "2026-10-09", estimated: false });
  });

  it("estimates with Monday to Friday where the holiday data ends, and says so", () => {
    // Thu 24 Dec 2026: 25, 28, 29, 30, 31 Dec, then 2027 (no data): Fri 1, Mon 4 … Thu 7 Jan.
    expect(dueAfter("2026-12-24", 10)).toEqual({ day: "2027-01-07", estimated: true });
  });

  it("says how many working days are left, 0 on the day, negative once overdue", () => {
    expect(workingDaysLeft("2026-10-08", "2026-10-13")).toBe(4);
    expect(workingDaysLeft("2026-10-13", "2026-10-13")).toBe(0);
    expect(workingDaysLeft("2026-10-14", "2026-10-13")).toBe(-1);
    expect(workingDaysLeft("2026-09-30", "2026-10-08")).toBe(1);
    expect(workingDaysLeft("2026-12-30", "2027-01-05")).toBeNull();
  });
});

describe("the materials a correction lists", () => {
  it("are the intake checklist of services.json, the power of attorney for an agent included", () => {
    const items = intakeMaterials();
    expect(items).toContain("营业执照原件");
    expect(items.some((i) => i.includes("身份证"))).toBe(true);
    expect(items.some((i) => i.includes("租赁合同"))).toBe(true);
    expect(items).toContain("设置承诺书");
    expect(items.some((i) => i.includes("A4 效果图"))).toBe(true);
    expect(items.some((i) => i.includes("授权委托书"))).toBe(true);
  });
});
