import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../../functions/lib/complaints/public-view";
import { CATEGORIES } from "../../../src/shared/complaints/categories";
import { nearestPlace, PLACES, placesOf } from "../../../src/shared/complaints/places";
import { STATE_LABELS, TRANSITIONS } from "../../../src/shared/complaints/states";
import type { OpenData, PublicCase, PublicCasePage } from "../../../src/shared/complaints/wire";
import { COMMUNITIES, publicCoordinate } from "../../../src/shared/geo";
import { chinaDay, lastDays } from "../../../src/shared/time";
import { contentUnits } from "../../../src/shared/units";
import { file, fileOk, ORIGIN, pointIn, syncUnits, validComplaint } from "./factories";
import { act, session } from "./handling/factories";

// Attack: personal data typed into the address field must reach no public answer. The public place
// is a gazetteer name; what the resident typed stays a private note for staff.

/** 30 ways residents put personal data into "where is it": names, phones, house numbers, ids. */
const PHRASINGS = [
  "王小明家门口（电话一三八一二三四五六七八）",
  "临河路一百二十三号",
  "临河路 123 号 5 单元 402 室",
  "张伟 13812345678",
  "联系人李娜，手机139 8765 4321",
  "+86 137-2468-1357 赵先生",
  "１５８１２３４５６７８ 钱女士家楼下",
  "丹枫小区7幢2单元1101室",
  "身份证330102199003071234的孙强家",
  "周杰家门前，电话：零五七一－八七六五四三二一",
  "吴敏阿姨家（柳岸新村18号）",
  "郑州路88弄6号后门",
  "我叫冯晓丽，住在北苑花园3栋",
  "陈建国老人家门口 电话 186 0000 1111",
  "褚卫东的小卖部门口",
  "卫生间窗外（业主蒋红梅 15057183921）",
  "沈阿婆家后面的弄堂 36号",
  "韩梅梅家门口 微信hanmeimei1988",
  "杨光明，QQ 987654321，住荷塘苑",
  "juliet.zhu@example.com 朱丽叶楼下",
  "秦大爷家车库旁，车牌浙A7K359",
  "尤小姐 电话壹叁捌零零零零壹贰叁肆",
  "许诺家 一三九 八七六五 四三二一",
  "何先生（工号 8848）单位门口",
  "吕布家 138-0013-8000",
  "施工方负责人孔明 电话13912349876",
  "曹操住桂园小区二十六栋三零二",
  "严守义家的院墙外 门牌号：石桥村77号",
  "华山路七十七号金小姐家",
  "魏征 护照E56473829 在新塘路口",
];

/** Words any public answer may carry: data names, never a resident's. */
const VOCABULARY = [
  ...PLACES.map((p) => p.name),
  ...COMMUNITIES.flatMap((c) => [c.name, c.subdistrict]),
  ...CATEGORIES.flatMap((c) => [c.name, ...Object.values(c).filter((x): x is string => typeof x === "string")]),
  ...Object.values(STATE_LABELS),
  ...Object.values(TRANSITIONS).map((t) => t.label),
  ...contentUnits().map((u) => u.name),
  // the case feed's own labels
  "处置单位",
].join("\n");

const normalise = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Every `n` characters in a row of each run that `run` matches. */
function windows(text: string, run: RegExp, n: number): string[] {
  const out: string[] = [];
  for (const r of text.match(run) ?? []) for (let i = 0; i + n <= r.length; i++) out.push(r.slice(i, i + n));
  return out;
}

/**
 * What must not appear: every two Han characters in a row of the phrase, unless the vocabulary has
 * them ("临河路" may, "路一" may not; a bracket next to a community name is the pages' own); every four
 * Latin letters in a row (a WeChat id, an e-mail: two would match the JSON's own keys); every four
 * digits in a row, which a phone, a house number or an id number leaves however it is spaced.
 */
function forbidden(phrase: string): { grams: string[]; digits: string[] } {
  const chars = [...normalise(phrase)];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    if (!/^\p{Script=Han}{2}$/u.test(g) || VOCABULARY.includes(g)) continue;
    grams.add(g);
  }
  for (const w of windows(normalise(phrase), /[A-Za-z]{4,}/g, 4)) grams.add(w);
  return { grams: [...grams], digits: [...new Set(windows(normalise(phrase), /\d{4,}/g, 4))] };
}

const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`);
async function body(path: string): Promise<string> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

async function caseRow(caseNumber: string) {
  const row = await env.DB.prepare("SELECT id, version, place_id AS placeId FROM complaints WHERE case_number = ?")
    .bind(caseNumber)
    .first<{ id: number; version: number; placeId: string | null }>();
  if (!row) throw new Error(`no case ${caseNumber}`);
  return row;
}

interface FiledPhrase {
  phrase: string;
  caseNumber: string;
  communityId: string;
  point: { lat: number; lng: number } | null;
  placeId: string | null;
}

describe("what a resident types in the address field", () => {
  let dispatcher: string;
  const filed: FiledPhrase[] = [];

  // 30 filings and 30 acceptances: about 6 s on the two-core machine under load.
  beforeAll(async () => {
    await syncUnits();
    dispatcher = (await session("dispatcher")).cookie;
    for (const [i, phrase] of PHRASINGS.entries()) {
      const community = COMMUNITIES[i % COMMUNITIES.length];
      if (!community) throw new Error("no community");
      // Half give a point (the server resolves the place), half pick a road or place from the list.
      const point = i % 2 === 0 ? { lat: pointIn(community.id).lat + 0.0031, lng: pointIn(community.id).lng } : null;
      const placeId = point ? null : (placesOf(community.id)[i % 3]?.id ?? null);
      const over = point
        ? { ...point, categoryId: "E0102", addressText: phrase }
        : {
            lat: undefined,
            lng: undefined,
            communityId: community.id,
            placeId,
            categoryId: "E0102",
            addressText: phrase,
          };
      const c = await fileOk(over);
      const row = await caseRow(c.caseNumber);
      const res = await act(dispatcher, row.id, "accept", { version: row.version });
      expect(res.status, await res.clone().text()).toBe(200);
      filed.push({ phrase, caseNumber: c.caseNumber, communityId: community.id, point, placeId });
    }
  }, 120_000);

  it("keeps the typed text and its parts out of the list, hot spots, open data, figures, nearby and case pages", async () => {
    const { from, to } = lastDays(30);
    const paths = [
      "/api/complaints?limit=100",
      "/api/complaints?limit=100&state=open",
      "/api/complaints/hotspots?days=30",
      "/api/complaints/hotspots?days=90",
      `/api/complaints/open-data.json?from=${from}&to=${to}`,
      `/api/complaints/open-data.csv?from=${from}&to=${to}`,
      ...COMMUNITIES.map((c) => {
        const p = pointIn(c.id);
        return `/api/complaints/nearby?categoryId=E0102&lat=${p.lat + 0.0031}&lng=${p.lng}`;
      }),
    ];
    // The public case page and its feed, of every case.
    for (const f of filed)
      paths.push(`/api/complaints/cases/${f.caseNumber}`, `/api/complaints/cases/${f.caseNumber}/feed.xml`);
    const answers = (await Promise.all(paths.map(body))).join("\n");
    const figures = await body(`/api/complaints/figures?month=${chinaDay().slice(0, 7)}`);
    for (const f of filed) expect(answers, f.caseNumber).toContain(f.caseNumber);
    // Case numbers and category ids (E0102) are public and made of digits: out before looking for typed digits.
    const withoutNumbers = filed.reduce((s, f) => s.replaceAll(f.caseNumber, ""), answers).replace(/[EC]\d{4}/g, "");
    const leaks: string[] = [];
    for (const { phrase } of filed) {
      const { grams, digits } = forbidden(phrase);
      for (const g of grams) if (answers.includes(g) || figures.includes(g)) leaks.push(`${phrase} → ${g}`);
      // Figures are rates with long decimals: only the answers that carry case fields are searched for digits.
      for (const d of digits) if (withoutNumbers.includes(d)) leaks.push(`${phrase} → ${d}`);
    }
    expect(leaks).toEqual([]);
  }, 60_000);

  it("publishes the place as a gazetteer name: the one picked, or the nearest to the published point", async () => {
    const { from, to } = lastDays(30);
    const data = JSON.parse(await body(`/api/complaints/open-data.json?from=${from}&to=${to}`)) as OpenData;
    const byNumber = new Map<string, PublicCase>(data.cases.map((c) => [c.caseNumber, c]));
    const names = new Set(PLACES.map((p) => p.name));
    for (const f of filed) {
      const c = byNumber.get(f.caseNumber);
      expect(c?.communityId, f.phrase).toBe(f.communityId);
      expect(names.has(c?.place ?? ""), `${f.phrase} → ${c?.place}`).toBe(true);
      const expected = f.point
        ? nearestPlace(f.communityId, publicCoordinate(f.point.lng), publicCoordinate(f.point.lat))?.id
        : f.placeId;
      expect(c?.placeId, f.phrase).toBe(expected);
      expect((await caseRow(f.caseNumber)).placeId).toBe(expected);
    }
  });
});

describe("cases not yet accepted", () => {
  it("are not listed publicly, nor are refused ones; accepted ones are", async () => {
    const dispatcher = (await session("dispatcher")).cookie;
    const waiting = await fileOk({ addressText: "等待立案的地址" });
    const refused = await fileOk({ addressText: "将被拒绝的地址" });
    const accepted = await fileOk({ addressText: "已立案的地址" });
    const r = await caseRow(refused.caseNumber);
    expect((await act(dispatcher, r.id, "reject", { version: r.version, reason: "不属于城市管理职责" })).status).toBe(
      200,
    );
    const a = await caseRow(accepted.caseNumber);
    expect((await act(dispatcher, a.id, "accept", { version: a.version })).status).toBe(200);
    const { from, to } = lastDays(30);
    const list = JSON.parse(await body("/api/complaints?limit=100")) as PublicCasePage;
    const closed = JSON.parse(await body("/api/complaints?limit=100&state=closed")) as PublicCasePage;
    const open = JSON.parse(await body(`/api/complaints/open-data.json?from=${from}&to=${to}`)) as OpenData;
    const csv = await body(`/api/complaints/open-data.csv?from=${from}&to=${to}`);
    for (const numbers of [list.cases, closed.cases, open.cases].map((cs) => cs.map((c) => c.caseNumber))) {
      expect(numbers).not.toContain(waiting.caseNumber);
      expect(numbers).not.toContain(refused.caseNumber);
    }
    expect(list.cases.map((c) => c.caseNumber)).toContain(accepted.caseNumber);
    expect(open.cases.map((c) => c.caseNumber)).toContain(accepted.caseNumber);
    expect(csv).not.toContain(waiting.caseNumber);
    expect(csv).not.toContain(refused.caseNumber);
    expect(csv).toContain(accepted.caseNumber);
  });
});

describe("choosing the public place", () => {
  const problemAt = async (res: Response) => {
    expect(res.status).toBe(422);
    return ((await res.json()) as { errors?: { pointer: string }[] }).errors?.map((e) => e.pointer);
  };

  it("refuses a road or place of another community, or none of the gazetteer, and writes nothing", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM complaints").first<{ n: number }>();
    const listed = { lat: undefined, lng: undefined, communityId: "danfeng" };
    expect(await problemAt(await file(validComplaint({ ...listed, placeId: "xintang-market" })))).toContain(
      "#/placeId",
    );
    expect(await problemAt(await file(validComplaint({ ...listed, placeId: "danfeng-home-of-x" })))).toContain(
      "#/placeId",
    );
    // A point in 丹枫 with a place of 新塘: the server checks against the community the point lies in.
    expect(await problemAt(await file(validComplaint({ ...pointIn("danfeng"), placeId: "xintang-market" })))).toContain(
      "#/placeId",
    );
    const after = await env.DB.prepare("SELECT count(*) AS n FROM complaints").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("lets staff correct the place when accepting, audited, but only to one of the case's community", async () => {
    const dispatcher = (await session("dispatcher")).cookie;
    const filed = await fileOk({ lat: undefined, lng: undefined, communityId: "guiyuan", addressText: "夜市东头" });
    const row = await caseRow(filed.caseNumber);
    expect(row.placeId).toBeNull();
    const wrong = await act(dispatcher, row.id, "accept", { version: row.version, placeId: "danfeng-market" });
    expect(await problemAt(wrong)).toContain("#/placeId");
    expect((await caseRow(filed.caseNumber)).version).toBe(row.version);
    const ok = await act(dispatcher, row.id, "accept", { version: row.version, placeId: "guiyuan-night-market" });
    expect(ok.status).toBe(200);
    expect((await caseRow(filed.caseNumber)).placeId).toBe("guiyuan-night-market");
    const audited = await env.DB.prepare("SELECT detail FROM audit_log WHERE target LIKE ? OR detail LIKE ?")
      .bind(`%${filed.caseNumber}%`, `%${filed.caseNumber}%`)
      .all<{ detail: string }>();
    expect(audited.results.map((a) => a.detail).join()).toContain('"placeTo":"guiyuan-night-market"');
    const list = JSON.parse(await body("/api/complaints?limit=100")) as PublicCasePage;
    expect(list.cases.find((c) => c.caseNumber === filed.caseNumber)?.place).toBe("桂园夜市");
  });
});

describe("the open-data CSV", () => {
  // No resident's text reaches it any more, but a cell a spreadsheet would run stays defused.
  it("quotes a cell that a spreadsheet would run as a formula, and escapes quotes and line breaks", () => {
    const csv = toCsv([{ a: '=HYPERLINK("http://x")路口', b: "+1", c: "line\nbreak" }], ["a", "b", "c"]);
    expect(csv.split("\r\n")[0]).toBe("a,b,c");
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("'+1");
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")路口"');
    expect(csv).toContain('"line\nbreak"');
  });
});
