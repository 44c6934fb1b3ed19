import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { InspectionBooked, StaffApplicationView } from "../../../src/shared/appointments/applications-wire";
import { allOrNothingOver, tablesLike } from "./all-or-nothing";
import { appCall, appVia, bookTodaysIntake, deskSession, received, step } from "./applications-factories";
import { newPhone, slotsAhead } from "./factories";

// Every application step is one D1 batch with its timeline row, message and audit row: a failure
// injected at each statement in turn (tests/api/instrumented-db.ts) answers 500 and leaves the
// applications', the appointments' tables and the audit log exactly as they were; run whole, it is
// exactly one write batch and no other write.

const WATCHED = ["application%", "appointment%", "audit_log"];

/** The appointments' all-or-nothing check (./all-or-nothing.ts) over the applications' tables too. */
async function allOrNothing(name: string, act: (e: typeof env) => Response | Promise<Response>, ok = 200) {
  expect(await tablesLike(WATCHED)).toContain("application_missing");
  return allOrNothingOver(WATCHED, name, act, ok);
}

describe("every application step is one D1 batch, all or nothing", () => {
  it("receives an application: the application, its first timeline row, the message and the audit row", async () => {
    const clerk = await deskSession();
    const booking = await bookTodaysIntake(newPhone());
    const { length, answer } = await allOrNothing(
      "intake",
      (e) => appVia(e, clerk, "/intake", "POST", { bookingNumber: booking.bookingNumber }),
      201,
    );
    expect(length).toBe(5); // the application, its timeline row, the check-in, the message, the audit row
    expect(((await answer.json()) as StaffApplicationView).step).toBe("received");
    const row = await env.DB.prepare("SELECT status FROM appointments WHERE booking_number = ?")
      .bind(booking.bookingNumber)
      .first();
    expect(row).toEqual({ status: "attended" });
  });

  it("asks for the missing materials, takes them, accepts, books the inspection, decides and closes, each in one batch", async () => {
    const clerk = await deskSession();
    const { app } = await received(clerk);
    const n = app.applicationNumber;
    const via = (action: string, body: unknown) => (e: typeof env) => appVia(e, clerk, `/${n}/${action}`, "POST", body);

    const correction = { version: 0, items: [{ item: "设置承诺书" }, { item: "营业执照原件" }], workingDays: 5 };
    expect((await allOrNothing("request correction", via("request-correction", correction))).length).toBe(5);
    const listed = (await (await appCall(clerk, `/${n}`)).json()) as StaffApplicationView;
    const partly = { version: 1, itemIds: [listed.missing[0]?.id] };
    expect((await allOrNothing("materials partly supplied", via("materials-supplied", partly))).length).toBe(5);
    expect((await allOrNothing("materials supplied", via("materials-supplied", { version: 2 }))).length).toBe(5);
    expect((await allOrNothing("accept", via("accept", { version: 3 }))).length).toBe(4);

    const slotId = (slotsAhead("inspection").at(-1) as { id: string }).id;
    const booked = await allOrNothing("book inspection", via("book-inspection", { version: 4, slotId }), 201);
    // The move, its timeline row, the inspection booking and its message, the merchant's message, the audit row.
    expect(booked.length).toBe(6);
    expect(((await booked.answer.json()) as InspectionBooked).application.step).toBe("inspection");

    const decision = { version: 5, decision: "granted", reasons: "同意设置，有效期三年" };
    expect((await allOrNothing("decide", via("decide", decision))).length).toBe(4);
    expect((await allOrNothing("close", via("close", { version: 6 }))).length).toBe(4);
  });

  it("withdraws in one batch, the inspection's booking cancelled with it", async () => {
    const clerk = await deskSession();
    const { app } = await received(clerk);
    const n = app.applicationNumber;
    await step(clerk, n, "accept", { version: 0 });
    const slotId = (slotsAhead("inspection").at(-2) as { id: string }).id;
    await step(clerk, n, "book-inspection", { version: 1, slotId }, 201);
    const { length } = await allOrNothing("withdraw", (e) =>
      appVia(e, clerk, `/${n}/withdraw`, "POST", { version: 2, note: "申请人撤回" }),
    );
    expect(length).toBe(5);
    const row = await env.DB.prepare(
      "SELECT count(*) AS n FROM appointments WHERE application_number = ? AND status = 'cancelled'",
    )
      .bind(n)
      .first();
    expect(row).toEqual({ n: 1 });
  });
});
