import { describe, expect, it } from "vitest";
import { type Statement, toQuery } from "../../../functions/db/batch";
import { outboxList, remindersStatement, unsentMessages } from "../../../functions/db/sweeps/outbox";
import { anonymiseSignupsChunk } from "../../../functions/db/sweeps/retention";
import { expectIndexed, plan } from "../query-plan";

// EXPLAIN QUERY PLAN for what the cron runs every quarter hour (the sender's next messages, the
// reminders, the retention chunk) and the staff outbox. Groups (a class each, few) are read whole.

const planOf = (s: Statement) => plan({ toSQL: () => toQuery(s) });

describe("the outbox, reminder and retention statements use indexes", () => {
  it("the sender's next messages and the staff outbox, all or one sweep's", async () => {
    const unsent = await planOf(unsentMessages("2026-12-01T00:00:00Z", 5, 50));
    expect(unsent[0]).toContain("sweep_messages_unsent_idx");
    expectIndexed(unsent);
    expectIndexed(await planOf(outboxList({ status: "unsent", limit: 200 }, 5)));
    expectIndexed(await planOf(outboxList({ status: "sent", sweepId: "abcdefghij", limit: 200 }, 5)));
  });

  it("tomorrow's reminders: the sweeps by state and start, their confirmed sign-ups, each one's messages", async () => {
    const steps = await planOf(remindersStatement("2026-12-01T16:00:00Z", "2026-12-02T16:00:00Z", "now"));
    expect(steps[0]).toContain("sweeps_state_starts_idx");
    expectIndexed(steps);
  });

  it("the retention chunk reads only sign-ups not yet anonymised (the partial index)", async () => {
    const [keys, signups] = anonymiseSignupsChunk("now", "2025-12-01T00:00:00Z", 500);
    const steps = await planOf(signups as Statement);
    expect(steps.join(" | ")).toContain("sweep_signups_retention_idx");
    expectIndexed(steps);
    // The idempotency keys have no index by sign-up (a schema matter): the scan runs only when
    // something is due, which the EXISTS before it finds through the same partial index.
    const keySteps = await planOf(keys as Statement);
    expect(keySteps.join(" | ")).toContain("SCALAR SUBQUERY");
    expect(keySteps.join(" | ")).toContain("sweep_signups_retention_idx");
  });
});
