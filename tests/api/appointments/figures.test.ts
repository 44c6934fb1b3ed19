import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  bookingTallies,
  decidedApplications,
  decidedTimelines,
  laterVisits,
} from "../../../functions/db/appointments/figures";
import type { AppointmentFigures } from "../../../src/shared/appointments/figures";
import { SERVICE_POINTS } from "../../../src/shared/appointments/points";
import { db, expectIndexed, plan } from "../query-plan";
import { call, makeStaff, ORIGIN, signIn } from "../staff/factories";

// The service points' figures on data each test writes itself, in a month of its own (March, April,
// May and June 2026), straight into D1 as the desk and the applications' steps leave it: bookings
// with their outcomes, applications moved through their steps with their timelines. Then: the
// counts are right, the public answer carries no personal field and withholds what rests on fewer
// than 5, staff see their own point's numbers (another point is 404), and the reads use indexes.

let seq = 0;
const chinaInstant = (local: string) => new Date(`${local}:00+08:00`).toISOString();

interface BookingRow {
  point?: string;
  service?: "consultation" | "intake" | "inspection";
  /** China time "2026-03-03T09:00". */
  at: string;
  status?: string;
  walkIn?: boolean;
  personKey?: string;
  applicationNumber?: string | null;
}

const SECRET = { name: "隐私测试人", phone: "13912345678", shop: "隐私测试面馆", address: "保密路 99 号" };

async function booking(b: BookingRow): Promise<number> {
  const point = b.point ?? "linhe";
  const service = b.service ?? "intake";
  const start = chinaInstant(b.at);
  const row = await env.DB.prepare(
    `INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end, capacity,
      name, phone, person_key, shop_name, shop_address, application_number, status, walk_in, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 99, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id`,
  )
    .bind(
      `YYFIG${String(++seq).padStart(5, "0")}`,
      crypto.randomUUID(),
      point,
      service,
      `${point}:${service}:${b.at}+08:00`,
      start,
      new Date(Date.parse(start) + 1_200_000).toISOString(),
      SECRET.name,
      SECRET.phone,
      b.personKey ?? crypto.randomUUID(),
      SECRET.shop,
      SECRET.address,
      b.applicationNumber ?? null,
      b.status ?? "attended",
      b.walkIn ? 1 : 0,
      start,
      start,
    )
    .first<{ id: number }>();
  if (!row) throw new Error("no booking written");
  return row.id;
}

interface Step {
  step: string;
  /** China time of the step. */
  at: string;
  dueOn: string | null;
}

/**
 * An application received from an attended intake booking and moved through `steps` (the triggers of
 * migrations/0019 check each move and version), its timeline written beside it.
 */
async function application(o: { point?: string; intakeAt: string; personKey?: string; steps: Step[]; dueOn: string }) {
  const personKey = o.personKey ?? crypto.randomUUID();
  const intakeId = await booking({ point: o.point, at: o.intakeAt, personKey });
  const number = `SQFIG${String(++seq).padStart(5, "0")}`;
  const received = chinaInstant(o.intakeAt);
  const app = await env.DB.prepare(
    `INSERT INTO applications (application_number, point_id, intake_appointment_id, shop_name, shop_address, step,
      step_started_at, step_due_on, due_estimated, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'received', ?, ?, 0, 0, ?, ?) RETURNING id`,
  )
    .bind(number, o.point ?? "linhe", intakeId, SECRET.shop, SECRET.address, received, o.dueOn, received, received)
    .first<{ id: number }>();
  if (!app) throw new Error("no application written");
  const event = (step: string, dueOn: string | null, at: string) =>
    env.DB.prepare(
      "INSERT INTO application_events (application_id, action, step, note, due_on, created_at) VALUES (?, ?, ?, NULL, ?, ?)",
    ).bind(app.id, step, step, dueOn, at);
  await event("received", o.dueOn, received).run();
  let version = 0;
  for (const s of o.steps) {
    const at = chinaInstant(s.at);
    const decided = s.step === "decided";
    await env.DB.batch([
      env.DB.prepare(
        `UPDATE applications SET step = ?, version = ?, step_due_on = ?, decision = CASE WHEN ? THEN 'granted' ELSE decision END,
          decided_at = CASE WHEN ? THEN ? ELSE decided_at END, updated_at = ? WHERE id = ?`,
      ).bind(s.step, ++version, s.dueOn, decided ? 1 : 0, decided ? 1 : 0, at, at, app.id),
      event(s.step, s.dueOn, at),
    ]);
  }
  return { id: app.id, number, personKey };
}

/** Accepted at `acceptAt` (the decision due on `decisionDue`), decided at `decideAt`. */
const quick = (acceptAt: string, decideAt: string, decisionDue: string): Step[] => [
  { step: "accepted", at: acceptAt, dueOn: decisionDue },
  // 办结 is due 10 working days after the decision; the figures do not judge it.
  { step: "decided", at: decideAt, dueOn: "2026-12-31" },
];

const publicFigures = async (query: string) => {
  const res = await exports.default.fetch(`${ORIGIN}/api/appointments/figures${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AppointmentFigures;
};

const clerkOfLinhe = async () => {
  await env.DB.prepare(
    "INSERT OR IGNORE INTO units (id, name, kind) VALUES ('linhe-service-point', '临河服务点', 'service_point')",
  ).run();
  return signIn((await makeStaff("service_point_staff", { unitId: "linhe-service-point" })).email);
};

describe("the service points' figures", () => {
  it("counts bookings, no-shows, working days to decision across 国庆, the on-time rate and trips", async () => {
    // Linhe, October 2026: 6 applications decided, received before 国庆 or after it.
    const one = await application({
      intakeAt: "2026-09-29T09:00",
      dueOn: "2026-10-12",
      steps: quick("2026-09-30T10:00", "2026-10-13T15:00", "2026-10-28"),
    });
    // Accepted late (13 October, the last day of 收件 was the 12th), decided 14 October: 6 and 7 working days.
    await application({
      intakeAt: "2026-09-29T09:20",
      dueOn: "2026-10-12",
      steps: quick("2026-10-13T10:00", "2026-10-14T15:00", "2026-11-03"),
    });
    for (const minute of ["00", "20", "40"]) {
      await application({
        intakeAt: `2026-10-08T10:${minute}`,
        dueOn: "2026-10-15",
        steps: quick("2026-10-09T10:00", "2026-10-13T15:00", "2026-10-30"),
      });
    }
    // A correction in between, and the merchant came twice more: once naming the application, once naming none.
    const twice = await application({
      intakeAt: "2026-10-12T09:00",
      dueOn: "2026-10-19",
      steps: [
        { step: "correction", at: "2026-10-12T11:00", dueOn: "2026-10-26" },
        { step: "received", at: "2026-10-16T10:00", dueOn: "2026-10-23" },
        { step: "accepted", at: "2026-10-19T10:00", dueOn: "2026-11-09" },
        { step: "decided", at: "2026-10-22T15:00", dueOn: "2026-11-05" },
      ],
    });
    await booking({
      at: "2026-10-14T09:00",
      personKey: twice.personKey,
      applicationNumber: twice.number.toLowerCase(),
    });
    await booking({ at: "2026-10-16T09:00", personKey: twice.personKey });
    // Not trips: an inspection at the shop, a visit that did not happen, one at another point.
    await booking({ at: "2026-10-15T09:00", service: "inspection", personKey: twice.personKey });
    await booking({ at: "2026-10-15T10:00", personKey: twice.personKey, status: "no_show" });
    await booking({ at: "2026-10-15T11:00", personKey: one.personKey, point: "guiyuan" });
    // Bookings of October at linhe beside the intakes: 2 no-shows, 1 late cancel, 1 cancelled in time, 1 walk-in.
    await booking({ at: "2026-10-20T09:00", service: "consultation", status: "no_show" });
    await booking({ at: "2026-10-20T09:20", service: "consultation", status: "no_show" });
    await booking({ at: "2026-10-21T09:00", service: "consultation", status: "late_cancelled" });
    await booking({ at: "2026-10-21T09:20", service: "consultation", status: "cancelled" });
    await booking({ at: "2026-10-21T09:40", service: "consultation", walkIn: true });

    const f = await publicFigures("?from=2026-10-01&to=2026-10-31");
    expect(f).toMatchObject({ from: "2026-10-01", to: "2026-10-31", minimum: 5 });
    const linhe = f.points.find((p) => p.pointId === "linhe");
    // October's linhe rows: intakes on 8 Oct (3) and 12 Oct (1), the merchant's 14 and 16 Oct visits and the
    // no-show of 15 Oct, the inspection, and the five consultations; the September intakes are September's.
    expect(linhe?.bookings).toEqual({
      bookings: 11,
      attended: 7,
      noShows: 3,
      lateCancels: 1,
      walkIns: 1,
      noShowRate: 0.3,
    });
    // Working days: 6, 7, 3 × 3 (8 → 13 Oct: 9, 10 (make-up), 12, 13 = 4), 8 (12 → 22 Oct) → (6+7+4+4+4+8)/6 = 5.5.
    expect(linhe?.applications).toEqual({
      decided: 6,
      averageWorkingDays: 5.5,
      onTime: 5,
      onTimeRate: 0.8333,
      averageTrips: 1.3,
      oneTrip: 5,
      oneTripRate: 0.8333,
    });
    // Guiyuan had one visit in October: withheld from the public, the total includes it.
    expect(f.points.find((p) => p.pointId === "guiyuan")).toMatchObject({ bookings: null, applications: null });
    expect(f.total.bookings?.bookings).toBe(12);
    expect(f.points.map((p) => p.pointId)).toEqual(SERVICE_POINTS.map((p) => p.id));

    // Staff of linhe see their own point's numbers, without the rule; guiyuan is not theirs.
    const clerk = await clerkOfLinhe();
    const own = await call("/api/staff/appointments/figures?from=2026-10-01&to=2026-10-31", { cookie: clerk });
    expect(own.status).toBe(200);
    const staffView = (await own.json()) as AppointmentFigures;
    expect(staffView.minimum).toBe(0);
    expect(staffView.points.map((p) => p.pointId)).toEqual(["linhe"]);
    expect(staffView.total.applications?.decided).toBe(6);
    const other = await call("/api/staff/appointments/figures?from=2026-10-01&to=2026-10-31&point=guiyuan", {
      cookie: clerk,
    });
    expect(other.status).toBe(404);
    const viewer = await signIn((await makeStaff("viewer")).email);
    const all = await call("/api/staff/appointments/figures?from=2026-10-01&to=2026-10-31&point=guiyuan", {
      cookie: viewer,
    });
    expect(((await all.json()) as AppointmentFigures).points[0]?.bookings?.bookings).toBe(1);
  });

  it("carries no name, phone, shop, address or number, only counts, and withholds fewer than 5", async () => {
    for (let i = 0; i < 3; i++) await booking({ at: `2026-03-03T09:${String(i * 20).padStart(2, "0")}` });
    await application({
      intakeAt: "2026-03-04T09:00",
      dueOn: "2026-03-11",
      steps: quick("2026-03-05T10:00", "2026-03-10T15:00", "2026-03-26"),
    });
    const res = await exports.default.fetch(`${ORIGIN}/api/appointments/figures?from=2026-03-01&to=2026-03-31`);
    expect(res.headers.get("cache-control")).toContain("public");
    const text = await res.text();
    for (const secret of [...Object.values(SECRET), "SQFIG", "YYFIG"]) expect(text, secret).not.toContain(secret);
    const f = JSON.parse(text) as AppointmentFigures;
    // 4 bookings and 1 application at linhe: nothing to publish for it, nor bureau-wide.
    expect(f.points.find((p) => p.pointId === "linhe")).toMatchObject({ bookings: null, applications: null });
    expect(f.total).toMatchObject({ bookings: null, applications: null });
    // Every leaf is a number, null, or a point's id or name from the data.
    const names = new Set(["all", "全区", ...SERVICE_POINTS.flatMap((p) => [p.id, p.name]), "intake"]);
    const leaves = (x: unknown): unknown[] =>
      x !== null && typeof x === "object" ? Object.values(x).flatMap(leaves) : [x];
    for (const leaf of leaves(f)) {
      if (typeof leaf === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(leaf)) expect(names, leaf).toContain(leaf);
      else expect(["number", "string", "object"]).toContain(typeof leaf);
    }
  });

  it("defaults to the last full month and refuses a period over a year, one end alone or a reversed one", async () => {
    const f = await publicFigures("");
    expect(f.from.endsWith("-01")).toBe(true);
    expect(f.to > f.from).toBe(true);
    for (const q of ["?from=2025-01-01&to=2026-01-02", "?from=2026-04-01", "?from=2026-04-02&to=2026-04-01"]) {
      const res = await exports.default.fetch(`${ORIGIN}/api/appointments/figures${q}`);
      expect(res.status, q).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const anonymous = await call("/api/staff/appointments/figures");
    expect(anonymous.status).toBe(401);
  });

  it("reads the appointments only through their indexes; the decided applications are read whole (no index on decided_at)", async () => {
    const ids = SERVICE_POINTS.map((p) => p.id);
    const s = "2026-04-30T16:00:00.000Z";
    const e = "2026-05-31T16:00:00.000Z";
    const tallies = await plan(bookingTallies(db, ids, s, e));
    expectIndexed(tallies);
    expect(tallies.join(" | ")).toContain("appointments_day_idx");
    const timelines = await plan(decidedTimelines(db, ids, s, e));
    expect(timelines.join(" | ")).toContain("application_events_application_idx");
    for (const q of [decidedApplications(db, ids, s, e), laterVisits(db, ids, s, e)]) {
      const steps = await plan(q);
      const text = steps.join(" | ");
      // Every appointments row is found by a key or an index, never a scan of the table.
      for (const step of steps.filter((x) => /(SCAN|SEARCH) (appointments|intake|visit)\b/.test(x)))
        expect(step, text).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/);
      expect(text).toMatch(/SCAN applications/);
    }
    const visits = (await plan(laterVisits(db, ids, s, e))).join(" | ");
    expect(visits).toContain("appointments_person_idx");
  });
});
