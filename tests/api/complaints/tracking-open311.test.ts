import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import type { TrackingView } from "../../../src/shared/complaints/wire";
import type { Open311Filed } from "../../../src/shared/open311/post";
import { instrumentedDb } from "../instrumented-db";
import { makeKey, postForm, validFields } from "../open311/filing-kit";
import { fileOk, syncUnits, track } from "./factories";

beforeAll(syncUnits);

const CONTACT = "/api/complaints/track/contact";
const MEDIA = "https://img.example.org/p/liuan-bin.jpg";
let seq = 0;

/** An account id no other test writes, so a scan of the whole D1 finds only this case's traces. */
const newAccount = () => `app-user-${Date.now()}-${++seq}`;

/** Files through POST /open311/v2/requests.json; the tracking secret is in the returned link's fragment. */
async function fileByApp(over: Record<string, string>): Promise<{ filed: Open311Filed; token: string }> {
  const key = await makeKey();
  const res = await postForm(validFields(key.apiKey, over));
  expect(res.status).toBe(200);
  const [filed] = (await res.json()) as Open311Filed[];
  const token = filed?.tracking_url.split("#t=")[1] ?? "";
  expect(token).not.toBe("");
  return { filed: filed as Open311Filed, token };
}

async function view(token: string, init: RequestInit = {}): Promise<TrackingView> {
  const res = await track(token, init.method === "DELETE" ? CONTACT : "/api/complaints/track", init);
  expect(res.status).toBe(200);
  return (await res.json()) as TrackingView;
}

const stored = (token: string) =>
  env.DB.prepare("SELECT account_id AS accountId, media_url AS mediaUrl FROM open311_requests WHERE token = ?")
    .bind(token)
    .first<{ accountId: string | null; mediaUrl: string | null }>();

/** "table.column" for every column of every table holding `needle`. */
async function tracesOf(needle: string): Promise<string[]> {
  const tables = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'`,
  ).all<{ name: string }>();
  const hits: string[] = [];
  for (const { name: table } of tables.results) {
    const columns = await env.DB.prepare("SELECT name FROM pragma_table_info(?)").bind(table).all<{ name: string }>();
    for (const { name: column } of columns.results) {
      const found = await env.DB.prepare(
        `SELECT count(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?1) > 0`,
      )
        .bind(needle)
        .first<{ n: number }>();
      if (found?.n) hits.push(`${table}.${column}`);
    }
  }
  return hits;
}

describe("the tracking link shows what an app's Open311 filing keeps about the reporter", () => {
  it("lists the app's account id and the picture link, read in the tracking statement itself", async () => {
    const account = newAccount();
    const { token } = await fileByApp({ account_id: account, media_url: MEDIA, last_name: "李", phone: "13900003333" });
    const { env: e, stats: counts } = instrumentedDb();
    const res = await app.request("/api/complaints/track", { headers: { "x-tracking-token": token } }, e);
    expect(res.status).toBe(200);
    // One statement, as before: the Open311 row is a column of the tracking read, not a query of its own.
    expect(counts.roundTrips).toBe(1);
    const personal = ((await res.json()) as TrackingView).personalData;
    expect(personal).toMatchObject({ name: "李", phone: "13900003333", accountId: account, mediaUrl: MEDIA });
  });

  it("has neither for a website filing, nor for an app's filing that sent none", async () => {
    const website = await fileOk();
    const personal = (await view(website.trackingToken)).personalData;
    expect(personal).not.toBeNull();
    expect(personal).not.toHaveProperty("accountId");
    expect(personal).not.toHaveProperty("mediaUrl");
    const { token } = await fileByApp({ phone: "13900004444" });
    const bare = (await view(token)).personalData;
    expect(bare).not.toHaveProperty("accountId");
    expect(bare).not.toHaveProperty("mediaUrl");
  });

  it("never shows them to a lookup by case number and phone", async () => {
    const { filed, token } = await fileByApp({ account_id: newAccount(), media_url: MEDIA, phone: "13900005555" });
    const caseNumber = (await view(token)).caseNumber;
    expect(filed.token).toBeTruthy();
    const res = await app.request(
      "/api/complaints/track/lookup",
      {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.77" },
        body: JSON.stringify({ caseNumber, phone: "13900005555" }),
      },
      env,
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).personalData).toBeNull();
    expect(text).not.toContain(MEDIA);
  });
});

describe("deleting the contact through the tracking link deletes the app's account id", () => {
  it("with the name and phone: the account id leaves every table, the picture link stays as case content", async () => {
    const account = newAccount();
    const { filed, token } = await fileByApp({
      account_id: account,
      media_url: MEDIA,
      first_name: "女士",
      last_name: "欧阳",
      phone: "13900006666",
    });
    const after = (await view(token, { method: "DELETE" })).personalData;
    expect(after).toMatchObject({ name: null, phone: null, callbackWanted: false, mediaUrl: MEDIA });
    expect(after).not.toHaveProperty("accountId");
    expect(after?.contactDeletedAt).toBeTruthy();
    expect(await stored(filed.token)).toEqual({ accountId: null, mediaUrl: MEDIA });
    expect(await tracesOf(account)).toEqual([]);
  });

  it("when the account id is the only contact the case holds: cleared, logged once, and a second deletion writes nothing", async () => {
    const account = newAccount();
    const { filed, token } = await fileByApp({ account_id: account });
    const before = await view(token);
    expect(before.personalData).toMatchObject({ name: null, phone: null, callbackWanted: false, accountId: account });
    const after = (await view(token, { method: "DELETE" })).personalData;
    expect(after).not.toHaveProperty("accountId");
    expect(after?.contactDeletedAt).toBeTruthy();
    expect((await stored(filed.token))?.accountId).toBeNull();
    expect(await tracesOf(account)).toEqual([]);

    const audits = () =>
      env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'complaint.contact_deleted' AND target = ?")
        .bind(before.caseNumber)
        .first<{ n: number }>();
    const events = () =>
      env.DB.prepare(
        `SELECT count(*) AS n FROM complaint_events WHERE action = 'contact_deleted'
           AND complaint_id = (SELECT id FROM complaints WHERE case_number = ?)`,
      )
        .bind(before.caseNumber)
        .first<{ n: number }>();
    expect((await audits())?.n).toBe(1);
    expect((await events())?.n).toBe(1);
    await view(token, { method: "DELETE" });
    expect((await audits())?.n).toBe(1);
    expect((await events())?.n).toBe(1);
  });
});
