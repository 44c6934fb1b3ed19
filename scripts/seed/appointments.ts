// Demo appointments at the four service points of our notices: five weeks of past bookings (came,
// did not come, cancelled, one walk-in) and the next two weeks booked in part, every row on a real
// slot of the data (src/shared/appointments/slots.ts, so migrations/0017's slot-id trigger accepts
// it) and never more rows holding a place than the slot has (the capacity triggers would refuse
// them; `take` refuses first, so a bad plan fails here and not half-way through the database).
// Linhe's desk (the demo clerk's) also has an application at every step, its timeline written step
// by step as the Worker writes it (migrations/0019's triggers check each move and version) on
// working days counted from the intake (applications.ts). Every date follows the seed's `now`, so the
// demo always looks current; the choices are by index, so the same `now` gives the same rows. The
// people are plainly made up: 139 0000 xxxx phones, 张先生-style names. Seeded once per database.
import { createHash } from "node:crypto";
import { type OPEN_STEPS, stepDue } from "../../src/shared/appointments/applications.ts";
import { workingDaysAfter } from "../../src/shared/appointments/calendar.ts";
import { BOOKING_RULES, SERVICE_IDS, SERVICE_POINTS, type ServiceId } from "../../src/shared/appointments/points.ts";
import { type Slot, slotsFor } from "../../src/shared/appointments/slots.ts";
import { addDays, addMinutes, chinaDay, dayStart } from "../../src/shared/time.ts";
import { seedPersonKey } from "./person-key.ts";
import { sqlString as q } from "./sql.ts";

const MARKER = `NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_appointments')`;
const CLERK = "(SELECT id FROM staff_users WHERE email = 'servicepoint@demo.qingxi.example')";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Rows per INSERT: D1 refuses a statement over 100 KB. */
const CHUNK = 80;

const SURNAMES = ["张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙"];
const SHOPS = ["小面馆", "便利店", "水果店", "理发店", "茶饮店", "花店", "眼镜店", "包子铺", "文具店", "药房"];
const STREETS: Record<string, string[]> = {
  linhe: ["临河路", "滨河路", "河埠街"],
  guiyuan: ["桂园路", "桂花巷", "园前街"],
  xishan: ["溪山南路", "溪山北路", "山前街"],
  beihu: ["北湖东路", "湖滨路", "北湖西街"],
};

/** The demo's fake phones: 139 0000 and four digits, never a real-looking number. */
export const demoPhone = (i: number) => `1390000${String(i % 10_000).padStart(4, "0")}`;
export const DEMO_PHONE = /^1390000\d{4}$/;
export const DEMO_NAME = /^[张王李赵陈刘杨黄周吴徐孙](先生|女士)$/;

const hash = (s: string) => createHash("sha256").update(s);
/** A booking or application number from a label: the Worker's shape (prefix and 8 Crockford base32). */
const number = (prefix: string, label: string) =>
  `${prefix}${[...hash(`qingxi-demo-${label}`).digest()]
    .slice(0, 8)
    .map((b) => CROCKFORD[b % 32])
    .join("")}`;
/** The demo's manage secrets, derived so a test can open a booking's manage page. */
export const demoAppointmentToken = (i: number) =>
  hash(`qingxi-demo-appointment-${i}`).digest("base64url").slice(0, 22);

type Status = "booked" | "attended" | "no_show" | "cancelled" | "late_cancelled";

interface Row {
  i: number;
  number: string;
  slot: Slot;
  status: Status;
  createdAt: string;
  walkIn?: boolean;
  note?: string;
  applicationNumber?: string;
  /** The merchant of another row (an inspection for an application is the intake's merchant). */
  sameAs?: Row;
}

type Action =
  | "request_correction"
  | "materials_supplied"
  | "accept"
  | "book_inspection"
  | "decide"
  | "close"
  | "withdraw";

/** One demo application: its actions by working days after the intake day. */
interface Plan {
  label: string;
  actions: { action: Action; after: number; decision?: "granted" | "refused"; note?: string }[];
  /** The inspection: at the shop after the booking (`past`, then decided) or ahead (`future`). */
  inspection?: "past" | "future";
  /** Overdue on purpose: the intake old enough that 收件's 5 working days have passed. */
  overdue?: boolean;
}

const MISSING = [
  { item: "产权证明，或租赁合同及业主同意设置招牌的书面意见", note: "租赁合同已过期，请提供续签合同" },
  { item: "A4 效果图两张（设置前、设置后）", note: "效果图须看得出左右相邻店招，并标明尺寸" },
];

/** The applications at linhe, one at every step (closed four times, so the figures have enough decided). */
export const DEMO_APPLICATION_PLANS: Plan[] = [
  { label: "received", actions: [] },
  { label: "correction", actions: [{ action: "request_correction", after: 1 }] },
  {
    label: "accepted",
    actions: [
      { action: "request_correction", after: 1 },
      { action: "materials_supplied", after: 3 },
      { action: "accept", after: 4 },
    ],
  },
  {
    label: "inspection",
    actions: [
      { action: "accept", after: 1 },
      { action: "book_inspection", after: 2 },
    ],
    inspection: "future",
  },
  {
    label: "granted",
    actions: [
      { action: "accept", after: 1 },
      { action: "book_inspection", after: 2 },
      { action: "decide", after: 6, decision: "granted", note: "招牌尺寸、材质、文字与营业执照一致，同意设置。" },
    ],
    inspection: "past",
  },
  {
    label: "refused",
    actions: [
      { action: "accept", after: 1 },
      {
        action: "decide",
        after: 5,
        decision: "refused",
        note: "招牌突出墙面超过 0.5 米且遮挡二楼窗户，不符合《青溪区户外招牌设置导则》第十二条；可按导则修改设计后重新申请。",
      },
    ],
  },
  ...[0, 1, 2, 3].map((k) => ({
    label: `closed-${k}`,
    actions: [
      { action: "accept" as const, after: 1 },
      { action: "decide" as const, after: 4 + k, decision: "granted" as const, note: "同意设置。" },
      { action: "close" as const, after: 6 + k, note: "许可决定书已送达。" },
    ],
  })),
  {
    label: "withdrawn",
    actions: [
      { action: "request_correction", after: 1 },
      { action: "withdraw", after: 12, note: "补正期限已过仍未补齐材料，申请人同意撤回，可材料齐全后重新预约收件。" },
    ],
  },
  { label: "overdue", actions: [], overdue: true },
];

const at = (day: string, clock: string) => {
  const [h, m] = clock.split(":").map(Number);
  return addMinutes(dayStart(day), (h ?? 0) * 60 + (m ?? 0)).toISOString();
};

/** The n-th working day after `day` (the data's calendar; past its end, Monday to Friday). */
const workingDay = (day: string, n: number) => {
  const d = workingDaysAfter(day, n);
  return typeof d === "string" ? d : addDays(day, Math.ceil((n * 7) / 5));
};

/** Every slot of the data from `from` to `to` (the API lists a horizon at a time; this walks back in horizons). */
function slotsBetween(pointId: string, service: ServiceId, from: Date, to: Date): Slot[] {
  const point = SERVICE_POINTS.find((p) => p.id === pointId);
  if (!point) return [];
  const seen = new Map<string, Slot>();
  // From three days before `from`: a listing leaves out the slots within its notice period.
  for (let t = from.getTime() - 3 * DAY; t < to.getTime(); t += 10 * DAY) {
    for (const s of slotsFor({ point, service, now: new Date(t) }).slots) seen.set(s.id, s);
  }
  return [...seen.values()]
    .filter((s) => s.start >= from.toISOString() && s.start < to.toISOString())
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** The demo's bookings and applications, planned in memory; `take` keeps every slot within its places. */
function plan(now: Date) {
  const iso = now.toISOString();
  const rows: Row[] = [];
  const taken = new Map<string, number>();
  let person = 0;
  const take = (slot: Slot, status: Status, createdAt: string, extra: Partial<Row> = {}) => {
    if (status === "booked" || status === "attended") {
      const n = (taken.get(slot.id) ?? 0) + 1;
      if (n > slot.capacity) throw new Error(`demo seed: ${slot.id} over its ${slot.capacity} places`);
      taken.set(slot.id, n);
    }
    const i = person++;
    const row: Row = { i, number: number("YY", `appointment-${i}`), slot, status, createdAt, ...extra };
    rows.push(row);
    return row;
  };
  const free = (slot: Slot) => slot.capacity - (taken.get(slot.id) ?? 0);
  const created = (slot: Slot, k: number) =>
    new Date(
      Math.min(Date.parse(slot.start) - (1 + (k % 6)) * DAY - (k % 5) * HOUR, now.getTime() - HOUR),
    ).toISOString();

  const past = new Date(now.getTime() - 35 * DAY);
  const horizonEnd = dayStart(addDays(chinaDay(now), BOOKING_RULES.bookingHorizonDays + 1));
  for (const point of SERVICE_POINTS) {
    for (const service of SERVICE_IDS) {
      const before = slotsBetween(point.id, service, past, now).filter((s) => s.end <= iso);
      before.forEach((slot, k) => {
        // Desks: most slots had someone, a few every place; the teams visited one shop in three windows.
        const places = service === "inspection" ? (k % 3 === 0 ? 1 : 0) : Math.min(slot.capacity, k % 3);
        for (let p = 0; p < places; p++) {
          const status = (k + p) % 6 === 4 ? "no_show" : "attended";
          take(slot, status, created(slot, k + p), {
            walkIn: service === "intake" && k === 5 && p === 0,
            note:
              service === "consultation" && k % 7 === 2 && status === "attended"
                ? "已告知设置导则，建议先做效果图再预约收件。"
                : undefined,
          });
        }
        if (k % 7 === 1) take(slot, "cancelled", created(slot, k));
        if (k % 9 === 2) take(slot, "late_cancelled", created(slot, k));
      });
      // Ahead to the horizon's last day (today's later slots too, booked days ago): booked in part,
      // always a place left (a one-desk slot every third one taken).
      const ahead = slotsBetween(point.id, service, now, horizonEnd).filter((s) => s.start > iso);
      ahead.forEach((slot, k) => {
        const places = slot.capacity === 1 ? (k % 3 === 1 ? 1 : 0) : Math.min(slot.capacity - 1, k % slot.capacity);
        for (let p = 0; p < places; p++) take(slot, "booked", created(slot, k + p));
        if (k % 8 === 3) take(slot, "cancelled", created(slot, k));
      });
    }
  }

  // Linhe's applications: each from an attended intake, the newest that leaves room for its steps.
  const today = chinaDay(now);
  const intakes = rows
    .filter((r) => r.slot.pointId === "linhe" && r.slot.service === "intake" && r.status === "attended" && !r.walkIn)
    .sort((a, b) => b.slot.start.localeCompare(a.slot.start));
  const used = new Set<Row>();
  const inspections = {
    past: slotsBetween("linhe", "inspection", past, now).filter((s) => s.end <= iso),
    future: slotsBetween("linhe", "inspection", now, horizonEnd).filter(
      (s) => Date.parse(s.start) >= now.getTime() + 48 * HOUR,
    ),
  };
  const applications = DEMO_APPLICATION_PLANS.flatMap((p) => {
    for (const intake of intakes) {
      if (used.has(intake)) continue;
      const day = intake.slot.day;
      const days = p.actions.map((a) => workingDay(day, a.after));
      if (days.some((d) => d >= today)) continue;
      if (p.overdue && stepDue("received", day).day >= today) continue;
      if (!p.overdue && p.actions.length === 0 && stepDue("received", day).day < today) continue;
      let inspection: Row | undefined;
      const booked = p.actions.findIndex((a) => a.action === "book_inspection");
      if (p.inspection === "past") {
        // Visited after it was booked, decided after the visit.
        const decideDay = days[booked + 1] ?? today;
        const slot = inspections.past.find((s) => s.day > (days[booked] ?? today) && s.day < decideDay && free(s) > 0);
        if (!slot) continue;
        inspection = take(slot, "attended", at(days[booked] ?? day, "10:40"), { sameAs: intake });
      } else if (p.inspection === "future") {
        const slot = inspections.future.find((s) => free(s) > 0);
        if (!slot) continue;
        inspection = take(slot, "booked", at(days[booked] ?? day, "10:40"), { sameAs: intake });
      }
      used.add(intake);
      const app = { plan: p, intake, days, inspection, number: number("SQ", `application-${p.label}`) };
      if (inspection) inspection.applicationNumber = app.number;
      return [app];
    }
    return []; // Too few past intakes (the holiday data ends): that step is left out.
  });
  return { rows, applications };
}

type Value = string | number | null;
const lit = (v: Value) => (v === null ? "NULL" : typeof v === "number" ? String(v) : q(v));

function bookingStatements(personSecret: string, rows: Row[]): string[] {
  const values = rows.map((r) => {
    const who = r.sameAs ?? r;
    const phone = demoPhone(who.i);
    const point = r.slot.pointId;
    const streets = STREETS[point] ?? ["青溪路"];
    const attended = r.status === "attended";
    const checkedIn = attended ? new Date(Date.parse(r.slot.start) + (3 + (r.i % 12)) * 60_000).toISOString() : null;
    const cells: Value[] = [
      r.number,
      hash(demoAppointmentToken(r.i)).digest("hex"),
      point,
      r.slot.service,
      r.slot.id,
      r.slot.start,
      r.slot.end,
      r.slot.capacity,
      `${SURNAMES[who.i % SURNAMES.length]}${who.i % 3 === 1 ? "女士" : "先生"}`,
      phone,
      seedPersonKey(personSecret, "appointment", phone),
      `演示${SHOPS[who.i % SHOPS.length]}`,
      `${streets[who.i % streets.length]}${1 + ((who.i * 7) % 180)}号`,
      r.applicationNumber ?? null,
      r.status,
      checkedIn,
      r.walkIn ? 1 : 0,
      r.note ?? null,
      r.walkIn ? (checkedIn ?? r.createdAt) : r.createdAt,
      r.status === "booked" ? r.createdAt : (checkedIn ?? r.slot.end),
    ];
    return `(${cells.map(lit).join(", ")}, ${attended ? CLERK_OF(point) : "NULL"})`;
  });
  const statements: string[] = [];
  for (let c = 0; c < values.length; c += CHUNK) {
    const chunk = rows.slice(c, c + CHUNK);
    statements.push(
      `INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end, capacity, name, phone, person_key, shop_name, shop_address, application_number, status, checked_in_at, walk_in, desk_note, created_at, updated_at, checked_in_by) SELECT * FROM (VALUES ${values.slice(c, c + CHUNK).join(", ")}) WHERE ${MARKER}`,
      // Each was told it was booked (sent already: the demo's outbox has nothing to send).
      `INSERT INTO appointment_messages (appointment_id, kind, created_at, sent_at) SELECT id, 'booked', created_at, created_at FROM appointments WHERE booking_number IN (${chunk.map((r) => q(r.number)).join(", ")}) AND ${MARKER}`,
    );
  }
  return statements;
}

/** The clerk who checked people in: linhe's demo clerk; the other points have no demo account. */
const CLERK_OF = (point: string) => (point === "linhe" ? CLERK : "NULL");

function applicationStatements(app: ReturnType<typeof plan>["applications"][number]): string[] {
  const n = q(app.number);
  const id = `(SELECT id FROM applications WHERE application_number = ${n})`;
  const intakeDay = app.intake.slot.day;
  const intakeAt = new Date(Date.parse(app.intake.slot.start) + 20 * 60_000).toISOString();
  const message = (when: string) =>
    `INSERT INTO appointment_messages (appointment_id, kind, created_at, sent_at) SELECT id, 'application_status', ${q(when)}, ${q(when)} FROM appointments WHERE booking_number = ${q(app.intake.number)} AND ${MARKER}`;
  const event = (action: string, step: string, note: string | null, due: string | null, when: string) =>
    `INSERT INTO application_events (application_id, action, step, staff_id, note, due_on, created_at) SELECT ${id}, ${q(action)}, ${q(step)}, ${CLERK}, ${lit(note)}, ${lit(due)}, ${q(when)} WHERE ${MARKER}`;
  const move = (step: string, due: { day: string; estimated: boolean } | null, when: string, extra = "") =>
    `UPDATE applications SET step = ${q(step)}, step_started_at = CASE WHEN step = ${q(step)} THEN step_started_at ELSE ${q(when)} END, step_due_on = ${lit(due?.day ?? null)}, due_estimated = ${due?.estimated ? 1 : 0}, version = version + 1, updated_at = ${q(when)}${extra} WHERE application_number = ${n} AND ${MARKER}`;

  const received = stepDue("received", intakeDay);
  const out = [
    `INSERT INTO applications (application_number, point_id, intake_appointment_id, shop_name, shop_address, step, step_started_at, step_due_on, due_estimated, version, created_at, updated_at) SELECT ${n}, point_id, id, shop_name, shop_address, 'received', ${q(intakeAt)}, ${q(received.day)}, ${received.estimated ? 1 : 0}, 0, ${q(intakeAt)}, ${q(intakeAt)} FROM appointments WHERE booking_number = ${q(app.intake.number)} AND ${MARKER}`,
    event("intake", "received", null, received.day, intakeAt),
    message(intakeAt),
  ];
  let acceptedOn: string | null = null;
  app.plan.actions.forEach((a, k) => {
    const day = app.days[k] ?? intakeDay;
    const when = at(day, "10:30");
    let step: (typeof OPEN_STEPS)[number] | "closed" | "withdrawn";
    let due: { day: string; estimated: boolean } | null = null;
    let note = a.note ?? null;
    let extra = "";
    const after: string[] = [];
    switch (a.action) {
      case "request_correction":
        step = "correction";
        due = stepDue("correction", day, { correctionDays: 10 });
        note = `需补正：${MISSING.map((m) => m.item).join("、")}。`;
        after.push(
          `INSERT INTO application_missing (application_id, event_id, item, note, due_on) SELECT ${id}, (SELECT max(id) FROM application_events WHERE application_id = ${id}), column1, column2, ${q(due.day)} FROM (VALUES ${MISSING.map((m) => `(${q(m.item)}, ${q(m.note)})`).join(", ")}) WHERE ${MARKER}`,
        );
        break;
      case "materials_supplied":
        step = "received";
        due = stepDue("received", day);
        note = `补正材料已收齐：${MISSING.map((m) => m.item).join("、")}。`;
        after.push(
          `UPDATE application_missing SET supplied_at = ${q(when)} WHERE application_id = ${id} AND supplied_at IS NULL AND ${MARKER}`,
        );
        break;
      case "accept":
        step = "accepted";
        acceptedOn = day;
        due = stepDue("accepted", day, { acceptedOn: day });
        extra = `, accepted_on = ${q(day)}`;
        break;
      case "book_inspection":
        step = "inspection";
        due = stepDue("inspection", day, { acceptedOn });
        note = `现场查看：${app.inspection?.slot.day ?? ""} ${app.inspection?.slot.window === "afternoon" ? "下午" : "上午"}。`;
        break;
      case "decide":
        step = "decided";
        due = stepDue("decided", day);
        extra = `, decision = ${q(a.decision ?? "granted")}, reasons = ${lit(a.note ?? null)}, decided_at = ${q(when)}`;
        break;
      case "close":
        step = "closed";
        break;
      case "withdraw":
        step = "withdrawn";
        break;
    }
    out.push(
      move(step, due, when, extra),
      event(a.action, step, note, due?.day ?? null, when),
      ...after,
      message(when),
    );
  });
  return out;
}

/** `personSecret`: the PERSON_KEY_SECRET the local Worker runs with, so its person keys match these. */
export function appointmentStatements(personSecret: string, now = new Date()): string[] {
  const { rows, applications } = plan(now);
  return [
    ...bookingStatements(personSecret, rows),
    ...applications.flatMap(applicationStatements),
    `INSERT INTO app_meta (key, value) VALUES ('demo_appointments', '${rows.length}') ON CONFLICT(key) DO NOTHING`,
  ];
}

/** What the seed plans for `now` (the test checks the database against it). */
export const demoAppointmentPlan = (now: Date) => {
  const { rows, applications } = plan(now);
  return {
    bookings: rows.length,
    applications: applications.map((a) => ({
      label: a.plan.label,
      number: a.number,
      actions: a.plan.actions.length,
      manageToken: demoAppointmentToken(a.intake.i),
    })),
  };
};
