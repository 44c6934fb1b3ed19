import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaintEvents, complaintPhotos, complaints, open311Requests } from "../../../functions/db/schema";
import { CATEGORIES } from "../../../src/shared/complaints/categories";
import { PERSONAL_DATA, type PersonalDataItem } from "../../../src/shared/complaints/personal-data";
import { publicCoordinate } from "../../../src/shared/geo";
import { CONTACT_RETENTION_DAYS } from "../../../src/shared/privacy";
import { BUREAU } from "../../../src/shared/publishing";

const root = path.join(import.meta.dirname, "../../..");
const notice = readFileSync(path.join(root, "content/pages/privacy.md"), "utf8");
// The filing form's summary, read as source (the Node suite does not compile JSX): its period must be the constant.
const summary = readFileSync(path.join(root, "src/components/complaints/PrivacySummary.tsx"), "utf8");
// Every table PERSONAL_DATA may name (a new one in its union fails to compile here until added).
const TABLES = { complaints, complaintPhotos, complaintEvents, open311Requests } satisfies Record<
  PersonalDataItem["table"],
  unknown
>;

/**
 * The columns of `complaints` that hold nothing about a person: the case's category, state, dates
 * and counters. A new column must be put here or in PERSONAL_DATA (and so in the notice).
 */
const NOT_PERSONAL = new Set([
  "id",
  "caseNumber",
  "categoryId",
  "communityId",
  "publicLat",
  "publicLng",
  "placeId",
  "state",
  "version",
  "urgent",
  "unitId",
  "acceptDueAt",
  "dueAt",
  "receivedAt",
  "acceptedAt",
  "closedAt",
  "supporters",
  "trackingHash",
  "mergedInto",
  "rating",
  "ratedAt",
  "reopenCount",
  "contactAnonymisedAt",
  "updatedAt",
  "respondedAt",
  "handledAt",
  "reworkCount",
  "pendingRequest",
  "pendingDays",
  "overdueAt",
]);

/**
 * The columns of `open311_requests` that hold nothing about a person: which key filed the case,
 * the spec's token (it leads only to the public case) and when. The rest is in PERSONAL_DATA.
 */
const NOT_PERSONAL_OPEN311 = new Set(["complaintId", "keyId", "token", "createdAt"]);

describe("the privacy notice says what the portal does, and only that", () => {
  it("names every item of personal data a case holds, each of which the schema really has", () => {
    for (const item of PERSONAL_DATA) {
      expect(notice, item.label).toContain(item.label);
      const columns = Object.keys(getTableColumns(TABLES[item.table]));
      for (const column of item.columns) expect(columns, `${item.table}.${column}`).toContain(column);
    }
    for (const column of Object.keys(getTableColumns(complaints))) {
      const listed = PERSONAL_DATA.some((i) => i.table === "complaints" && i.columns.includes(column));
      expect(listed || NOT_PERSONAL.has(column), `complaints.${column}: personal data or not?`).toBe(true);
    }
    for (const column of Object.keys(getTableColumns(open311Requests))) {
      const listed = PERSONAL_DATA.some((i) => i.table === "open311Requests" && i.columns.includes(column));
      expect(listed || NOT_PERSONAL_OPEN311.has(column), `open311Requests.${column}: personal data or not?`).toBe(true);
    }
  });

  it("says what an app's Open311 filing keeps, that the link is never fetched, and when the account id goes", () => {
    const open311 = PERSONAL_DATA.filter((i) => i.table === "open311Requests");
    expect(open311.map((i) => i.key).sort()).toEqual(["accountId", "mediaUrl"]);
    expect(notice).toMatch(/Open311/);
    // The reporter reads each of them in the notice's list of what the tracking link shows.
    const rights = notice.slice(notice.indexOf("## 您的权利"));
    for (const item of open311) expect(rights, item.label).toContain(item.label);
    const media = open311.find((i) => i.key === "mediaUrl");
    expect(notice).toMatch(new RegExp(`${media?.label}[^\n]*不会[^\n]*(打开|下载)[^\n]*不公开`));
    // The account id is deleted with the contact: the notice says so where it names it.
    const account = open311.find((i) => i.key === "accountId");
    expect(account?.contact).toBe(true);
    expect(notice).toMatch(new RegExp(`${account?.label}[^\n]*删除联系方式`));
  });

  it("gives the retention period the cron really uses, in the notice and in the form's summary", () => {
    const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8");
    expect(toml).toMatch(new RegExp(`^CONTACT_RETENTION_DAYS = "${CONTACT_RETENTION_DAYS}"$`, "m"));
    const stated = [...notice.matchAll(/结案满\s*(\d+)\s*天/g)].map((m) => Number(m[1]));
    expect(stated.length).toBeGreaterThan(0);
    expect(new Set(stated)).toEqual(new Set([CONTACT_RETENTION_DAYS]));
    expect(summary).toMatch(/\{CONTACT_RETENTION_DAYS\}(\{" "\})?\s*天/);
    expect(summary).not.toMatch(/\d+\s*天/);
  });

  it("describes only features that exist: no volunteer or appointment data before those features have tables", () => {
    const features = [
      { words: /志愿/, schema: "sweeps" },
      { words: /预约/, schema: "appointments" },
    ];
    for (const f of features) {
      if (f.words.test(notice)) {
        expect(existsSync(path.join(root, `functions/db/schema/${f.schema}.ts`)), `${f.words}: ${f.schema}`).toBe(true);
      }
    }
  });

  it("sends people only to channels that exist: categories the form offers, the hotline, no invented mailbox", () => {
    const names = new Set(CATEGORIES.flatMap((c) => [c.name, ...("label" in c ? [String(c.label)] : [])]));
    for (const [, quoted] of notice.matchAll(/“([^”]+)”\s*(?:类别|类)/g)) expect(names, quoted).toContain(quoted);
    expect(notice.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []).toEqual([]);
    expect(notice).toContain(BUREAU.hotline);
  });

  it("says the tracking link shows the data and deletes the contact, as the API does", () => {
    const rights = notice.slice(notice.indexOf("## 您的权利"));
    expect(rights).toContain("查询链接");
    expect(rights).toMatch(/查看/);
    expect(rights).toMatch(/删除.*联系方式|联系方式.*删除/);
    expect(summary).toMatch(/查询链接/);
    expect(summary).toMatch(/删除/);
  });

  it("states the public point as coarse as the code makes it (about 100 m)", () => {
    // One step of the published coordinate, in metres of latitude.
    const step = (publicCoordinate(30.0006) - publicCoordinate(30.0004)) * 111_320;
    const claimed = [...notice.matchAll(/约\s*(\d+)\s*米/g)].map((m) => Number(m[1]));
    expect(claimed.length).toBeGreaterThan(0);
    for (const metres of claimed) expect(Math.abs(metres - step)).toBeLessThanOrEqual(15);
  });
});
