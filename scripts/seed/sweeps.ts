// Demo sweeps: every Saturday morning of the next four weeks in all 12 communities, with sign-ups
// skewed as real students skew them (the three most popular communities nearly full, one sweep full
// with a waitlist, the rest thin), so the list's "最需要志愿者" order has something to show. The dates
// follow the clock, so they go in once per database (an app_meta marker), like the demo complaints.
import { createHash } from "node:crypto";
import { COMMUNITIES } from "../../src/shared/geo.ts";
import { atChinaTime as at } from "../../src/shared/sweeps/rules.ts";
import { addDays, chinaDay } from "../../src/shared/time.ts";
import { seedPersonKey } from "./person-key.ts";
import { sqlString as q } from "./sql.ts";
import { centre, pastSweepStatements } from "./sweeps-past.ts";

const WEEKS = 4;
const NAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
const GIVEN = ["一鸣", "思远", "子涵", "雨桐", "浩然", "欣怡", "俊杰", "诗琪"];
const SCHOOLS = ["青溪大学", "青溪职业技术学院", "临河社区志愿服务队", "青溪师范学院", "市第二中学教师志愿队"];
const MARKER = `NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_sweeps')`;

const hex = (s: string) => createHash("sha256").update(s).digest("hex");

/** The manage secret of demo sign-up i: derived, so the README can give a working demo link. */
export function demoManageToken(i: number): string {
  return createHash("sha256").update(`qingxi-demo-signup-${i}`).digest("base64url").slice(0, 22);
}

/** The next Saturday (China time) after `day`. */
function nextSaturday(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, (6 - weekday + 7) % 7 || 7);
}

/** Places filled of each sweep: popular communities nearly full, the first sweep full with a waitlist. */
function filled(community: number, week: number, capacity: number): { confirmed: number; waiting: number } {
  if (community === 0 && week === 0) return { confirmed: capacity, waiting: 5 };
  if (community < 3) return { confirmed: capacity - 1 - ((community + week) % 2), waiting: 0 };
  return { confirmed: Math.floor(capacity * (((community * 7 + week * 3) % 5) / 10)), waiting: 0 };
}

/** `personSecret`: the PERSON_KEY_SECRET the local Worker runs with, so its person keys match these. */
export function sweepStatements(personSecret: string, now = new Date()): string[] {
  const stamp = now.toISOString();
  const first = nextSaturday(chinaDay(now));
  const statements: string[] = [];
  let person = 0;
  for (let week = 0; week < WEEKS; week++) {
    const day = addDays(first, 7 * week);
    COMMUNITIES.forEach((c, ci) => {
      const id = hex(`qingxi-demo-sweep-${week}-${c.id}`).slice(0, 10);
      const startsAt = at(day, "08:30");
      const capacity = 10 + ((ci * 5 + week * 3) % 4) * 5;
      const minAge = ci % 3 === 0 ? 14 : 18;
      const { lng, lat } = centre(c.rings[0] ?? []);
      statements.push(
        `INSERT INTO sweeps (id, title, community_id, starts_at, ends_at, meeting_point, lat, lng, capacity, waitlist_limit, min_age, guardian_present_below, organiser, leader_contact, what_to_bring, insurance_ref, state, cancel_cutoff_at, created_at, updated_at) SELECT ${[
          id,
          `${c.name}社区周六清扫`,
          c.id,
          startsAt,
          at(day, "11:00"),
          `${c.name}社区工作站门口`,
        ]
          .map(q)
          .join(
            ", ",
          )}, ${lat}, ${lng}, ${capacity}, 10, ${minAge}, ${minAge < 18 ? 16 : "NULL"}, ${q(`${c.subdistrict}中队 · 青溪区团委`)}, ${q(`${NAMES[ci % NAMES.length]}队长 0571-8600 ${String(1000 + ci).padStart(4, "0")}`)}, ${q("手套、水杯、遮阳帽；工具和马甲由中队提供")}, ${q(`PICC-2026-${String(100 + week * 12 + ci)}`)}, 'open', ${q(new Date(Date.parse(startsAt) - 24 * 3_600_000).toISOString())}, ${q(stamp)}, ${q(stamp)} WHERE ${MARKER} ON CONFLICT(id) DO NOTHING`,
      );
      const { confirmed, waiting } = filled(ci, week, capacity);
      const rows = Array.from({ length: confirmed + waiting }, (_, k) => {
        const i = person++;
        const phone = `139${String(10_000_000 + i * 7_919).slice(-8)}`;
        const status = k < confirmed ? "confirmed" : "waitlisted";
        const values = [
          id,
          hex(demoManageToken(i)),
          seedPersonKey(personSecret, "sweep", phone),
          `${NAMES[i % NAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`,
          phone,
          SCHOOLS[i % SCHOOLS.length] ?? "",
          `${1990 + (i % 16)}-${String((i % 12) + 1).padStart(2, "0")}`,
          status,
          stamp,
          stamp,
        ];
        return `(${values.map(q).join(", ")})`;
      });
      if (rows.length === 0) return;
      statements.push(
        `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status, created_at, updated_at) SELECT * FROM (VALUES ${rows.join(", ")}) WHERE ${MARKER}`,
      );
    });
  }
  statements.push(
    `INSERT INTO sweep_messages (signup_id, kind, created_at) SELECT id, status, created_at FROM sweep_signups WHERE ${MARKER}`,
    `INSERT INTO app_meta (key, value) VALUES ('demo_sweeps', '${WEEKS * COMMUNITIES.length}') ON CONFLICT(key) DO NOTHING`,
  );
  // The Saturdays already held, with their hours (a marker of their own, so a database seeded before
  // them gets them too).
  return [...statements, ...pastSweepStatements(personSecret, now)];
}
