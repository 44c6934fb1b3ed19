import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { InspectionBooked, PublicApplicationView } from "../../../src/shared/appointments/applications-wire";
import type { AppointmentView } from "../../../src/shared/appointments/wire";
import { appCall, deskSession, lookup, received, step } from "./applications-factories";
import { booked, bookedIn, manage, slotsAhead } from "./factories";

// The whole life of a signboard application at linhe on Tuesday 1 December 2026: received from
// today's intake booking, a correction listing two materials, supplied in two visits, accepted, the
// inspection booked, refused with reasons, closed; the merchant follows it on the manage page and
// by number and phone. Deadlines are working days from 1 December (no holiday in between).

const inspectionSlot = () => (slotsAhead("inspection")[0] as { id: string }).id;

describe("a signboard application from intake to 办结", () => {
  it("goes intake → correction → supplied → accept → inspection → decide → close, with its deadlines", async () => {
    const clerk = await deskSession();
    const { booking, phone, app } = await received(clerk);
    expect(app).toMatchObject({ step: "received", stepLabel: "收件", dueOn: "2026-12-08", version: 0 });
    expect(app.applicationNumber).toMatch(/^SQ[0-9A-Z]{8}$/);
    expect(app.actions).toEqual(["request_correction", "accept", "withdraw"]);
    const n = app.applicationNumber;

    let a = await step(clerk, n, "request-correction", {
      version: 0,
      items: [{ item: "设置承诺书" }, { item: "A4 效果图两张（设置前、设置后）", note: "须标明尺寸和材质" }],
    });
    expect(a).toMatchObject({ step: "correction", dueOn: "2026-12-15", version: 1 });
    expect(a.missing.map((m) => [m.item, m.dueOn, m.suppliedAt])).toEqual([
      ["设置承诺书", "2026-12-15", null],
      ["A4 效果图两张（设置前、设置后）", "2026-12-15", null],
    ]);

    // The merchant sees what is missing, and until when, on the booking's manage page.
    const seen = (await (await manage(booking.manageToken)).json()) as AppointmentView;
    expect(seen.application).toMatchObject({ applicationNumber: n, step: "correction", dueOn: "2026-12-15" });
    expect(seen.application?.missing.map((m) => m.item)).toEqual(["设置承诺书", "A4 效果图两张（设置前、设置后）"]);
    expect(seen.messages.map((m) => m.kind)).toEqual(["booked", "application_status", "application_status"]);

    // One of two comes first: still 补正, the other outstanding.
    const first = a.missing[0]?.id;
    a = await step(clerk, n, "materials-supplied", { version: 1, itemIds: [first] });
    expect(a).toMatchObject({ step: "correction", dueOn: "2026-12-15", version: 2 });
    expect(a.missing.filter((m) => m.suppliedAt === null).map((m) => m.item)).toEqual([
      "A4 效果图两张（设置前、设置后）",
    ]);
    a = await step(clerk, n, "materials-supplied", { version: 2 });
    expect(a).toMatchObject({ step: "received", dueOn: "2026-12-08", version: 3 });
    expect(a.missing.every((m) => m.suppliedAt !== null)).toBe(true);

    a = await step(clerk, n, "accept", { version: 3, note: "材料齐全，予以受理" });
    // 15 working days from 1 December: 2–4, 7–11, 14–18, 21, 22.
    expect(a).toMatchObject({ step: "accepted", acceptedOn: "2026-12-01", dueOn: "2026-12-22", version: 4 });

    const slotId = inspectionSlot();
    const r = await appCall(clerk, `/${n}/book-inspection`, "POST", { version: 4, slotId });
    expect(r.status, await r.clone().text()).toBe(201);
    const { application, booking: visit } = (await r.json()) as InspectionBooked;
    // The decision clock runs from acceptance: booking the visit does not restart it.
    expect(application).toMatchObject({ step: "inspection", dueOn: "2026-12-22", version: 5 });
    expect(application.inspection).toMatchObject({ bookingNumber: visit.bookingNumber, status: "booked" });
    const row = await env.DB.prepare(
      "SELECT service, status, application_number, phone, slot_id FROM appointments WHERE booking_number = ?",
    )
      .bind(visit.bookingNumber)
      .first();
    expect(row).toEqual({ service: "inspection", status: "booked", application_number: n, phone, slot_id: slotId });

    const noReasons = await appCall(clerk, `/${n}/decide`, "POST", { version: 5, decision: "refused" });
    expect(noReasons.status).toBe(422);
    a = await step(clerk, n, "decide", {
      version: 5,
      decision: "refused",
      reasons: "招牌尺寸超出立面规划允许范围",
    });
    expect(a).toMatchObject({ step: "decided", decision: "refused", decisionLabel: "不予", dueOn: "2026-12-15" });
    a = await step(clerk, n, "close", { version: 6 });
    expect(a).toMatchObject({ step: "closed", dueOn: null, actions: [], version: 7 });
    expect(a.timeline.map((t) => t.action)).toEqual([
      "intake",
      "request_correction",
      "materials_supplied",
      "materials_supplied",
      "accept",
      "book_inspection",
      "decide",
      "close",
    ]);

    // The merchant sees the decision and its reasons, by the manage link and by number and phone.
    const after = (await (await manage(booking.manageToken)).json()) as AppointmentView;
    expect(after.application).toMatchObject({ step: "closed", decisionLabel: "不予" });
    expect(after.application?.reasons).toBe("招牌尺寸超出立面规划允许范围");
    const found = await lookup(n.toLowerCase(), phone);
    expect(found.status).toBe(200);
    const text = await found.clone().text();
    const view = JSON.parse(text) as PublicApplicationView;
    expect(view).toMatchObject({ applicationNumber: n, step: "closed", decision: "refused" });
    expect(view.timeline).toHaveLength(8);
    // Privacy: no name, no phone, no staff id in the public answer.
    expect(text).not.toContain(phone);
    expect(text).not.toContain(phone.slice(-4));
    expect(text).not.toContain("王小明");
    expect(text).not.toContain("timelineStaff");
    expect(text).not.toContain("applicant");
  });

  it("withdraws an application and frees its inspection's place in the same step", async () => {
    const clerk = await deskSession();
    const { app } = await received(clerk);
    const n = app.applicationNumber;
    await step(clerk, n, "accept", { version: 0 });
    const r = await appCall(clerk, `/${n}/book-inspection`, "POST", { version: 1, slotId: inspectionSlot() });
    const { booking: visit } = (await r.json()) as InspectionBooked;
    const a = await step(clerk, n, "withdraw", { version: 2, note: "申请人决定暂不设置招牌" });
    expect(a).toMatchObject({ step: "withdrawn", dueOn: null, actions: [] });
    const row = await env.DB.prepare("SELECT status FROM appointments WHERE booking_number = ?")
      .bind(visit.bookingNumber)
      .first();
    expect(row).toEqual({ status: "cancelled" });
  });
});

describe("what an application refuses", () => {
  it("refuses a step the table does not allow from the current step with 409, writing nothing", async () => {
    const clerk = await deskSession();
    const { app } = await received(clerk);
    const n = app.applicationNumber;
    const before = await env.DB.prepare("SELECT count(*) AS n FROM application_events").first();
    for (const [action, body] of [
      ["decide", { version: 0, decision: "granted" }],
      ["close", { version: 0 }],
      ["book-inspection", { version: 0, slotId: inspectionSlot() }],
      ["materials-supplied", { version: 0 }],
    ] as const) {
      const r = await appCall(clerk, `/${n}/${action}`, "POST", body);
      expect(r.status, action).toBe(409);
    }
    await step(clerk, n, "request-correction", { version: 0, items: [{ item: "设置承诺书" }] });
    // All missing materials at once: no second request while one is open, no acceptance before supply.
    const again = await appCall(clerk, `/${n}/request-correction`, "POST", { version: 1, items: [{ item: "身份证" }] });
    expect(again.status).toBe(409);
    expect((await appCall(clerk, `/${n}/accept`, "POST", { version: 1 })).status).toBe(409);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM application_events").first();
    expect((after as { n: number }).n).toBe((before as { n: number }).n + 1);
  });

  it("refuses a stale version with 409 (someone moved the application meanwhile)", async () => {
    const clerk = await deskSession();
    const { app } = await received(clerk);
    await step(clerk, app.applicationNumber, "accept", { version: 0 });
    const r = await appCall(clerk, `/${app.applicationNumber}/withdraw`, "POST", { version: 0, note: "撤回" });
    expect(r.status).toBe(409);
  });

  it("receives a booking once, only an intake, only one that came or is today's", async () => {
    const clerk = await deskSession();
    const { booking } = await received(clerk);
    const twice = await appCall(clerk, "/intake", "POST", { bookingNumber: booking.bookingNumber });
    expect(twice.status).toBe(409);
    const consultation = await booked((slotsAhead("consultation")[0] as { id: string }).id);
    const notIntake = await appCall(clerk, "/intake", "POST", { bookingNumber: consultation.bookingNumber });
    expect(notIntake.status).toBe(409);
    const later = await booked((slotsAhead("intake")[0] as { id: string }).id);
    const notToday = await appCall(clerk, "/intake", "POST", { bookingNumber: later.bookingNumber });
    expect(notToday.status).toBe(409);
    expect((await appCall(clerk, "/intake", "POST", { bookingNumber: "YY00000000" })).status).toBe(404);
  });

  it("answers a full inspection window with 409 and the nearest free windows", async () => {
    const clerk = await deskSession();
    const { app } = await received(clerk);
    const n = app.applicationNumber;
    await step(clerk, n, "accept", { version: 0 });
    const slot = slotsAhead("inspection")[0] as { id: string; capacity: number };
    while ((await bookedIn(slot.id)) < slot.capacity) await booked(slot.id);
    const r = await appCall(clerk, `/${n}/book-inspection`, "POST", { version: 1, slotId: slot.id });
    expect(r.status).toBe(409);
    const problem = (await r.json()) as { nearestFree: { id: string }[] };
    expect(problem.nearestFree.length).toBeGreaterThan(0);
    expect(problem.nearestFree.map((s) => s.id)).not.toContain(slot.id);
    const still = (await (await appCall(clerk, `/${n}`)).json()) as { step: string; version: number };
    expect(still).toMatchObject({ step: "accepted", version: 1 });
  });

  it("lets the database refuse a move outside the table and a stale write, whatever statement tries", async () => {
    const clerk = await deskSession();
    const { app } = await received(clerk);
    const move = (step: string, version: number) =>
      env.DB.prepare("UPDATE applications SET step = ?, version = ? WHERE application_number = ?")
        .bind(step, version, app.applicationNumber)
        .run();
    await expect(move("decided", 1)).rejects.toThrow(/application_step_refused|applications_decided/);
    await expect(move("closed", 1)).rejects.toThrow(/application_step_refused|applications_decided/);
    await expect(move("accepted", 0)).rejects.toThrow(/stale_application/);
    await expect(
      env.DB.prepare("DELETE FROM application_events WHERE application_id = (SELECT id FROM applications)").run(),
    ).rejects.toThrow(/timeline_append_only/);
  });
});

describe("a point's applications are its own", () => {
  it("hides another point's application, queue and bookings from a clerk as if they did not exist", async () => {
    const linhe = await deskSession();
    const guiyuan = await deskSession("service_point_staff", "guiyuan");
    const { app, booking } = await received(linhe);
    const n = app.applicationNumber;
    expect((await appCall(guiyuan, `/${n}`)).status).toBe(404);
    expect((await appCall(guiyuan, `/${n}/accept`, "POST", { version: 0 })).status).toBe(404);
    expect((await appCall(guiyuan, "?point=linhe")).status).toBe(404);
    expect((await appCall(guiyuan, "/intake", "POST", { bookingNumber: booking.bookingNumber })).status).toBe(404);
    expect((await appCall(linhe, `/${n}`)).status).toBe(200);
  });

  it("lists a point's open applications by due date, and the overdue board per role", async () => {
    const linhe = await deskSession();
    const a = (await received(linhe)).app;
    const b = (await received(linhe)).app;
    // b's step has been waiting since November: overdue (a direct write, as the clock cannot run back here).
    await env.DB.prepare(
      "UPDATE applications SET step_due_on = '2026-11-20', version = version + 1 WHERE application_number = ?",
    )
      .bind(b.applicationNumber)
      .run();
    const res = await appCall(linhe, "?point=linhe");
    expect(res.status, await res.clone().text()).toBe(200);
    const queue = (await res.json()) as {
      items: { applicationNumber: string; overdue: boolean; workingDaysLeft: number; dueOn: string }[];
    };
    // The file's tests share storage: these two among the point's others, the overdue one first of all.
    const mine = queue.items.filter((i) => [a.applicationNumber, b.applicationNumber].includes(i.applicationNumber));
    expect(mine.map((i) => i.applicationNumber)).toEqual([b.applicationNumber, a.applicationNumber]);
    expect(queue.items[0]?.applicationNumber).toBe(b.applicationNumber);
    expect(mine.map((i) => i.overdue)).toEqual([true, false]);
    expect(mine[1]?.workingDaysLeft).toBe(5);
    expect(queue.items.map((i) => i.dueOn)).toEqual(queue.items.map((i) => i.dueOn).sort());

    const board = async (cookie: string) =>
      ((await (await appCall(cookie, "/overdue")).json()) as { items: { applicationNumber: string }[] }).items.map(
        (i) => i.applicationNumber,
      );
    expect(await board(linhe)).toContain(b.applicationNumber);
    expect(await board(linhe)).not.toContain(a.applicationNumber);
    expect(await board(await deskSession("dispatcher"))).toContain(b.applicationNumber);
    expect(await board(await deskSession("service_point_staff", "guiyuan"))).not.toContain(b.applicationNumber);
  });
});

describe("the public lookup by number and phone", () => {
  it("shows an application on an inspection booked by its own merchant only, never by its number alone", async () => {
    const clerk = await deskSession();
    const { app, phone } = await received(clerk);
    const slot = (slotsAhead("inspection").at(-1) as { id: string }).id;
    const stranger = await booked(slot, { applicationNumber: app.applicationNumber });
    const seen = (await (await manage(stranger.manageToken)).json()) as AppointmentView;
    expect(seen.application).toBeNull();
    const own = await booked(slot, { applicationNumber: app.applicationNumber, phone });
    const mine = (await (await manage(own.manageToken)).json()) as AppointmentView;
    expect(mine.application?.applicationNumber).toBe(app.applicationNumber);
  });

  it("answers the same 404 for an unknown number and a wrong phone, 422 for a malformed one", async () => {
    const clerk = await deskSession();
    const { app, phone } = await received(clerk);
    const wrongPhone = await lookup(
      app.applicationNumber,
      phone.replace(/\d$/, (d) => String((Number(d) + 1) % 10)),
    );
    const unknown = await lookup("SQ00000000", phone);
    expect(wrongPhone.status).toBe(404);
    expect(unknown.status).toBe(404);
    const detail = async (r: Response) => ((await r.json()) as { detail: string }).detail;
    expect(await detail(wrongPhone)).toBe(await detail(unknown));
    expect((await lookup("not-a-number", phone)).status).toBe(422);
    expect((await lookup(app.applicationNumber, phone)).status).toBe(200);
  });
});
