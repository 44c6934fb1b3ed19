import { describe, expect, it } from "vitest";
import { type Statement, toQuery } from "../../../../functions/db/batch";
import {
  anonymiseChunk,
  caseDetailReads,
  figureSums,
  listCases,
  markOverdueChunk,
} from "../../../../functions/db/complaints/handling";
import type { CaseListQuery } from "../../../../src/shared/complaints/staff-schemas";
import { db, expectIndexed, plan } from "../../query-plan";

const q = (over: Partial<CaseListQuery>): CaseListQuery => ({ view: "all", limit: 50, ...over });
const raw = (statement: Statement) => ({ toSQL: () => toQuery(statement) });

describe("the staff case queries use indexes", () => {
  it("the inbox reads received cases in index order: urgent first, then oldest, without a sort", async () => {
    const steps = await plan(listCases(db, q({ view: "inbox" }), { ownUnit: null }));
    expectIndexed(steps);
    expect(steps.join(" | ")).toContain("complaints_inbox_idx");
    expect(steps.join(" | ")).not.toMatch(/TEMP B-TREE/);
  });

  it("a unit's queue and the overdue board walk partial indexes of open cases in order", async () => {
    const queue = (await plan(listCases(db, q({ view: "queue" }), { ownUnit: "squad-x" }))).join(" | ");
    expect(queue).toContain("complaints_open_queue_idx");
    expect(queue).not.toMatch(/TEMP B-TREE/);
    const board = (await plan(listCases(db, q({ view: "overdue" }), { ownUnit: null }))).join(" | ");
    expect(board, board).toContain("complaints_open_overdue_idx");
    expect(board).not.toMatch(/TEMP B-TREE/);
  });

  it("the filtered list and the case page", async () => {
    expectIndexed(await plan(listCases(db, q({ state: "dispatched", unitId: "squad-x" }), { ownUnit: null })));
    for (const read of caseDetailReads(db, 1)) expectIndexed(await plan(read));
  });

  it("the figures read only the covering index of the daily counts", async () => {
    const steps = await plan(figureSums(db, "unit", "2026-10-01", "2026-10-31"));
    expect(steps.join(" | ")).toContain("COVERING INDEX complaint_figure_days_window_idx");
  });

  it("the cron's chunks find their rows by index", async () => {
    for (const s of markOverdueChunk("2026-11-20T00:00:00Z", 500)) expectIndexed(await plan(raw(s)));
    expectIndexed(await plan(raw(anonymiseChunk("2026-11-20T00:00:00Z", "2026-05-20T00:00:00Z", 500))));
  });
});
