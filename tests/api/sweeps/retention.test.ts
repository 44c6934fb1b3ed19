import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ANONYMISED_HASH, ANONYMISED_NAME } from "../../../functions/db/sweeps/retention";
import { anonymiseSweepContacts } from "../../../functions/lib/sweeps/retention";
import { cloudflarePlatform } from "../../../functions/platform/cloudflare";
import type { BatchRunner } from "../../../functions/platform/ports";
import { CONTACT_RETENTION_DAYS } from "../../../src/shared/sweeps/rules";
import type { ManageView, SweepList } from "../../../src/shared/sweeps/wire";
import { makeSweep, manage, ORIGIN, signUpOk } from "./factories";

// Contact retention: CONTACT_RETENTION_DAYS after a sweep ended, its sign-ups' names and phones (and
// guardians', and group contacts') are removed by the cron in chunks; the hashed person key, the
// volunteer number and the hours stay. The clock is moved by handing the function a later `now`.

const DAY = 86_400_000;

/** A batch runner that counts the batches it runs. */
function counting(): { batch: BatchRunner; runs: () => number } {
  const inner = cloudflarePlatform(env).batch;
  let n = 0;
  return {
    batch: {
      run: (s) => {
        n += 1;
        return inner.run(s);
      },
    },
    runs: () => n,
  };
}

const rowsOf = async (sweepId: string) =>
  (
    await env.DB.prepare(
      `SELECT id, name, phone, guardian_name, guardian_phone, person_key, volunteer_number, organisation, minutes,
        attendance, anonymised_at FROM sweep_signups WHERE sweep_id = ? ORDER BY id`,
    )
      .bind(sweepId)
      .all<Record<string, unknown>>()
  ).results;

/** After the retention period of a sweep ending in about three days (makeSweep's default). */
const afterRetention = () => new Date(Date.now() + (CONTACT_RETENTION_DAYS + 5) * DAY);

describe("contact retention", () => {
  it("removes names, phones and guardians of an old sweep's sign-ups, keeping the person key, volunteer number and hours", async () => {
    const s = await makeSweep({ capacity: 3 });
    const a = await signUpOk(s.id, { name: "赵一", phone: "13600001111", volunteerNumber: "31010012345678" });
    await signUpOk(s.id, { name: "赵二" });
    const [first] = await rowsOf(s.id);
    // What the day and a guardian would have written.
    await env.DB.prepare(
      "UPDATE sweep_signups SET guardian_name = '赵父', guardian_phone = '13500002222', attendance = 'attended', minutes = 150 WHERE id = ?",
    )
      .bind(first?.id)
      .run();
    const before = await rowsOf(s.id);
    const now = afterRetention();
    const done = await anonymiseSweepContacts(cloudflarePlatform(env).batch, now);
    expect(done.signups).toBeGreaterThanOrEqual(2);
    const after = await rowsOf(s.id);
    for (const [i, row] of after.entries()) {
      expect(row).toMatchObject({
        name: ANONYMISED_NAME,
        phone: "",
        guardian_name: null,
        guardian_phone: null,
        anonymised_at: now.toISOString(),
        person_key: before[i]?.person_key,
        volunteer_number: before[i]?.volunteer_number,
        organisation: before[i]?.organisation,
      });
    }
    expect(after[0]).toMatchObject({ attendance: "attended", minutes: 150, volunteer_number: "31010012345678" });
    // No column of the sign-ups or their messages still holds the name or the phone.
    const dump = JSON.stringify(
      await env.DB.prepare(
        "SELECT s.*, m.* FROM sweep_signups s LEFT JOIN sweep_messages m ON m.signup_id = s.id WHERE s.sweep_id = ?",
      )
        .bind(s.id)
        .all(),
    );
    for (const gone of ["赵一", "赵二", "13600001111", "赵父", "13500002222"]) expect(dump).not.toContain(gone);
    // The idempotency record's hash was over the sign-up, phone included.
    const key = await env.DB.prepare("SELECT request_hash FROM sweep_idempotency_keys WHERE signup_id = ?")
      .bind(first?.id)
      .first();
    expect(key).toEqual({ request_hash: ANONYMISED_HASH });
    // The manage link still opens the record (its hours, later its certificate), without the name.
    const view = (await (await manage(a.manageToken)).json()) as ManageView;
    expect(view.signup.name).toBe(ANONYMISED_NAME);
  });

  it("keeps the contacts of a sweep that ended within the period", async () => {
    const s = await makeSweep();
    await signUpOk(s.id, { name: "孙三", phone: "13600003333" });
    // Just before the period runs out for this sweep (it ends about 75 hours from now).
    const now = new Date(Date.now() + CONTACT_RETENTION_DAYS * DAY + 24 * 3_600_000);
    await anonymiseSweepContacts(cloudflarePlatform(env).batch, now);
    expect(await rowsOf(s.id)).toMatchObject([{ name: "孙三", phone: "13600003333", anonymised_at: null }]);
  });

  it("works in chunks, one batch each, and a second run changes nothing", async () => {
    const s = await makeSweep({ capacity: 7 });
    for (let i = 0; i < 7; i++) await signUpOk(s.id);
    const now = afterRetention();
    const { batch, runs } = counting();
    const done = await anonymiseSweepContacts(batch, now, { chunk: 3 });
    expect(done.signups).toBeGreaterThanOrEqual(7);
    // At least three chunks for the seven, each one batch; then one empty chunk for the groups.
    expect(runs()).toBeGreaterThanOrEqual(4);
    expect((await rowsOf(s.id)).every((r) => r.anonymised_at === now.toISOString())).toBe(true);
    const again = counting();
    const later = new Date(now.getTime() + DAY);
    expect(await anonymiseSweepContacts(again.batch, later, { chunk: 3 })).toEqual({ signups: 0, groups: 0 });
    expect((await rowsOf(s.id)).every((r) => r.anonymised_at === now.toISOString())).toBe(true);
  });

  it("removes a group contact's name and phone too", async () => {
    const s = await makeSweep();
    const at = new Date().toISOString();
    const group = await env.DB.prepare(
      `INSERT INTO sweep_groups (sweep_id, manage_hash, contact_name, contact_phone, organisation, size, complete_by,
        created_at, updated_at) VALUES (?, ?, '周老师', '13700004444', '青溪中学', 2, ?, ?, ?) RETURNING id`,
    )
      .bind(s.id, `retention-${crypto.randomUUID()}`, s.startsAt, at, at)
      .first<{ id: number }>();
    const done = await anonymiseSweepContacts(cloudflarePlatform(env).batch, afterRetention());
    expect(done.groups).toBeGreaterThanOrEqual(1);
    const row = await env.DB.prepare(
      "SELECT contact_name, contact_phone, organisation, size FROM sweep_groups WHERE id = ?",
    )
      .bind(group?.id)
      .first();
    expect(row).toEqual({ contact_name: ANONYMISED_NAME, contact_phone: "", organisation: "青溪中学", size: 2 });
  });

  it("leaves the public list as counts only", async () => {
    const s = await makeSweep();
    await signUpOk(s.id, { name: "吴四", phone: "13600005555" });
    const res = await exports.default.fetch(`${ORIGIN}/api/sweeps`);
    const body = await res.text();
    expect(((JSON.parse(body) as SweepList).sweeps.find((x) => x.id === s.id)?.placesTaken ?? 0) >= 1).toBe(true);
    expect(body).not.toContain("吴四");
    expect(body).not.toContain("13600005555");
  });
});
