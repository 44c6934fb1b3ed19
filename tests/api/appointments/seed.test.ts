import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { personKey } from "../../../functions/lib/person-key";
import { appointmentStatements, DEMO_NAME, DEMO_PHONE, demoAppointmentPlan } from "../../../scripts/seed/appointments";
import { SERVICE_POINTS } from "../../../src/shared/appointments/points";
import { slotsFor } from "../../../src/shared/appointments/slots";
import type { AppointmentView } from "../../../src/shared/appointments/wire";
import { chinaDay } from "../../../src/shared/time";
import { makeStaff } from "../staff/factories";
import { manage } from "./factories";

// The appointments' demo seed (scripts/seed/appointments.ts) against the real schema and every
// trigger of migrations/0017–0020: what `npm start` loads must load, stay within every slot's
// places, show an application at every step and carry nothing that looks like a real person.

const seed = (now: Date) =>
  env.DB.batch(appointmentStatements(env.PERSON_KEY_SECRET, now).map((sql) => env.DB.prepare(sql)));
const all = async <T>(sql: string) => (await env.DB.prepare(sql).all<T>()).results;
const one = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())?.n;

/** Every table the seed writes, whole: seeding again must change none of them. */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      ["appointments", "appointment_messages", "applications", "application_events", "application_missing"].map(
        async (t) => [t, await all(`SELECT * FROM ${t} ORDER BY rowid`)] as const,
      ),
    ),
  );

async function checkSeed(now: Date) {
  await makeStaff("service_point_staff", { email: "servicepoint@demo.qingxi.example" });
  await seed(now);
  const iso = now.toISOString();
  const planned = demoAppointmentPlan(now);
  expect(await one("SELECT count(*) AS n FROM appointments")).toBe(planned.bookings);

  // Every point has past and future bookings; the past came, did not come or cancelled, the future is booked.
  for (const p of SERVICE_POINTS) {
    const statuses = await all<{ status: string; ahead: number }>(
      `SELECT DISTINCT status, slot_start > '${iso}' AS ahead FROM appointments WHERE point_id = '${p.id}'`,
    );
    const past = statuses.filter((s) => !s.ahead).map((s) => s.status);
    expect(past, p.id).toEqual(expect.arrayContaining(["attended", "no_show", "cancelled", "late_cancelled"]));
    expect(
      statuses.filter((s) => s.ahead).map((s) => s.status),
      p.id,
    ).toContain("booked");
  }
  expect(await one(`SELECT count(*) AS n FROM appointments WHERE status = 'booked' AND slot_end <= '${iso}'`)).toBe(0);
  expect(
    await one(
      `SELECT count(*) AS n FROM appointments WHERE status IN ('attended', 'no_show') AND slot_start > '${iso}'`,
    ),
  ).toBe(0);
  expect(await one("SELECT count(*) AS n FROM appointments WHERE walk_in = 1")).toBeGreaterThan(0);

  // Capacity is never exceeded, and every future slot still has a place for the demo's own bookings.
  const over = await all(
    `SELECT slot_id, capacity, count(*) AS n FROM appointments WHERE status IN ('booked', 'attended')
      GROUP BY slot_id, capacity HAVING count(*) > capacity`,
  );
  expect(over).toEqual([]);
  // Each row's slot is one the data gives (its id, times and places).
  const rows = await all<{ slot_id: string; slot_start: string; slot_end: string; capacity: number }>(
    "SELECT DISTINCT slot_id, slot_start, slot_end, capacity FROM appointments",
  );
  const known = new Map(
    SERVICE_POINTS.flatMap((point) =>
      (["consultation", "intake", "inspection"] as const).flatMap((service) =>
        [-45, -35, -25, -15, -5, -1, 0].flatMap(
          (d) => slotsFor({ point, service, now: new Date(now.getTime() + d * 86_400_000) }).slots,
        ),
      ),
    ).map((s) => [s.id, s]),
  );
  for (const r of rows) {
    const s = known.get(r.slot_id);
    expect(s, r.slot_id).toBeDefined();
    expect([r.slot_start, r.slot_end, r.capacity]).toEqual([s?.start, s?.end, s?.capacity]);
  }

  // Nothing real: 139 0000 phones, 张先生-style names, shops named as demo shops, no licence numbers.
  const people = await all<{ name: string; phone: string; shop_name: string; licence_number: string | null }>(
    "SELECT name, phone, shop_name, licence_number FROM appointments",
  );
  for (const p of people) {
    expect(p.phone).toMatch(DEMO_PHONE);
    expect(p.name).toMatch(DEMO_NAME);
    expect(p.shop_name).toMatch(/^演示/);
    expect(p.licence_number).toBeNull();
  }
  const [sample] = await all<{ phone: string; person_key: string }>(
    "SELECT phone, person_key FROM appointments LIMIT 1",
  );
  expect(sample?.person_key).toBe(await personKey(env, "appointment", sample?.phone ?? ""));

  // An application at every step, with the timeline each step writes.
  const apps = await all<{
    application_number: string;
    step: string;
    decision: string | null;
    reasons: string | null;
    step_due_on: string | null;
    events: number;
    last_due: string | null;
  }>(
    `SELECT application_number, step, decision, reasons, step_due_on,
        (SELECT count(*) FROM application_events e WHERE e.application_id = a.id) AS events,
        (SELECT due_on FROM application_events e WHERE e.application_id = a.id ORDER BY id DESC LIMIT 1) AS last_due
      FROM applications a`,
  );
  const byLabel = new Map(planned.applications.map((p) => [p.number, p]));
  expect(planned.applications.map((p) => p.label)).toEqual([
    "received",
    "correction",
    "accepted",
    "inspection",
    "granted",
    "refused",
    "closed-0",
    "closed-1",
    "closed-2",
    "closed-3",
    "withdrawn",
    "overdue",
  ]);
  expect(apps.map((a) => a.step).sort()).toEqual(
    [
      "received",
      "correction",
      "accepted",
      "inspection",
      "decided",
      "decided",
      "closed",
      "closed",
      "closed",
      "closed",
      "withdrawn",
      "received",
    ].sort(),
  );
  for (const a of apps) {
    const p = byLabel.get(a.application_number);
    expect(a.events, a.application_number).toBe((p?.actions ?? 0) + 1);
    expect(a.step_due_on, a.application_number).toBe(a.last_due);
  }
  expect(apps.filter((a) => a.decision === "granted").length).toBe(5);
  const refused = apps.filter((a) => a.decision === "refused");
  expect(refused).toHaveLength(1);
  expect(refused[0]?.reasons?.length).toBeGreaterThan(10);
  // The correction lists every missing material with its last day; the accepted one had them all.
  const missing = await all<{ step: string; open: number; done: number }>(
    `SELECT a.step, sum(m.supplied_at IS NULL) AS open, sum(m.supplied_at IS NOT NULL) AS done
      FROM application_missing m JOIN applications a ON a.id = m.application_id GROUP BY a.id ORDER BY a.step`,
  );
  expect(missing).toEqual([
    { step: "accepted", open: 0, done: 2 },
    { step: "correction", open: 2, done: 0 },
    { step: "withdrawn", open: 2, done: 0 },
  ]);
  // One received application is overdue (past its 5 working days), the other on time; nothing happened later than now.
  const today = chinaDay(now);
  const open = apps.filter((a) => a.step === "received").map((a) => (a.step_due_on ?? "") < today);
  expect(open.sort()).toEqual([false, true]);
  expect(await one(`SELECT count(*) AS n FROM application_events WHERE created_at > '${iso}'`)).toBe(0);
  // The inspection step's visit is booked ahead, for that application; the granted one was visited.
  const inspections = await all<{ status: string; ahead: number }>(
    `SELECT status, slot_start > '${iso}' AS ahead FROM appointments WHERE application_number IS NOT NULL ORDER BY ahead`,
  );
  expect(inspections).toEqual([
    { status: "attended", ahead: 0 },
    { status: "booked", ahead: 1 },
  ]);

  // The merchant's manage link shows their application: the correction's missing materials.
  const correction = planned.applications.find((p) => p.label === "correction");
  const res = await manage(correction?.manageToken ?? "");
  expect(res.status).toBe(200);
  const view = (await res.json()) as AppointmentView;
  expect(view.application?.step).toBe("correction");
  expect(view.application?.missing?.map((m) => m.suppliedAt)).toEqual([null, null]);

  // Seeding the same database again (npm start does, every time) writes nothing.
  const before = await snapshot();
  await seed(new Date(now.getTime() + 3_600_000));
  expect(await snapshot()).toEqual(before);
}

describe("the appointments demo seed", () => {
  // The tests of a file share one database, and the seed goes in once per database: this one loads
  // the seed of another day in a batch that then fails on purpose at its last statement, so every
  // trigger saw every row and the database is left empty for the next.
  it("loads under every trigger on the Friday after 国庆 (中秋 and 国庆 closed in its past weeks, a make-up Sunday and Saturday either side)", async () => {
    const now = new Date("2026-10-09T03:00:00.000Z");
    expect(demoAppointmentPlan(now).applications).toHaveLength(12);
    const probe = [
      ...appointmentStatements(env.PERSON_KEY_SECRET, now),
      "INSERT INTO app_meta (key, value) VALUES ('seed_probe', '1'), ('seed_probe', '2')",
    ];
    await expect(env.DB.batch(probe.map((sql) => env.DB.prepare(sql)))).rejects.toThrow(/app_meta\.key/);
    expect(await one("SELECT count(*) AS n FROM appointments")).toBe(0);
  }, 30_000);

  it("loads under every trigger on 1 December 2026: bookings past and ahead within their places, an application at every step", async () => {
    await checkSeed(new Date("2026-12-01T02:00:00.000Z"));
  }, 30_000);
});
