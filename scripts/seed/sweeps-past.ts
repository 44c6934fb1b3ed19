// Demo sweeps already held: the four Saturdays before today in all 12 communities, with what the day
// leaves behind — check-in and check-out, minutes by the rounding rule, a few no-shows, late
// cancels and walk-ins, one 15-year-old with the guardian's consent, one class signed up as a group —
// and the hours approved for all but the last Saturday (so a coordinator has one to approve). One
// volunteer (DEMO_VOLUNTEER) served three approved Saturdays: the certificate's demo.
//
// The triggers of migrations/0015–0016 hold for these rows as for any: each sweep is 'open' and every
// sign-up was made before the start (a walk-in during the sweep), a minor is confirmed only with the
// consent given, attendance only on a confirmed place. Seeded once per database (its own marker).
import { createHash } from "node:crypto";
import { COMMUNITIES } from "../../src/shared/geo.ts";
import { serviceMinutes } from "../../src/shared/sweeps/hours.ts";
import { atChinaTime as at } from "../../src/shared/sweeps/rules.ts";
import { addDays, chinaDay } from "../../src/shared/time.ts";
import { seedPersonKey } from "./person-key.ts";
import { sqlString } from "./sql.ts";

const WEEKS = 4;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const MARKER = `NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_sweeps_past')`;
const NAMES = ["孙", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁"];
const GIVEN = ["佳怡", "宇航", "梓萱", "明轩", "可馨", "博文", "若曦", "天佑"];
const SCHOOLS = ["青溪大学", "青溪职业技术学院", "青溪师范学院", "临河社区志愿服务队"];
const COORDINATOR = "(SELECT id FROM staff_users WHERE email = 'volunteers@demo.qingxi.example')";

const hex = (s: string) => createHash("sha256").update(s).digest("hex");
/** A secret derived from a label, so the README and tests can open the demo's links. */
export const demoSecret = (label: string) =>
  createHash("sha256").update(`qingxi-demo-${label}`).digest("base64url").slice(0, 22);

/** The volunteer with approved hours on three Saturdays: their manage link opens the hours and the certificate. */
export const DEMO_VOLUNTEER = {
  name: "林晓雨",
  phone: "13700001234",
  organisation: "青溪大学",
  /** The manage secret of their sign-up two Saturdays ago (any of their sign-ups shows their hours). */
  manageToken: demoSecret("past-volunteer-1"),
} as const;

/** The 15-year-old whose guardian consented, and the guardian's link (already used). */
export const DEMO_MINOR = {
  name: "陈小满",
  manageToken: demoSecret("past-minor"),
  consentToken: demoSecret("past-minor-guardian"),
} as const;

/** The class signed up by its teacher as one group. */
export const DEMO_GROUP = { organisation: "市第二中学 初二（3）班", size: 6, token: demoSecret("past-group") } as const;

type Value = string | number | null;
const lit = (v: Value) => (v === null ? "NULL" : typeof v === "number" ? String(v) : sqlString(v));
/** A raw SQL expression among the values (a subquery). */
const raw = (sql: string) => ({ sql });
const cell = (v: Value | { sql: string }) => (typeof v === "object" && v !== null ? v.sql : lit(v));

interface Row {
  token: string;
  name: string;
  phone: string;
  organisation: string;
  birthMonth: string;
  status: "confirmed" | "late_cancelled";
  attendance: "attended" | "no_show" | null;
  walkIn?: boolean;
  minor?: { guardianName: string; guardianPhone: string; consentToken: string };
  group?: string;
  /** Minutes after the start: check-in and check-out (attended only). */
  inAt?: number;
  outAt?: number;
}

/** A community's meeting point on the demo map: the middle of its boundary's box. */
export function centre(ring: [number, number][]) {
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
}

/**
 * The most recent Saturday whose sweep is over (China time): today's once it has ended, else the one
 * before. So the newest held sweep is within the staff list's last week (only between 08:30 and
 * 11:00 on a Saturday is it a week and a little ago).
 */
function lastSaturday(now: Date): string {
  const today = chinaDay(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  if (weekday === 6 && now.getTime() >= Date.parse(at(today, "11:00"))) return today;
  return addDays(today, -((weekday + 1) % 7 || 7));
}

/** Born so as to be `age` on `day`: the month after the day's month, `age + 1` years before. */
function bornForAge(day: string, age: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return m === 12 ? `${y - age}-01` : `${y - age - 1}-${String(m + 1).padStart(2, "0")}`;
}

/** Who came to community ci's sweep in week w (0: last Saturday), the popular three fuller. */
function crowd(ci: number, week: number, capacity: number, day: string, next: () => number): Row[] {
  const size = ci < 3 ? capacity - 1 : Math.max(2, Math.floor(capacity * (((ci * 3 + week * 7) % 5) / 10)));
  return Array.from({ length: size }, (_, k) => {
    const i = next();
    const noShow = (ci + week) % 5 === 1 && k === 1;
    const late = ci % 4 === 2 && k === 2;
    return {
      token: demoSecret(`past-signup-${i}`),
      name: `${NAMES[i % NAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
      phone: `138${String(10_000_000 + i * 6_133).slice(-8)}`,
      organisation: SCHOOLS[i % SCHOOLS.length] ?? "",
      birthMonth: bornForAge(day, 19 + (i % 6)),
      status: late ? "late_cancelled" : "confirmed",
      attendance: late ? null : noShow ? "no_show" : "attended",
      walkIn: ci === 5 && k === 0,
      inAt: -15 + (i % 4) * 10,
      outAt: 140 + (i % 5) * 8,
    };
  });
}

export function pastSweepStatements(personSecret: string, now = new Date()): string[] {
  const newest = lastSaturday(now);
  const statements: string[] = [];
  const pastIds: string[] = [];
  let person = 0;
  const next = () => person++;
  for (let week = 0; week < WEEKS; week++) {
    const day = addDays(newest, -7 * week);
    const startsAt = at(day, "08:30");
    const endsAt = at(day, "11:00");
    const start = Date.parse(startsAt);
    const iso = (ms: number) => new Date(ms).toISOString();
    // Hours approved on the Monday after, except last Saturday's.
    const approved = week > 0 ? iso(start + 2 * 24 * HOUR) : null;
    COMMUNITIES.forEach((c, ci) => {
      const id = hex(`qingxi-demo-past-sweep-${day}-${c.id}`).slice(0, 10);
      pastIds.push(id);
      const capacity = 10 + ((ci * 5 + week * 3) % 4) * 5;
      const minAge = ci % 3 === 0 ? 14 : 18;
      const { lng, lat } = centre(c.rings[0] ?? []);
      const created = iso(start - 21 * 24 * HOUR);
      const sweep: (Value | { sql: string })[] = [
        id,
        `${c.name}社区周六清扫`,
        c.id,
        startsAt,
        endsAt,
        `${c.name}社区工作站门口`,
        lat,
        lng,
        capacity,
        10,
        minAge,
        minAge < 18 ? 16 : null,
        `${c.subdistrict}中队 · 青溪区团委`,
        `${NAMES[ci % NAMES.length]}队长 0571-8600 ${String(1000 + ci).padStart(4, "0")}`,
        "手套、水杯、遮阳帽；工具和马甲由中队提供",
        `PICC-2026-${String(40 + week * 12 + ci)}`,
        "open",
        iso(start - 24 * HOUR),
        approved,
        approved ? raw(COORDINATOR) : null,
        created,
        approved ?? created,
      ];
      statements.push(
        `INSERT INTO sweeps (id, title, community_id, starts_at, ends_at, meeting_point, lat, lng, capacity, waitlist_limit, min_age, guardian_present_below, organiser, leader_contact, what_to_bring, insurance_ref, state, cancel_cutoff_at, hours_approved_at, hours_approved_by, created_at, updated_at) SELECT ${sweep.map(cell).join(", ")} WHERE ${MARKER} ON CONFLICT(id) DO NOTHING`,
      );
      const rows = crowd(ci, week, capacity, day, next);
      if (week >= 1 && week <= 3 && ci === week + 3) rows.push(volunteer(week, day));
      if (week === 1 && ci === 0) rows.push(minor(day));
      if (week === 2 && ci === 3) {
        statements.push(groupRow(id, start));
        rows.push(...groupMembers(day));
      }
      statements.push(signupInsert(id, rows, start, Date.parse(endsAt), approved, personSecret));
    });
  }
  statements.push(
    ...messages(pastIds),
    `INSERT INTO app_meta (key, value) VALUES ('demo_sweeps_past', '${pastIds.length}') ON CONFLICT(key) DO NOTHING`,
  );
  return statements;
}

/** DEMO_VOLUNTEER on the Saturday `week` weeks before last (1–3: all approved). */
function volunteer(week: number, day: string): Row {
  return {
    token: demoSecret(`past-volunteer-${week}`),
    name: DEMO_VOLUNTEER.name,
    phone: DEMO_VOLUNTEER.phone,
    organisation: DEMO_VOLUNTEER.organisation,
    birthMonth: bornForAge(day, 20),
    status: "confirmed",
    attendance: "attended",
    inAt: -10,
    outAt: 150 + week * 5,
  };
}

function minor(day: string): Row {
  return {
    token: DEMO_MINOR.manageToken,
    name: DEMO_MINOR.name,
    phone: "13700005678",
    organisation: "市第二中学",
    birthMonth: bornForAge(day, 15),
    status: "confirmed",
    attendance: "attended",
    minor: { guardianName: "陈建国", guardianPhone: "13700005679", consentToken: DEMO_MINOR.consentToken },
    inAt: -5,
    outAt: 125,
  };
}

function groupRow(sweepId: string, start: number): string {
  const values: Value[] = [
    sweepId,
    hex(DEMO_GROUP.token),
    "周老师",
    "13700002000",
    DEMO_GROUP.organisation,
    DEMO_GROUP.size,
    new Date(start - 24 * HOUR).toISOString(),
    new Date(start - 10 * 24 * HOUR).toISOString(),
    new Date(start - 2 * 24 * HOUR).toISOString(),
  ];
  return `INSERT INTO sweep_groups (sweep_id, manage_hash, contact_name, contact_phone, organisation, size, complete_by, created_at, updated_at) SELECT ${values.map(lit).join(", ")} WHERE ${MARKER} ON CONFLICT(manage_hash) DO NOTHING`;
}

/** The class's members, completed through the group's link, each 14 with a guardian's consent. */
function groupMembers(day: string): Row[] {
  return Array.from({ length: DEMO_GROUP.size }, (_, k) => ({
    token: demoSecret(`past-group-member-${k}`),
    name: `${NAMES[(k + 3) % NAMES.length]}${GIVEN[(k * 3 + 1) % GIVEN.length]}`,
    phone: `1370000${String(3000 + k)}`,
    organisation: DEMO_GROUP.organisation,
    birthMonth: bornForAge(day, 14),
    status: "confirmed" as const,
    attendance: "attended" as const,
    minor: {
      guardianName: `${NAMES[(k + 3) % NAMES.length]}家长`,
      guardianPhone: `1370000${String(4000 + k)}`,
      consentToken: demoSecret(`past-group-guardian-${k}`),
    },
    group: hex(DEMO_GROUP.token),
    inAt: -20,
    outAt: 130,
  }));
}

function signupInsert(
  sweepId: string,
  rows: Row[],
  start: number,
  end: number,
  approved: string | null,
  personSecret: string,
): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const values = rows.map((r, k) => {
    // Signed up days before (a walk-in on the spot); the consent a day after the sign-up.
    const created = r.walkIn ? start + 5 * MINUTE : start - (3 + (k % 9)) * 24 * HOUR - k * MINUTE;
    const attended = r.attendance === "attended";
    const checkedIn = attended ? start + (r.walkIn ? 5 : (r.inAt ?? 0)) * MINUTE : null;
    const checkedOut = attended ? start + (r.outAt ?? 0) * MINUTE : null;
    const minutes =
      checkedIn !== null && checkedOut !== null
        ? serviceMinutes(iso(checkedIn), iso(checkedOut), iso(start), iso(end))
        : null;
    const cells: (Value | { sql: string })[] = [
      sweepId,
      hex(r.token),
      seedPersonKey(personSecret, "sweep", r.phone),
      r.name,
      r.phone,
      r.organisation,
      r.birthMonth,
      r.status,
      r.minor ? 1 : 0,
      r.minor?.guardianName ?? null,
      r.minor?.guardianPhone ?? null,
      r.minor ? hex(r.minor.consentToken) : null,
      r.minor ? iso(created + 20 * HOUR) : null,
      r.group ? raw(`(SELECT id FROM sweep_groups WHERE manage_hash = ${lit(r.group)})`) : null,
      r.walkIn ? 1 : 0,
      checkedIn === null ? null : iso(checkedIn),
      checkedOut === null ? null : iso(checkedOut),
      r.attendance,
      minutes,
      iso(created),
      r.status === "late_cancelled" ? iso(start - 2 * HOUR) : (approved ?? iso(checkedOut ?? end)),
    ];
    return `(${cells.map(cell).join(", ")})`;
  });
  return `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status, minor, guardian_name, guardian_phone, guardian_hash, consented_at, group_id, walk_in, checked_in_at, checked_out_at, attendance, minutes, created_at, updated_at) SELECT * FROM (VALUES ${values.join(", ")}) WHERE ${MARKER}`;
}

/**
 * What each person was told, long since sent: the sign-up's answer (a late cancel: its cancellation),
 * the guardian's consent asked and given, and the hours approved.
 */
function messages(sweepIds: string[]): string[] {
  const ours = `s.sweep_id IN (${sweepIds.map(lit).join(", ")}) AND ${MARKER}`;
  return [
    `INSERT INTO sweep_messages (signup_id, kind, recipient, created_at, sent_at, attempts) SELECT s.id, CASE s.status WHEN 'late_cancelled' THEN 'cancelled' ELSE 'confirmed' END, 'volunteer', s.created_at, s.created_at, 1 FROM sweep_signups s WHERE ${ours}`,
    `INSERT INTO sweep_messages (signup_id, kind, recipient, created_at, sent_at, attempts) SELECT s.id, 'consent_needed', 'guardian', s.created_at, s.created_at, 1 FROM sweep_signups s WHERE s.minor = 1 AND ${ours}`,
    `INSERT INTO sweep_messages (signup_id, kind, recipient, created_at, sent_at, attempts) SELECT s.id, 'consented', 'volunteer', s.consented_at, s.consented_at, 1 FROM sweep_signups s WHERE s.minor = 1 AND ${ours}`,
    `INSERT INTO sweep_messages (signup_id, kind, recipient, created_at, sent_at, attempts) SELECT s.id, 'hours_approved', 'volunteer', w.hours_approved_at, w.hours_approved_at, 1 FROM sweep_signups s JOIN sweeps w ON w.id = s.sweep_id WHERE s.attendance = 'attended' AND w.hours_approved_at IS NOT NULL AND ${ours}`,
  ];
}
