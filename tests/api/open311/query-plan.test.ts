import { describe, expect, it } from "vitest";
import { publishedRequests } from "../../../functions/db/open311/published";
import { requestsWindow } from "../../../src/shared/open311/schemas";
import { db, expectIndexed, plan } from "../query-plan";

const window = requestsWindow({});

describe("Open311's requests query uses indexes", () => {
  it("reads the default window newest first along the received index: no scan, no sort", async () => {
    const steps = await plan(publishedRequests(db, { ...window, limit: 20, offset: 0 }));
    expectIndexed(steps);
    const all = steps.join(" | ");
    // Published cases only: a backlog not yet accepted at the head of the window is never read.
    expect(all).toContain("complaints_published_received_idx");
    // Sorted by the index itself, so the page stops after its 20 rows instead of sorting the window.
    expect(all).not.toContain("TEMP B-TREE");
    // Each row's photo, unit, events and reply through their own indexes.
    expect(all).toContain("complaint_photos_case_idx");
    expect(all).toContain("complaint_events_case_idx");
  });

  it("reads a service_code, a status, or a list of case numbers through an index", async () => {
    const byCode = await plan(publishedRequests(db, { ...window, categoryIds: ["E0102"], limit: 20, offset: 0 }));
    expectIndexed(byCode);
    const byStatus = await plan(publishedRequests(db, { ...window, status: ["closed"], limit: 20, offset: 0 }));
    expectIndexed(byStatus);
    const byNumber = await plan(publishedRequests(db, { caseNumbers: ["261201-0001", "261201-0002"] }));
    expectIndexed(byNumber);
  });
});
