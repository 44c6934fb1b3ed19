import { describe, expect, it } from "vitest";
import {
  findCaseByNumber,
  hotspotSnapshot,
  hotspotWindow,
  openCasesInBox,
  publicCases,
} from "../../../functions/db/complaints/index";
import { trackingRead } from "../../../functions/db/complaints/tracking";
import { db, expectIndexed, plan } from "../query-plan";

describe("the public complaint queries use indexes", () => {
  it("tracking by secret and by case number", async () => {
    expectIndexed(await plan(findCaseByNumber(db, "261127-0001")));
    expectIndexed(await plan(trackingRead(db, { trackingHash: "x" })));
    expectIndexed(await plan(trackingRead(db, { caseNumber: "261127-0001" })));
  });

  it("nearby cases of a category", async () => {
    const steps = await plan(
      openCasesInBox(db, {
        categoryId: "E0102",
        since: "2026-10-28",
        minLat: 30.29,
        maxLat: 30.31,
        minLng: 120.1,
        maxLng: 120.2,
      }),
    );
    expectIndexed(steps);
    expect(steps.join(" ")).toContain("complaints_category_received_idx");
  });

  it("hot spots, the public list and photos", async () => {
    const window = await plan(hotspotWindow(db, "2026-08-30", "2026-11-27"));
    expectIndexed(window);
    expect(window.join(" ")).toContain("COVERING INDEX complaint_daily_counts_window_idx");
    expectIndexed(await plan(hotspotSnapshot(db, 90, "2026-11-26")));
    const list = await plan(publicCases(db, { limit: 20, before: 100 }));
    expectIndexed(list);
    // Its photos column reads each case's photos through their index.
    expect(list.join(" ")).toContain("complaint_photos_case_idx");
  });
});
