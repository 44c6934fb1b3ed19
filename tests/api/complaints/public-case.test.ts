import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { caseStateByNumber, publicCaseRead } from "../../../functions/db/complaints/public-case";
import { groupCaseNumber } from "../../../src/lib/complaints/format";
import type { CaseDetail } from "../../../src/shared/complaints/console-wire";
import type { PublicCaseDetail } from "../../../src/shared/complaints/wire";
import { jpegClean } from "../../unit/fixtures/images";
import { db, expectIndexed, plan } from "../query-plan";
import { fileOk, fileWithPhotos, ORIGIN, pointIn, syncUnits, track, validComplaint } from "./factories";
import { act, makeCase, reload, session } from "./handling/factories";

const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`);
const page = (caseNumber: string) => get(`/api/complaints/cases/${encodeURIComponent(caseNumber)}`);

async function caseId(caseNumber: string): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM complaints WHERE case_number = ?")
    .bind(caseNumber)
    .first<{ id: number }>();
  if (!row) throw new Error(`no case ${caseNumber}`);
  return row.id;
}

/** Takes a staff action and expects it to succeed; returns the case as the console sees it after. */
async function step(cookie: string, id: number, action: string, body: Record<string, unknown> = {}) {
  const { version } = await reload(id);
  const res = await act(cookie, id, action as never, { version, ...body });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`);
  return (await res.json()) as CaseDetail;
}

async function expectProblem404(res: Response) {
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(((await res.json()) as { status: number }).status).toBe(404);
}

describe("a case's public page, GET /api/complaints/cases/:caseNumber", () => {
  // A full walk through the staff API (eight actions, two roles) and the reporter's rating and
  // reopening: about 2 s on the two-core machine under load; 30 s leaves room.
  it("shows the public timeline, deadlines, unit and photos, and nothing personal anywhere", async () => {
    await syncUnits();
    const point = pointIn("liuan");
    const exact = { lat: point.lat + 0.000123, lng: point.lng + 0.000456 };
    const filedRes = await fileWithPhotos(
      validComplaint({
        ...exact,
        categoryId: "E0102",
        name: "甄记名",
        phone: "13957193826",
        callbackWanted: true,
        addressText: "柳岸路 17 号 2 单元 301 室（址记号）",
        description: "垃圾堆了三天（述记号），邻居甄先生也看到了。",
      }),
      [{ bytes: jpegClean(), name: "a.jpg", type: "image/jpeg" }],
    );
    expect(filedRes.status).toBe(201);
    const filed = (await filedRes.json()) as { caseNumber: string; trackingToken: string };
    const id = await caseId(filed.caseNumber);

    // Not yet looked at: no page, whatever the reporter already sent.
    await expectProblem404(await page(filed.caseNumber));

    const dispatcher = await session("dispatcher");
    const unitId = (await reload(id)).unitId as string;
    const handler = await session("unit_handler", unitId);
    await step(dispatcher.cookie, id, "accept", { note: "立案内部备注（内记号）" });
    await step(dispatcher.cookie, id, "dispatch", { unitId, note: "派遣内部备注（派记号）" });
    await step(handler.cookie, id, "start");
    await step(handler.cookie, id, "reply", { note: "内部答复（私记号）", public: false });
    await step(handler.cookie, id, "reply", { note: "已安排人员今天清运。", public: true });
    await step(handler.cookie, id, "handle", { result: "已清理完毕，路面恢复整洁。" });
    await step(dispatcher.cookie, id, "close_fixed", { note: "经核查已解决。" });
    const rated = await track(filed.trackingToken, "/api/complaints/track/rating", {
      method: "POST",
      body: JSON.stringify({ rating: "dissatisfied", comment: "评价留言（评记号）" }),
    });
    expect(rated.status).toBe(200);
    const reopened = await track(filed.trackingToken, "/api/complaints/track/reopen", {
      method: "POST",
      body: JSON.stringify({ reason: "其实没有清理干净（复记号）" }),
    });
    expect(reopened.status).toBe(200);

    const res = await page(filed.caseNumber);
    expect(res.status).toBe(200);
    const body = await res.text();
    const feedRes = await get(`/api/complaints/cases/${filed.caseNumber}/feed.xml`);
    expect(feedRes.status).toBe(200);
    expect(feedRes.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const feed = await feedRes.text();
    for (const text of [body, feed]) {
      for (const secret of [
        "甄记名",
        "甄先生",
        "13957193826",
        "7193826",
        "址记号",
        "17 号",
        // The room with its 室: a bare "301" turns up in a timestamp's milliseconds (…03.301Z) one run in 60 or so.
        "301 室",
        "述记号",
        "内记号",
        "派记号",
        "私记号",
        "评记号",
        "复记号",
        "dissatisfied",
        String(exact.lat),
        String(exact.lng),
        String(exact.lat).slice(0, 9),
        "/track/",
      ]) {
        expect(text, secret).not.toContain(secret);
      }
    }

    const c = JSON.parse(body) as PublicCaseDetail;
    expect(c).toMatchObject({ caseNumber: filed.caseNumber, categoryId: "E0102", state: "reopened", open: true });
    expect(c.unitName).toBeTruthy();
    expect(c.timeline.map((e) => e.action)).toEqual([
      "file",
      "accept",
      "dispatch",
      "start",
      "reply",
      "handle",
      "close_fixed",
      "rate",
      "reopen",
    ]);
    expect(c.timeline.find((e) => e.action === "reply")?.note).toBe("已安排人员今天清运。");
    expect(c.timeline.find((e) => e.action === "handle")?.note).toBe("已清理完毕，路面恢复整洁。");
    expect(c.timeline.find((e) => e.action === "reopen")?.note).toBeNull();
    expect(c.timeline.find((e) => e.action === "dispatch")?.unitName).toBe(c.unitName);
    expect(c.deadlines.handle).toMatchObject({ met: true, overdue: false });
    expect(c.deadlines.accept?.met).not.toBeNull();
    expect(feed).toContain("已安排人员今天清运。");

    // The report photo is public now, through the photo route and its own rule.
    expect(c.photos).toHaveLength(1);
    expect((await get(c.photos[0] as string)).status).toBe(200);
  }, 30_000);

  it("answers 404 for a case not yet accepted, a refused one and an unknown number", async () => {
    const waiting = await fileOk();
    await expectProblem404(await page(waiting.caseNumber));
    await expectProblem404(await get(`/api/complaints/cases/${waiting.caseNumber}/feed.xml`));
    const refused = await makeCase({ state: "not_accepted" });
    await expectProblem404(await page(refused.caseNumber));
    await expectProblem404(await page("990101-999999"));
  });

  it("answers 404 problem+json for what is no case number", async () => {
    for (const bad of ["abc", "2612019107x", "26120-91070", "261201-9107-1", "'; DROP TABLE complaints", "%E0%A4%A"]) {
      await expectProblem404(await get(`/api/complaints/cases/${bad}`));
    }
  });

  it("finds a case from its number as people copy it: grouped, without the dash, full-width", async () => {
    const c = await makeCase({ state: "dispatched" });
    const digits = c.caseNumber.replace("-", "");
    const fullWidth = [...c.caseNumber].map((d) => (/\d/.test(d) ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d));
    for (const copied of [groupCaseNumber(c.caseNumber), digits, ` ${c.caseNumber} `, fullWidth.join("")]) {
      const res = await page(copied);
      expect(res.status, copied).toBe(200);
      expect(((await res.json()) as PublicCaseDetail).caseNumber).toBe(c.caseNumber);
    }
  });

  it("reads the case, its events, photos and units through indexes", async () => {
    expectIndexed(await plan(publicCaseRead(db, "261127-0001")));
    expectIndexed(await plan(caseStateByNumber(db, "261127-0001")));
  });

  it("shows a merged duplicate as a pointer to the case it joined, without photos", async () => {
    const target = await makeCase({ state: "dispatched" });
    const dup = await makeCase({ state: "merged", mergedInto: target.id });
    const res = await page(dup.caseNumber);
    expect(res.status).toBe(200);
    const c = (await res.json()) as PublicCaseDetail;
    expect(c.mergedInto).toMatchObject({ caseNumber: target.caseNumber, state: "dispatched" });
    expect(c.photos).toEqual([]);
  });
});
