import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { StaffSweepResult } from "../../../src/shared/sweeps/wire";
import { call, makeStaff, signIn } from "../staff/factories";
import { makeSweep, manage, signUpOk, statuses } from "./factories";

// A sweep cancelled by staff: everyone signed up is told (each person on their own details, each
// group's contact once) and every place not yet confirmed is withdrawn (open offers, a minor's place
// held for consent, a group's places held for its members' details, the waitlist), in the
// cancellation's one batch. A changed sweep tells everyone too.

const coordinator = async () => signIn((await makeStaff("volunteer_coordinator")).email);

/** A minor's place held for the guardian's consent, and a group of two holding places, as their flows write them. */
async function holdPlaces(sweepId: string) {
  const at = new Date().toISOString();
  const until = new Date(Date.now() + 24 * 3_600_000).toISOString();
  const tag = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
      minor, guardian_name, guardian_phone, held_until, created_at, updated_at)
     VALUES (?, ?, ?, '小林', '13900009999', '青溪中学', '2011-03', 'pending_consent', 1, '林父', '13500009999', ?, ?, ?)`,
  )
    .bind(sweepId, `minor-${tag}`, `minor-${tag}`, until, at, at)
    .run();
  const group = await env.DB.prepare(
    `INSERT INTO sweep_groups (sweep_id, manage_hash, contact_name, contact_phone, organisation, size, complete_by,
      created_at, updated_at) VALUES (?, ?, '周老师', '13700004444', '青溪中学', 2, ?, ?, ?) RETURNING id`,
  )
    .bind(sweepId, `group-${tag}`, until, at, at)
    .first<{ id: number }>();
  for (const i of [1, 2]) {
    await env.DB.prepare(
      `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
        held_until, group_id, created_at, updated_at)
       VALUES (?, ?, ?, '', '', '青溪中学', '', 'reserved', ?, ?, ?, ?)`,
    )
      .bind(sweepId, `group:${tag}:${i}`, `group:${tag}:${i}`, until, group?.id, at, at)
      .run();
  }
}

const messages = async (sweepId: string, kind: string) =>
  (
    await env.DB.prepare(
      `SELECT s.status, s.name, m.recipient FROM sweep_messages m JOIN sweep_signups s ON s.id = m.signup_id
       WHERE s.sweep_id = ? AND m.kind = ? ORDER BY m.id`,
    )
      .bind(sweepId, kind)
      .all<{ status: string; name: string; recipient: string }>()
  ).results;

describe("a sweep cancelled by staff", () => {
  it("tells everyone and withdraws open offers, held places and the waitlist; confirmed places stay on record", async () => {
    const s = await makeSweep({ capacity: 5 });
    await signUpOk(s.id, { name: "甲" });
    const b = await signUpOk(s.id, { name: "乙" });
    await holdPlaces(s.id);
    const c = await signUpOk(s.id, { name: "丙" });
    await signUpOk(s.id, { name: "丁" });
    expect(c.status).toBe("waitlisted");
    expect((await manage(b.manageToken, "DELETE")).status).toBe(200);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "cancelled",
      "pending_consent",
      "reserved",
      "reserved",
      "offered",
      "waitlisted",
    ]);

    const res = await call(`/api/staff/sweeps/${s.id}/cancel`, {
      method: "POST",
      cookie: await coordinator(),
      body: { version: 1, reason: "暴雨预警" },
    });
    expect(res.status).toBe(200);
    // 甲, 小林, 丙, 丁 and the group's contact; 乙 had cancelled already.
    expect(((await res.json()) as StaffSweepResult).messaged).toBe(5);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    const told = await messages(s.id, "sweep_cancelled");
    const people = told.filter((m) => m.recipient === "volunteer").map((m) => m.name);
    expect(people.sort()).toEqual(["甲", "小林", "丙", "丁"].sort());
    expect(told.filter((m) => m.recipient === "group")).toHaveLength(1);
    // The withdrawn offer cannot be taken any more, and nothing is left held or offered for the cron.
    expect((await manage(c.manageToken, "POST", "/confirm")).status).toBe(409);
    const open = await env.DB.prepare(
      "SELECT count(*) AS n FROM sweep_signups WHERE sweep_id = ? AND (held_until IS NOT NULL OR offered_until IS NOT NULL)",
    )
      .bind(s.id)
      .first<{ n: number }>();
    expect(open?.n).toBe(0);
  });

  it("tells everyone signed up of a changed time, group contacts included, and says how many", async () => {
    const s = await makeSweep({ capacity: 4 });
    await signUpOk(s.id, { name: "戊" });
    await holdPlaces(s.id);
    const sweep = await env.DB.prepare("SELECT * FROM sweeps WHERE id = ?").bind(s.id).first<Record<string, unknown>>();
    const startsAt = new Date(String(sweep?.starts_at));
    // 08:00 China time on the sweep's day + 1, as the staff form gives it.
    const day = new Date(startsAt.getTime() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const edit = {
      title: "周六清扫",
      day,
      startTime: "08:00",
      endTime: "10:00",
      communityId: sweep?.community_id,
      meetingPoint: "社区工作站门口",
      lat: 30.1,
      lng: 120.1,
      capacity: 4,
      waitlistLimit: 50,
      minAge: 16,
      guardianPresentBelow: null,
      organiser: "临河中队 · 青溪区团委",
      leaderContact: "李队长 0571-8888 0000",
      whatToBring: "",
      insuranceRef: "PICC-2026-001",
      cancelCutoffHours: 24,
      open: true,
      version: 1,
    };
    const res = await call(`/api/staff/sweeps/${s.id}`, { method: "PATCH", cookie: await coordinator(), body: edit });
    expect(res.status).toBe(200);
    // 戊, 小林 and the group's contact (its members are not named yet).
    expect(((await res.json()) as StaffSweepResult).messaged).toBe(3);
    const told = await messages(s.id, "sweep_changed");
    expect(told.map((m) => m.recipient).sort()).toEqual(["group", "volunteer", "volunteer"]);
  });
});
