import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { personKey } from "../../../functions/lib/person-key";
import { sweepStatements } from "../../../scripts/seed/sweeps";
import { DEMO_GROUP, DEMO_MINOR, DEMO_VOLUNTEER, pastSweepStatements } from "../../../scripts/seed/sweeps-past";
import { serviceMinutes } from "../../../src/shared/sweeps/hours";
import { atChinaTime } from "../../../src/shared/sweeps/rules";
import type { ManageView } from "../../../src/shared/sweeps/wire";
import { makeStaff } from "../staff/factories";
import { snapshot } from "./all-or-nothing";
import { manage } from "./factories";

// The demo seed (scripts/seed/sweeps.ts, sweeps-past.ts) against the real schema and its triggers:
// what `npm start` loads must be loadable, and must show what the demo promises.

// Under the test Worker's PERSON_KEY_SECRET, as `npm start` seeds under its own.
const seed = (now: Date) => env.DB.batch(sweepStatements(env.PERSON_KEY_SECRET, now).map((sql) => env.DB.prepare(sql)));
const all = async <T>(sql: string) => (await env.DB.prepare(sql).all<T>()).results;
const one = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())?.n;

describe("the sweeps demo seed", () => {
  it("loads under every trigger, a season ahead and four Saturdays held with their hours, and again changes nothing", async () => {
    await makeStaff("volunteer_coordinator", { email: "volunteers@demo.qingxi.example" });
    const now = new Date();
    await seed(now);
    const iso = now.toISOString();
    // A season ahead in all 12 communities, one full with its waitlist; four Saturdays held.
    expect(await one(`SELECT count(*) AS n FROM sweeps WHERE starts_at > '${iso}'`)).toBe(48);
    expect(await one(`SELECT count(*) AS n FROM sweeps WHERE ends_at < '${iso}'`)).toBe(48);
    expect(
      await one(
        `SELECT count(DISTINCT community_id) AS n FROM sweeps WHERE ends_at < '${iso}' AND hours_approved_at IS NOT NULL`,
      ),
    ).toBe(12);
    expect(
      await one("SELECT count(*) AS n FROM sweeps WHERE hours_approved_at IS NOT NULL AND hours_approved_by IS NULL"),
    ).toBe(0);
    expect(await one("SELECT count(*) AS n FROM sweep_signups WHERE status = 'waitlisted'")).toBeGreaterThan(0);

    // Attended rows carry check-in, check-out and the minutes the rule gives; some did not come.
    const attended = await all<{
      checked_in_at: string;
      checked_out_at: string;
      minutes: number;
      s: string;
      e: string;
    }>(
      `SELECT checked_in_at, checked_out_at, minutes, w.starts_at AS s, w.ends_at AS e FROM sweep_signups
          JOIN sweeps w ON w.id = sweep_id WHERE attendance = 'attended'`,
    );
    expect(attended.length).toBeGreaterThan(100);
    for (const a of attended) expect(a.minutes).toBe(serviceMinutes(a.checked_in_at, a.checked_out_at, a.s, a.e));
    expect(await one("SELECT count(*) AS n FROM sweep_signups WHERE attendance = 'no_show'")).toBeGreaterThan(0);
    expect(await one("SELECT count(*) AS n FROM sweep_signups WHERE status = 'late_cancelled'")).toBeGreaterThan(0);
    expect(await one("SELECT count(*) AS n FROM sweep_signups WHERE walk_in = 1")).toBeGreaterThan(0);

    // The minor was confirmed with the guardian's consent; the class as one group of members.
    const minors = await all<{ name: string; consented_at: string | null; group_id: number | null }>(
      "SELECT name, consented_at, group_id FROM sweep_signups WHERE minor = 1",
    );
    expect(minors.every((m) => m.consented_at !== null)).toBe(true);
    expect(minors.filter((m) => m.group_id === null).map((m) => m.name)).toEqual([DEMO_MINOR.name]);
    const groups = await all<{ size: number; members: number }>(
      "SELECT size, (SELECT count(*) FROM sweep_signups s WHERE s.group_id = g.id) AS members FROM sweep_groups g",
    );
    expect(groups).toEqual([{ size: DEMO_GROUP.size, members: DEMO_GROUP.size }]);

    // The demo volunteer: three Saturdays approved (the certificate's), their manage link opens.
    expect(
      await one(
        `SELECT count(*) AS n FROM sweep_signups s JOIN sweeps w ON w.id = s.sweep_id WHERE s.phone = '${DEMO_VOLUNTEER.phone}'
            AND s.attendance = 'attended' AND s.minutes > 0 AND w.hours_approved_at IS NOT NULL`,
      ),
    ).toBe(3);
    const res = await manage(DEMO_VOLUNTEER.manageToken);
    expect(res.status).toBe(200);
    expect(((await res.json()) as ManageView).signup.status).toBe("confirmed");
    // Its rows carry the person key the Worker computes for that phone (the seed and the Worker agree).
    const keys = await all<{ person_key: string }>(
      `SELECT DISTINCT person_key FROM sweep_signups WHERE phone = '${DEMO_VOLUNTEER.phone}'`,
    );
    expect(keys).toEqual([{ person_key: await personKey(env, "sweep", DEMO_VOLUNTEER.phone) }]);

    // Seeding the same database again (npm start does, every time) writes nothing.
    const before = await snapshot();
    await seed(new Date(now.getTime() + 3_600_000));
    expect(await snapshot()).toEqual(before);
  }, 30_000); // About 150 statements, each a round trip: 3 s on the two-core machine under load.

  it("holds the newest sweeps on the last Saturday that is over, so the staff's last week shows them", () => {
    const seeded = (at: string) => pastSweepStatements(env.PERSON_KEY_SECRET, new Date(at)).join("\n");
    // Saturday 5 December 2026, 12:00 China time: that morning's sweeps are over.
    expect(seeded("2026-12-05T04:00:00Z")).toContain(atChinaTime("2026-12-05", "08:30"));
    // The same Saturday at 08:00: the Saturday before.
    const early = seeded("2026-12-05T00:00:00Z");
    expect(early).not.toContain(atChinaTime("2026-12-05", "08:30"));
    expect(early).toContain(atChinaTime("2026-11-28", "08:30"));
    // A Tuesday: the Saturday before it.
    expect(seeded("2026-12-01T04:00:00Z")).toContain(atChinaTime("2026-11-28", "08:30"));
  });
});
