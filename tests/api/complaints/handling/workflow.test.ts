import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CaseDetail } from "../../../../src/shared/complaints/console-wire";
import { jpegWithMetadata } from "../../../unit/fixtures/images";
import { call } from "../../staff/factories";
import { fileOk, syncUnits, track } from "../factories";
import { act, type Case, countRows, makeCase, reload, session } from "./factories";

/** Acts and expects success; returns the fresh detail the API answers with. */
async function step(
  cookie: string,
  c: { id: number; version: number },
  action: string,
  body = {},
): Promise<CaseDetail> {
  const res = await act(cookie, c.id, action as never, { version: c.version, ...body });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`);
  return (await res.json()) as CaseDetail;
}

async function caseByNumber(caseNumber: string): Promise<Case> {
  const row = await env.DB.prepare("SELECT id FROM complaints WHERE case_number = ?")
    .bind(caseNumber)
    .first<{ id: number }>();
  if (!row) throw new Error(`no case ${caseNumber}`);
  return reload(row.id);
}

describe("a case walks the digital urban-management workflow through the API", () => {
  it("accept → dispatch → start → handle with a photo → close fixed, seen by the reporter, rated", async () => {
    await syncUnits();
    const filed = await fileOk();
    const filedCase = await caseByNumber(filed.caseNumber);
    const dispatcher = await session("dispatcher");
    const unit = filedCase.unitId as string;
    const handler = await session("unit_handler", unit);

    let d = await step(dispatcher.cookie, filedCase, "accept", { note: "情况属实" });
    expect(d.state).toBe("accepted");
    d = await step(dispatcher.cookie, d, "dispatch", { unitId: unit });
    expect(d).toMatchObject({ state: "dispatched", unitId: unit });
    expect(Date.parse(d.dueAt ?? "")).toBeGreaterThan(Date.now());

    // The unit sees the case in its queue, and exactly its own actions.
    const queue = await call("/api/staff/complaints?view=queue", { cookie: handler.cookie });
    expect(((await queue.json()) as { cases: { id: number }[] }).cases.map((c) => c.id)).toContain(d.id);
    const seen = (await (await call(`/api/staff/complaints/${d.id}`, { cookie: handler.cookie })).json()) as CaseDetail;
    expect(seen.actions.sort()).toEqual(["reply", "send_back", "start"]);

    d = await step(handler.cookie, d, "start");
    const photo = `data:image/jpeg;base64,${btoa(String.fromCharCode(...jpegWithMetadata()))}`;
    d = await step(handler.cookie, d, "handle", { result: "已清理完毕，路面恢复整洁。", photo });
    expect(d.state).toBe("handled");
    expect(d.photos.filter((p) => p.stage === "result")).toHaveLength(1);
    const stored = await env.PHOTOS.get(
      (
        await env.DB.prepare("SELECT r2_key FROM complaint_photos WHERE stage = 'result' AND complaint_id = ?")
          .bind(d.id)
          .first<{ r2_key: string }>()
      )?.r2_key ?? "",
    );
    const bytes = new Uint8Array(await (stored as R2ObjectBody).arrayBuffer());
    expect(new TextDecoder("latin1").decode(bytes)).not.toContain("Exif");

    d = await step(dispatcher.cookie, d, "close_fixed", { note: "经现场核查，已解决。" });
    expect(d.state).toBe("closed_fixed");

    // The reporter's timeline: every public step with its date; internal remarks stay internal.
    const view = (await (await track(filed.trackingToken)).json()) as {
      timeline: { action: string; at: string; note: string | null }[];
      canRate: boolean;
    };
    expect(view.timeline.map((e) => e.action)).toEqual([
      "file",
      "accept",
      "dispatch",
      "start",
      "handle",
      "close_fixed",
    ]);
    expect(view.timeline.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(view.timeline.find((e) => e.action === "accept")?.note).toBeNull();
    expect(view.timeline.find((e) => e.action === "handle")?.note).toBe("已清理完毕，路面恢复整洁。");
    expect(view.canRate).toBe(true);
    const rated = await track(filed.trackingToken, "/api/complaints/track/rating", {
      method: "POST",
      body: JSON.stringify({ rating: "satisfied" }),
    });
    expect(rated.status).toBe(200);

    // Each step left one audit row, with the officer who took it.
    expect(
      await countRows(
        "SELECT count(*) AS n FROM audit_log WHERE target = ? AND action LIKE 'complaint.%'",
        filed.caseNumber,
      ),
    ).toBe(5);
  });

  it("not accepted: closed with a reason the reporter sees", async () => {
    const c = await makeCase();
    const { cookie } = await session("dispatcher");
    const d = await step(cookie, c, "reject", { reason: "该问题属于物业管理范围，请联系小区物业。" });
    expect(d.state).toBe("not_accepted");
    const row = await reload(c.id);
    expect(row.closedAt).not.toBeNull();
    expect(row.respondedAt).not.toBeNull();
    expect(d.timeline.at(-1)).toMatchObject({ action: "reject", isPublic: true });
  });

  it("merged as a duplicate: supporters and the reporter carry over, tracking points to the surviving case", async () => {
    const target = await makeCase({ state: "accepted", supporters: 2 });
    const filed = await fileOk();
    const dup = await caseByNumber(filed.caseNumber);
    await env.DB.prepare(
      "INSERT INTO complaint_supports (complaint_id, supporter_hash, created_at) VALUES (?, 'a', ?), (?, 'b', ?)",
    )
      .bind(dup.id, dup.receivedAt, dup.id, dup.receivedAt)
      .run();
    await env.DB.prepare("UPDATE complaints SET supporters = 2 WHERE id = ?").bind(dup.id).run();
    const { cookie } = await session("dispatcher");
    const d = await step(cookie, await reload(dup.id), "merge", { targetCaseNumber: target.caseNumber });
    expect(d.state).toBe("merged");
    // 2 before + the duplicate's 2 supporters + its reporter.
    expect((await reload(target.id)).supporters).toBe(5);
    const view = (await (await track(filed.trackingToken)).json()) as { mergedInto: { caseNumber: string } };
    expect(view.mergedInto.caseNumber).toBe(target.caseNumber);
    // A duplicate cannot be merged into a closed case, nor into itself.
    const closed = await makeCase({ state: "closed_fixed" });
    const other = await makeCase();
    const refused = await act(cookie, other.id, "merge", {
      version: other.version,
      targetCaseNumber: closed.caseNumber,
    });
    expect(refused.status).toBe(422);
    const self = await act(cookie, other.id, "merge", { version: other.version, targetCaseNumber: other.caseNumber });
    expect(self.status).toBe(422);
  });

  it("sent back by the wrong unit and re-dispatched to the right one with a fresh deadline", async () => {
    const c = await makeCase({ state: "dispatched" });
    const wrong = await session("unit_handler", c.unitId);
    const { cookie } = await session("dispatcher");
    let d = await step(wrong.cookie, c, "send_back", { reason: "不在本中队辖区" });
    expect(d.state).toBe("sent_back");
    const right = await session("unit_handler");
    d = await step(cookie, d, "dispatch", { unitId: right.staff.unitId });
    expect(d).toMatchObject({ state: "dispatched", unitId: right.staff.unitId });
    // The first unit no longer reaches the case; the second does.
    expect((await call(`/api/staff/complaints/${c.id}`, { cookie: wrong.cookie })).status).toBe(404);
    expect((await call(`/api/staff/complaints/${c.id}`, { cookie: right.cookie })).status).toBe(200);
  });

  it("extended: the unit asks, the dispatcher approves, the deadline moves; a refusal changes nothing", async () => {
    const c = await makeCase({ state: "in_progress" });
    const unit = await session("unit_handler", c.unitId);
    const { cookie } = await session("dispatcher");
    let d = await step(unit.cookie, c, "request_extension", { days: 3, reason: "需协调产权单位" });
    expect(d).toMatchObject({ state: "in_progress", pendingRequest: "extension" });
    expect(d.actions).not.toContain("request_extension");
    // A second request while one is pending is refused.
    expect((await act(unit.cookie, c.id, "request_suspension", { version: d.version, reason: "再申请" })).status).toBe(
      409,
    );
    d = await step(cookie, d, "extend");
    expect(d).toMatchObject({ state: "extended", pendingRequest: null });
    expect(Date.parse(d.dueAt ?? "") - Date.parse(c.dueAt ?? "")).toBe(3 * 86_400_000);

    d = await step(unit.cookie, d, "request_extension", { days: 5, reason: "还需要时间" });
    const dueBefore = d.dueAt;
    d = await step(cookie, d, "refuse_request", { reason: "请按期完成" });
    expect(d).toMatchObject({ state: "extended", pendingRequest: null, dueAt: dueBefore });
    // Approving with nothing pending is refused.
    expect((await act(cookie, c.id, "extend", { version: d.version })).status).toBe(409);
  });

  it("suspended (挂账) on request, then resumed with a new deadline", async () => {
    const c = await makeCase({ state: "in_progress" });
    const unit = await session("unit_handler", c.unitId);
    const { cookie } = await session("dispatcher");
    let d = await step(unit.cookie, c, "request_suspension", { reason: "需等待管网改造" });
    d = await step(cookie, d, "suspend", { note: "等待管网改造完成后处理" });
    expect(d.state).toBe("suspended");
    d = await step(cookie, d, "resume");
    expect(d.state).toBe("in_progress");
    expect(Date.parse(d.dueAt ?? "")).toBeGreaterThan(Date.now());
  });

  it("reopened by the reporter: back to verification, counted as rework, redone and closed", async () => {
    await syncUnits();
    const filed = await fileOk();
    const c = await caseByNumber(filed.caseNumber);
    const { cookie } = await session("dispatcher");
    const unit = await session("unit_handler", c.unitId);
    let d = await step(cookie, c, "accept");
    d = await step(cookie, d, "dispatch", { unitId: c.unitId });
    d = await step(unit.cookie, d, "start");
    d = await step(unit.cookie, d, "handle", { result: "已清理" });
    d = await step(cookie, d, "close_fixed", { note: "已解决" });
    const reopened = await track(filed.trackingToken, "/api/complaints/track/reopen", {
      method: "POST",
      body: JSON.stringify({ reason: "垃圾又堆起来了，没有解决。" }),
    });
    expect(reopened.status).toBe(200);
    d = (await (await call(`/api/staff/complaints/${c.id}`, { cookie })).json()) as CaseDetail;
    expect(d).toMatchObject({ state: "reopened", reworkCount: 1 });
    expect(d.actions).toEqual(expect.arrayContaining(["redo", "close_fixed", "close_not_fixed"]));
    d = await step(cookie, d, "redo", { reason: "现场仍有垃圾" });
    expect(d).toMatchObject({ state: "dispatched", reworkCount: 2 });
    d = await step(unit.cookie, d, "start");
    d = await step(unit.cookie, d, "handle", { result: "已彻底清理并加装监控提示牌" });
    d = await step(cookie, d, "close_fixed", { note: "复核已解决" });
    expect(d.state).toBe("closed_fixed");
  });

  it("replies: a public one reaches the reporter, an internal one does not", async () => {
    await syncUnits();
    const filed = await fileOk();
    const c = await caseByNumber(filed.caseNumber);
    const { cookie } = await session("dispatcher");
    let d = await step(cookie, c, "reply", { note: "您好，已收到，我们会尽快处理。", public: true });
    d = await step(cookie, d, "reply", { note: "内部：与上周同一地点，留意是否同一商户。", public: false });
    const view = (await (await track(filed.trackingToken)).json()) as { timeline: { note: string | null }[] };
    const notes = view.timeline.map((e) => e.note);
    expect(notes).toContain("您好，已收到，我们会尽快处理。");
    expect(notes.join()).not.toContain("内部");
    expect(d.timeline.at(-1)).toMatchObject({ isPublic: false });
  });

  // Two writes at once: 0.4 s on the two-core machine under load; 30 s leaves room.
  it("a race between two officers: the later write gets 409 and leaves nothing behind", async () => {
    const c = await makeCase();
    const a = await session("dispatcher");
    const b = await session("dispatcher");
    const events = await countRows("SELECT count(*) AS n FROM complaint_events WHERE complaint_id = ?", c.id);
    const audits = await countRows("SELECT count(*) AS n FROM audit_log");
    const [r1, r2] = await Promise.all([
      act(a.cookie, c.id, "accept", { version: c.version }),
      act(b.cookie, c.id, "reject", { version: c.version, reason: "信息不足" }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(((await loser.json()) as { detail: string }).detail).toMatch(/刷新|不能/);
    expect(await countRows("SELECT count(*) AS n FROM complaint_events WHERE complaint_id = ?", c.id)).toBe(events + 1);
    expect(await countRows("SELECT count(*) AS n FROM audit_log")).toBe(audits + 1);
    expect((await reload(c.id)).version).toBe(c.version + 1);
  }, 30_000);
});
