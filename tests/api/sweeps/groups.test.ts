import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import worker from "../../../functions/index";
import { COMMUNITIES } from "../../../src/shared/geo";
import type {
  GroupCancelResult,
  GroupMemberResult,
  GroupSignupResult,
  GroupView,
  ManageView,
} from "../../../src/shared/sweeps/wire";
import { instrumentedDb } from "../instrumented-db";
import { makeSweep, manage, newIp, newKey, newPhone, ORIGIN, rowCounts, signUpOk, statuses } from "./factories";

type Problem = { status: number; detail?: string; suggestions?: { id: string; placesLeft: number }[] };

const validGroup = (size: number) => ({
  contactName: "李老师",
  contactPhone: newPhone(),
  organisation: "青溪中学 初二（3）班",
  size,
  consent: true,
});

function groupSignUp(sweepId: string, body: unknown, key = newKey()) {
  return exports.default.fetch(`${ORIGIN}/api/sweeps/${sweepId}/groups`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": newIp(), "idempotency-key": key },
    body: JSON.stringify(body),
  });
}

async function groupOk(sweepId: string, size: number) {
  const res = await groupSignUp(sweepId, validGroup(size));
  if (res.status !== 201) throw new Error(`group sign-up failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as GroupSignupResult;
}

function groupCall(token: string, method: string, path = "", body?: unknown) {
  return exports.default.fetch(`${ORIGIN}/api/sweeps/group${path}`, {
    method,
    headers: {
      "x-group-token": token,
      "cf-connecting-ip": newIp(),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function view(token: string) {
  const res = await groupCall(token, "GET");
  expect(res.status).toBe(200);
  return (await res.json()) as GroupView;
}

const adult = (over: Record<string, unknown> = {}) => ({
  name: "张同学",
  phone: newPhone(),
  birthMonth: "2004-03",
  ...over,
});

const groupCount = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM sweep_groups").first<{ n: number }>())?.n ?? 0;

describe("a group signs up all or nothing", () => {
  it("a group of 8 for 5 free places is refused whole, writes nothing and names sweeps where it fits", async () => {
    const community = COMMUNITIES[3]?.id ?? "";
    const s = await makeSweep({ capacity: 5, inHours: 500, communityId: community });
    const roomy = await makeSweep({ capacity: 20, inHours: 502, communityId: COMMUNITIES[4]?.id ?? "" });
    const small = await makeSweep({ capacity: 6, inHours: 501, communityId: COMMUNITIES[5]?.id ?? "" });
    const before = { counts: await rowCounts(), groups: await groupCount() };
    const res = await groupSignUp(s.id, validGroup(8));
    expect(res.status).toBe(409);
    const problem = (await res.json()) as Problem;
    expect(problem.detail).toContain("没有拆分");
    expect(problem.suggestions?.map((x) => x.id)).toEqual([roomy.id]);
    expect(problem.suggestions?.map((x) => x.id)).not.toContain(small.id);
    expect({ counts: await rowCounts(), groups: await groupCount() }).toEqual(before);
    expect(await statuses(s.id)).toEqual([]);
  });

  it("a group of 5 for 5 takes every place, held for the members' details, with the contact's message", async () => {
    const s = await makeSweep({ capacity: 5 });
    const res = await groupSignUp(s.id, validGroup(5));
    expect(res.status).toBe(201);
    const body = (await res.json()) as GroupSignupResult;
    expect(body.groupPath).toBe(`/volunteer/group/#t=${body.groupToken}`);
    expect(body.groupToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Date.parse(body.completeBy)).toBe(Date.parse(s.startsAt) - 24 * 3_600_000);
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(Array(5).fill("reserved"));
    const group = await env.DB.prepare("SELECT * FROM sweep_groups WHERE sweep_id = ?").bind(s.id).first();
    expect(JSON.stringify(group)).not.toContain(body.groupToken);
    const messages = await env.DB.prepare(
      "SELECT m.kind, m.recipient FROM sweep_messages m JOIN sweep_signups s ON s.id = m.signup_id WHERE s.sweep_id = ?",
    )
      .bind(s.id)
      .all();
    expect(messages.results).toEqual([{ kind: "group_details_needed", recipient: "group" }]);
    const v = await view(body.groupToken);
    expect(v.sweep.placesLeft).toBe(0);
    expect(v.group).toMatchObject({ size: 5, cancelled: false, canChange: true, completeBy: body.completeBy });
    expect(v.messages.map((m) => m.kind)).toEqual(["group_details_needed"]);
    expect(v.members.map((m) => [m.slot, m.status, m.name, m.consent])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [i, "reserved", "", null]),
    );
    // A single sign-up now waits, and a second group is refused whole.
    expect((await signUpOk(s.id)).status).toBe("waitlisted");
    expect((await groupSignUp(s.id, validGroup(2))).status).toBe(409);
  });

  it("10 concurrent groups of 4 for 20 places: exactly 5 get in, never an overbooking", async () => {
    const s = await makeSweep({ capacity: 20 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => groupSignUp(s.id, validGroup(4))));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(5);
    const rows = await statuses(s.id);
    expect(rows).toHaveLength(20);
    const groups = await env.DB.prepare("SELECT count(*) AS n FROM sweep_groups WHERE sweep_id = ?")
      .bind(s.id)
      .first<{ n: number }>();
    expect(groups?.n).toBe(5);
  });

  it("replays a retry with the same Idempotency-Key, and refuses a sweep too soon to complete the group", async () => {
    const s = await makeSweep({ capacity: 10 });
    const key = newKey();
    const body = validGroup(3);
    const first = await groupSignUp(s.id, body, key);
    const again = await groupSignUp(s.id, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as GroupSignupResult).groupToken).toBe(
      ((await first.json()) as GroupSignupResult).groupToken,
    );
    expect(await statuses(s.id)).toHaveLength(3);
    expect((await groupSignUp(s.id, { ...body, size: 4 }, key)).status).toBe(422);
    const soon = await makeSweep({ inHours: 20 });
    expect((await groupSignUp(soon.id, validGroup(2))).status).toBe(422);
    expect((await groupSignUp(s.id, validGroup(1))).status).toBe(422);
  });
});

describe("completing a group's members through its link", () => {
  it("an adult member becomes confirmed and gets their own manage link", async () => {
    const s = await makeSweep({ capacity: 5 });
    const g = await groupOk(s.id, 3);
    const [first] = (await view(g.groupToken)).members;
    const res = await groupCall(g.groupToken, "PUT", `/members/${first?.id}`, adult({ volunteerNumber: "ZJ-123456" }));
    expect(res.status).toBe(200);
    const done = (await res.json()) as GroupMemberResult;
    expect(done.member).toMatchObject({ slot: 1, status: "confirmed", name: "张同学", consent: "not_needed" });
    expect(done.consentPath).toBeNull();
    const own = await manage(done.managePath.split("#t=")[1] ?? "");
    expect(own.status).toBe(200);
    const ownView = (await own.json()) as ManageView;
    expect(ownView).toMatchObject({ signup: { status: "confirmed", name: "张同学" } });
    // The first place's row also carries the group's message to its contact: not the member's.
    expect(ownView.messages.map((m) => m.kind)).toEqual(["confirmed"]);
    // The place is filled once: a second PUT is 409.
    expect((await groupCall(g.groupToken, "PUT", `/members/${first?.id}`, adult())).status).toBe(409);
    expect((await view(g.groupToken)).members.map((m) => m.status)).toEqual(["confirmed", "reserved", "reserved"]);
  });

  it("a minor member is held for the guardian's consent (never confirmed), after naming the guardian", async () => {
    const s = await makeSweep({ capacity: 5, minAge: 12 });
    const g = await groupOk(s.id, 2);
    const [m] = (await view(g.groupToken)).members;
    const child = adult({ name: "王小华", birthMonth: "2012-01" });
    const missing = await groupCall(g.groupToken, "PUT", `/members/${m?.id}`, child);
    expect(missing.status).toBe(422);
    const res = await groupCall(g.groupToken, "PUT", `/members/${m?.id}`, {
      ...child,
      guardianName: "王女士",
      guardianPhone: newPhone(),
    });
    expect(res.status).toBe(200);
    const done = (await res.json()) as GroupMemberResult;
    expect(done.member).toMatchObject({ status: "pending_consent", minor: true, consent: "pending" });
    expect(done.consentPath).toMatch(/^\/volunteer\/consent\/#t=[A-Za-z0-9_-]{22}$/);
    const row = await env.DB.prepare("SELECT status, held_until, guardian_hash FROM sweep_signups WHERE id = ?")
      .bind(m?.id)
      .first<{ status: string; held_until: string; guardian_hash: string }>();
    expect(row?.status).toBe("pending_consent");
    expect(row?.held_until).toBe(g.completeBy);
    expect(row?.guardian_hash).toMatch(/^[0-9a-f]{64}$/);
    const tooYoung = adult({ birthMonth: "2016-01", guardianName: "王女士", guardianPhone: newPhone() });
    expect(
      (await groupCall(g.groupToken, "PUT", `/members/${(await view(g.groupToken)).members[1]?.id}`, tooYoung)).status,
    ).toBe(422);
  });

  it("the same person twice in one sweep is refused 409", async () => {
    const s = await makeSweep({ capacity: 5 });
    const g = await groupOk(s.id, 2);
    const [a, b] = (await view(g.groupToken)).members;
    const phone = newPhone();
    expect((await groupCall(g.groupToken, "PUT", `/members/${a?.id}`, adult({ phone }))).status).toBe(200);
    const twice = await groupCall(g.groupToken, "PUT", `/members/${b?.id}`, adult({ phone }));
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Problem).detail).toContain("已报名");
    expect((await view(g.groupToken)).members[1]?.status).toBe("reserved");
  });

  it("refuses a member of another group, an unknown link and a malformed one", async () => {
    const s = await makeSweep({ capacity: 6 });
    const g = await groupOk(s.id, 2);
    const other = await groupOk(s.id, 2);
    const [theirs] = (await view(other.groupToken)).members;
    expect((await groupCall(g.groupToken, "PUT", `/members/${theirs?.id}`, adult())).status).toBe(404);
    expect((await groupCall(g.groupToken, "DELETE", `/members/${theirs?.id}`)).status).toBe(404);
    expect((await groupCall("A".repeat(22), "GET")).status).toBe(404);
    expect((await groupCall("short", "GET")).status).toBe(422);
  });
});

describe("giving a group's places back", () => {
  it("deleting a member frees the place, offered to the first person waiting", async () => {
    const s = await makeSweep({ capacity: 5 });
    const g = await groupOk(s.id, 5);
    const waiting = await signUpOk(s.id);
    expect(waiting.status).toBe("waitlisted");
    const [first] = (await view(g.groupToken)).members;
    const res = await groupCall(g.groupToken, "DELETE", `/members/${first?.id}`);
    expect(res.status).toBe(200);
    expect((await res.json()) as GroupCancelResult).toEqual({ released: 1, offeredToNext: true });
    expect(await (await manage(waiting.manageToken)).json()).toMatchObject({ signup: { status: "offered" } });
    expect((await view(g.groupToken)).members[0]?.status).toBe("cancelled");
    expect((await groupCall(g.groupToken, "DELETE", `/members/${first?.id}`)).status).toBe(409);
  });

  it("cancelling the group gives back every place it holds, once", async () => {
    const s = await makeSweep({ capacity: 4 });
    const g = await groupOk(s.id, 3);
    const [a] = (await view(g.groupToken)).members;
    await groupCall(g.groupToken, "PUT", `/members/${a?.id}`, adult());
    const res = await groupCall(g.groupToken, "DELETE");
    expect(res.status).toBe(200);
    expect(((await res.json()) as GroupCancelResult).released).toBe(3);
    const v = await view(g.groupToken);
    expect(v.group).toMatchObject({ cancelled: true, canChange: false });
    expect(v.members.map((m) => m.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(v.sweep.placesLeft).toBe(4);
    expect((await groupCall(g.groupToken, "DELETE")).status).toBe(409);
  });
});

describe("every group mutation is one D1 batch, all or nothing", () => {
  const via = (e: ReturnType<typeof instrumentedDb>["env"], path: string, init: RequestInit) =>
    app.request(`/api/sweeps${path}`, init, e);
  const post = (size: number): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": newKey(), "cf-connecting-ip": newIp() },
    body: JSON.stringify(validGroup(size)),
  });

  it("signs a group up in one batch; a failure at any statement leaves nothing", async () => {
    const s = await makeSweep({ capacity: 5 });
    for (let failAt = 0; failAt < 5; failAt++) {
      const before = { counts: await rowCounts(), groups: await groupCount() };
      const { env: e } = instrumentedDb(failAt);
      expect((await via(e, `/${s.id}/groups`, post(3))).status, `fail at ${failAt}`).toBe(500);
      expect({ counts: await rowCounts(), groups: await groupCount() }, `fail at ${failAt}`).toEqual(before);
    }
    const { env: e, stats } = instrumentedDb();
    expect((await via(e, `/${s.id}/groups`, post(3))).status).toBe(201);
    expect(stats).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
  });

  it("completes a member, gives a place back and cancels a group each in one batch", async () => {
    const s = await makeSweep({ capacity: 6 });
    const g = await groupOk(s.id, 3);
    const [a, b] = (await view(g.groupToken)).members;
    const headers = { "x-group-token": g.groupToken, "content-type": "application/json" };
    const before = await statuses(s.id);
    for (let failAt = 0; failAt < 3; failAt++) {
      const { env: e } = instrumentedDb(failAt);
      const put = { method: "PUT", headers, body: JSON.stringify(adult()) };
      expect((await via(e, `/group/members/${a?.id}`, put)).status, `fail at ${failAt}`).toBe(500);
      expect(await statuses(s.id)).toEqual(before);
    }
    const steps: [string, RequestInit][] = [
      [`/group/members/${a?.id}`, { method: "PUT", headers, body: JSON.stringify(adult()) }],
      [`/group/members/${b?.id}`, { method: "DELETE", headers }],
      ["/group", { method: "DELETE", headers }],
    ];
    for (const [path, init] of steps) {
      const { env: e, stats } = instrumentedDb();
      expect((await via(e, path, init)).status, path).toBe(200);
      expect(stats, path).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
    }
  });
});

// Last in the file: the cron runs two days ahead and releases every lapsed hold it finds.
describe("places not completed by the deadline", () => {
  it("are released by the cron and offered to the people waiting; the contact is told once", async () => {
    const s = await makeSweep({ capacity: 4 });
    const g = await groupOk(s.id, 3);
    const [a] = (await view(g.groupToken)).members;
    expect((await groupCall(g.groupToken, "PUT", `/members/${a?.id}`, adult())).status).toBe(200);
    expect((await signUpOk(s.id)).status).toBe("confirmed");
    const waiting = await signUpOk(s.id);
    expect(waiting.status).toBe("waitlisted");
    const ctx = createExecutionContext();
    const later = Date.parse(g.completeBy) + 60_000;
    await worker.scheduled(createScheduledController({ scheduledTime: later, cron: "*/15 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const v = await view(g.groupToken);
    expect(v.members.map((m) => m.status)).toEqual(["confirmed", "released", "released"]);
    expect(v.messages.map((m) => m.kind)).toEqual(["released", "group_details_needed"]);
    expect(await (await manage(waiting.manageToken)).json()).toMatchObject({ signup: { status: "offered" } });
  });
});
