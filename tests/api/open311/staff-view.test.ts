import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import type { CaseDetail, Contact } from "../../../src/shared/complaints/console-wire";
import type { Open311Filed } from "../../../src/shared/open311/post";
import { fileOk, syncUnits, track } from "../complaints/factories";
import { session } from "../complaints/handling/factories";
import { instrumentedDb } from "../instrumented-db";
import { call, newClientIp, ORIGIN } from "../staff/factories";
import { makeKey, postForm, validFields } from "./filing-kit";

beforeAll(syncUnits);

const MEDIA = "https://img.example.org/p/staff-view-bin.jpg";
let seq = 0;
/** An account id no other test writes. */
const newAccount = () => `wx_staff_${Date.now()}_${++seq}`;

const caseIdOf = async (caseNumber: string) =>
  (await env.DB.prepare("SELECT id FROM complaints WHERE case_number = ?").bind(caseNumber).first<{ id: number }>())
    ?.id ?? 0;

/** Files through POST /open311/v2/requests.json with a fresh key: the case's id and tracking secret. */
async function fileByApp(over: Record<string, string>, holder = "街道随手拍 App") {
  const key = await makeKey(holder);
  const res = await postForm(validFields(key.apiKey, over));
  expect(res.status).toBe(200);
  const [filed] = (await res.json()) as Open311Filed[];
  const token = filed?.tracking_url.split("#t=")[1] ?? "";
  const tracked = (await (await track(token)).json()) as { caseNumber: string };
  return { id: await caseIdOf(tracked.caseNumber), token, prefix: key.apiKey.slice(0, 11) };
}

async function caseView(id: number, cookie: string): Promise<CaseDetail> {
  const res = await call(`/api/staff/complaints/${id}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as CaseDetail;
}

/** The D1 round trips one request makes (a batch counts as one). */
async function roundTrips(path: string, cookie: string): Promise<number> {
  const { env: e, stats } = instrumentedDb();
  const res = await app.request(
    `${ORIGIN}${path}`,
    { headers: { cookie, origin: ORIGIN, "sec-fetch-site": "same-origin", "cf-connecting-ip": newClientIp() } },
    e,
  );
  expect(res.status).toBe(200);
  return stats.roundTrips;
}

describe("the staff case view says where a case came from", () => {
  it("an Open311 filing: the key's holder and prefix, the picture link, the account id masked like the phone", async () => {
    const account = newAccount();
    const filed = await fileByApp({ account_id: account, media_url: MEDIA, last_name: "李", phone: "13900007777" });
    const { cookie } = await session("dispatcher");
    const detail = await caseView(filed.id, cookie);
    expect(detail.origin).toEqual({
      channel: "open311",
      keyHolder: "街道随手拍 App",
      keyPrefix: filed.prefix,
      keyRevoked: false,
      accountId: `${account.slice(0, 2)}***${account.slice(-2)}`,
      mediaUrl: MEDIA,
    });
    expect(detail.reporter).toMatchObject({ name: "李*", phone: "139****7777", callbackWanted: true });
    expect(JSON.stringify(detail)).not.toContain(account);

    // The full account id comes with the full phone: the audited contact call (complaints:contact).
    const contact = await call(`/api/staff/complaints/${filed.id}/contact`, { cookie });
    expect(await contact.json()).toEqual({ name: "李", phone: "13900007777", accountId: account });
    const caseNumber = detail.caseNumber;
    const audited = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'complaint.contact_viewed' AND target = ?",
    )
      .bind(caseNumber)
      .first<{ n: number }>();
    expect(audited?.n).toBe(1);
  });

  it("an account id without a phone can still be revealed; a revoked key is said so", async () => {
    const account = newAccount();
    const filed = await fileByApp({ account_id: account });
    await env.DB.prepare(
      "UPDATE open311_api_keys SET revoked_at = ?, revoked_by = (SELECT min(id) FROM staff_users) WHERE prefix = ?",
    )
      .bind(new Date().toISOString(), filed.prefix)
      .run();
    const { cookie } = await session("admin");
    const detail = await caseView(filed.id, cookie);
    expect(detail.origin).toMatchObject({ channel: "open311", keyRevoked: true, mediaUrl: null });
    expect(detail.reporter).toMatchObject({ name: null, phone: null, callbackWanted: false });
    const contact = (await (await call(`/api/staff/complaints/${filed.id}/contact`, { cookie })).json()) as Contact;
    expect(contact).toEqual({ name: null, phone: null, accountId: account });
  });

  it("a role without complaints:contact reads neither the case view nor the account id", async () => {
    const account = newAccount();
    const filed = await fileByApp({ account_id: account, media_url: MEDIA });
    // Every role that may read the case view also holds complaints:contact; the others are refused both.
    const { cookie } = await session("viewer");
    for (const path of [`/api/staff/complaints/${filed.id}`, `/api/staff/complaints/${filed.id}/contact`]) {
      const res = await call(path, { cookie });
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).not.toContain(account);
      expect(text).not.toContain(MEDIA);
    }
  });

  it("a website filing: channel 网站, no link, no account id", async () => {
    const filed = await fileOk();
    const id = await caseIdOf(filed.caseNumber);
    const { cookie } = await session("dispatcher");
    const detail = await caseView(id, cookie);
    expect(detail.origin).toEqual({ channel: "web" });
    expect(JSON.stringify(detail)).not.toMatch(/mediaUrl|accountId/);
  });

  it("reads the origin in the case view's own batch: no more round trips than a website case", async () => {
    const app311 = await fileByApp({ account_id: newAccount(), media_url: MEDIA });
    const web = await caseIdOf((await fileOk()).caseNumber);
    const { cookie } = await session("dispatcher");
    expect(await roundTrips(`/api/staff/complaints/${app311.id}`, cookie)).toBe(
      await roundTrips(`/api/staff/complaints/${web}`, cookie),
    );
  });

  it("after the reporter deletes their contact the account id is gone; the picture link stays", async () => {
    const account = newAccount();
    const filed = await fileByApp({ account_id: account, media_url: MEDIA });
    const deleted = await track(filed.token, "/api/complaints/track/contact", { method: "DELETE" });
    expect(deleted.status).toBe(200);
    const { cookie } = await session("dispatcher");
    const detail = await caseView(filed.id, cookie);
    expect(detail.origin).toMatchObject({ channel: "open311", accountId: null, mediaUrl: MEDIA });
    expect((await call(`/api/staff/complaints/${filed.id}/contact`, { cookie })).status).toBe(404);
  });
});
