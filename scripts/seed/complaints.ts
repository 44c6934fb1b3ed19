// A living demo: a few hundred complaints over the last four months, spread over categories,
// communities and every state, with the events that led there. Deterministic (a seeded PRNG); the
// cases go in once per database (an app_meta marker), since their dates follow the clock.
import { createHash } from "node:crypto";
import { CATEGORIES } from "../../src/shared/complaints/categories.ts";
import { nearestPlace } from "../../src/shared/complaints/places.ts";
import { type CaseState, isOpen, RATINGS } from "../../src/shared/complaints/states.ts";
import { COMMUNITIES } from "../../src/shared/geo.ts";
import { caseNumberDay } from "../../src/shared/time.ts";
import { sqlString as q } from "./sql.ts";

export const DEMO_CASES = 320;
const DAY = 86_400_000;

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The tracking secret of demo case i: derived, so the README can give a working demo link. */
export function demoTrackingToken(i: number): string {
  return createHash("sha256").update(`qingxi-demo-case-${i}`).digest("base64url").slice(0, 22);
}

const STATE_WEIGHTS: [CaseState, number][] = [
  ["received", 10],
  ["accepted", 7],
  ["dispatched", 11],
  ["in_progress", 12],
  ["extended", 3],
  ["suspended", 2],
  ["sent_back", 2],
  ["handled", 8],
  ["reopened", 2],
  ["closed_fixed", 30],
  ["closed_not_fixed", 5],
  ["not_accepted", 5],
  ["merged", 3],
];

/** The actions that lead from filing to each state. */
const PATHS: Record<CaseState, string[]> = {
  received: [],
  accepted: ["accept"],
  dispatched: ["accept", "dispatch"],
  in_progress: ["accept", "dispatch", "start"],
  extended: ["accept", "dispatch", "start", "extend"],
  suspended: ["accept", "dispatch", "start", "suspend"],
  sent_back: ["accept", "dispatch", "send_back"],
  handled: ["accept", "dispatch", "start", "handle"],
  reopened: ["accept", "dispatch", "start", "handle", "close_not_fixed", "reopen"],
  closed_fixed: ["accept", "dispatch", "start", "handle", "close_fixed"],
  closed_not_fixed: ["accept", "dispatch", "start", "handle", "close_not_fixed"],
  not_accepted: ["reject"],
  merged: ["merge"],
};
const TO: Record<string, CaseState> = {
  accept: "accepted",
  dispatch: "dispatched",
  start: "in_progress",
  extend: "extended",
  suspend: "suspended",
  send_back: "sent_back",
  handle: "handled",
  close_fixed: "closed_fixed",
  close_not_fixed: "closed_not_fixed",
  reopen: "reopened",
  reject: "not_accepted",
  merge: "merged",
};
const NOTES: Record<string, string[]> = {
  handle: ["已安排人员清理完毕。", "已联系责任单位整改到位。", "已现场劝离并规范经营。", "设施已更换修复。"],
  reject: [
    "经核实，该问题不属于城市管理职责范围，已告知向物业反映。",
    "信息不足，无法确定具体位置，请补充后重新提交。",
  ],
  close_not_fixed: ["涉及产权纠纷，暂无法处理，已转相关部门。"],
  reopen: ["问题又出现了，请再看一下。"],
};
const STREETS = [
  "临河路",
  "桂园路",
  "溪山街",
  "北湖大道",
  "丹枫路",
  "柳岸街",
  "荷塘路",
  "竹园巷",
  "石桥路",
  "金桂街",
  "新塘路",
  "湖滨路",
];
const DETAILS = ["路口", "公交站旁", "菜市场门口", "小区南门", "人行道上", "绿化带边", "桥下", "学校对面"];
const DESCRIPTIONS = [
  "这里的问题已经持续好几天了，影响行人通行，希望尽快处理。",
  "晚上尤其严重，附近居民反映很多次了。",
  "早上上班时看到的，存在安全隐患，请相关部门看一下。",
  "周末人多的时候特别明显，麻烦安排人员处理。",
];
/** Fictional reporters: the privacy tests look for exactly these in every public view. */
export const DEMO_REPORTERS = [
  { name: "陈晓梅", phone: "13900001111" },
  { name: "刘建国", phone: "13700002222" },
  { name: "赵小燕", phone: "18600003333" },
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function weighted(rand: () => number): CaseState {
  const total = STATE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [state, w] of STATE_WEIGHTS) {
    r -= w;
    if (r < 0) return state;
  }
  return "received";
}

export function complaintStatements(now = Date.now()): string[] {
  const rand = prng(20261127);
  const statements: string[] = [];
  const perDay = new Map<string, number>();
  // States first, then cases in the order they were filed, so ids and case numbers follow time.
  const states = Array.from({ length: DEMO_CASES }, () => weighted(rand));
  const categories = states.map(() => pick(rand, CATEGORIES));
  // New reports are hours old; cases in hand mostly inside their time limit (about one in eight
  // overdue, for the dispatcher's board); closed ones spread over four months.
  const ages = states.map((state, i) => {
    if (["received", "accepted"].includes(state)) return rand() * 2;
    if (!isOpen(state)) return rand() * 120;
    const limitDays = (categories[i]?.limitHours ?? 24) / 24;
    return limitDays * (rand() < 0.88 ? 0.2 + rand() * 0.7 : 1.2 + rand());
  });
  const order = states.map((_, i) => i).sort((a, b) => (ages[b] ?? 0) - (ages[a] ?? 0));
  for (const i of order) {
    const state = states[i] as CaseState;
    const category = categories[i] as (typeof CATEGORIES)[number];
    const community = pick(rand, COMMUNITIES);
    const ring = community.rings[0] ?? [];
    const lngs = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const lng = Math.min(...lngs) + rand() * (Math.max(...lngs) - Math.min(...lngs));
    const lat = Math.min(...lats) + rand() * (Math.max(...lats) - Math.min(...lats));
    const ageDays = ages[i] ?? 0;
    const received = now - ageDays * DAY;
    const day = caseNumberDay(new Date(received));
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const caseNumber = `${day}-${String(9000 + n).padStart(4, "0")}`;
    const reporter = rand() < 0.35 ? pick(rand, DEMO_REPORTERS) : null;
    const unit = category.unitRule === "squad" ? community.squad : community.station;
    const path = PATHS[state];
    // About one closure in eight comes after its deadline: spread over three time limits, the last step
    // lands past the deadline the dispatch step set.
    const limitMs = category.limitHours * 3600_000;
    const late = state.startsWith("closed") && rand() < 0.12 && ageDays * DAY > limitMs * 3;
    const stepMs = (late ? limitMs * 3 : Math.min(ageDays * DAY, limitMs)) / (path.length + 1);
    // Most first decisions come inside the 30-minute accept limit, some late: the response rate is real.
    const decidedMs = Math.min((rand() < 0.9 ? rand() * 25 : 30 + rand() * 90) * 60_000, stepMs * 1.5);
    const at = (k: number) => new Date(received + (k === 1 ? decidedMs : stepMs * k)).toISOString();
    const receivedAt = new Date(received).toISOString();
    const acceptDue = new Date(received + (category.urgent ? 10 : 30) * 60_000).toISOString();
    const accepted = path[0] === "accept" ? at(1) : null;
    const dispatchIdx = path.indexOf("dispatch");
    const due =
      dispatchIdx >= 0
        ? new Date(Date.parse(at(dispatchIdx + 1)) + category.limitHours * 3600_000).toISOString()
        : null;
    const handleIdx = path.indexOf("handle");
    const closedIdx = path.findLastIndex((a) => a.startsWith("close") || a === "reject" || a === "merge");
    const closedAt = closedIdx >= 0 && !state.startsWith("reopen") ? at(closedIdx + 1) : null;
    const rated = state.startsWith("closed") && rand() < 0.7;
    const rating = rated ? (rand() < 0.75 ? RATINGS[0] : rand() < 0.6 ? RATINGS[1] : RATINGS[2]) : null;
    const token = demoTrackingToken(i);
    const address = `${pick(rand, STREETS)}${1 + Math.floor(rand() * 200)}号${pick(rand, DETAILS)}`;
    const publicLat = Math.round(lat * 1000) / 1000;
    const publicLng = Math.round(lng * 1000) / 1000;
    // As filing does: the public place is the gazetteer's nearest to the published point.
    const placeId = nearestPlace(community.id, publicLng, publicLat)?.id ?? null;
    const v = (x: string | number | null) => (x === null ? "NULL" : typeof x === "number" ? String(x) : q(x));
    statements.push(
      `INSERT INTO complaints (case_number, category_id, community_id, address_text, place_id, lat, lng, public_lat, public_lng, description, reporter_name, reporter_phone, callback_wanted, state, version, urgent, unit_id, accept_due_at, due_at, received_at, accepted_at, closed_at, supporters, tracking_hash, rating, rated_at, updated_at, responded_at, handled_at, rework_count) SELECT ${[
        caseNumber,
        category.id,
        community.id,
        address,
        placeId,
        lat,
        lng,
        publicLat,
        publicLng,
        `${category.name}：${pick(rand, DESCRIPTIONS)}`,
        reporter?.name ?? null,
        reporter?.phone ?? null,
        reporter ? 1 : 0,
        state,
        path.length + 1,
        category.urgent ? 1 : 0,
        unit,
        acceptDue,
        due,
        receivedAt,
        accepted,
        closedAt,
        Math.floor(rand() * rand() * 12),
        createHash("sha256").update(token).digest("hex"),
        rating,
        rating ? closedAt : null,
        at(path.length),
        // The centre's first decision (立案, 不予受理 or 合并) is the path's first step.
        path.length > 0 ? at(1) : null,
        handleIdx >= 0 ? at(handleIdx + 1) : null,
        state === "reopened" ? 1 : 0,
      ]
        .map(v)
        .join(
          ", ",
        )} WHERE NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_complaints') ON CONFLICT(case_number) DO NOTHING`,
    );
    // The filing event and the hot-spot count come from the database's trigger (migrations/0004).
    const events: { action: string; from: string; to: string; at: string; note: string | null }[] = [];
    let from = "received";
    path.forEach((action, k) => {
      const to = TO[action] as string;
      const notes = NOTES[action];
      events.push({ action, from, to, at: at(k + 1), note: notes ? pick(rand, notes) : null });
      from = to;
    });
    for (const e of events) {
      statements.push(
        `INSERT INTO complaint_events (complaint_id, at, action, from_state, to_state, actor_kind, unit_id, note, is_public) SELECT id, ${v(e.at)}, ${v(e.action)}, ${v(e.from)}, ${v(e.to)}, ${e.action === "reopen" ? "'reporter'" : "'staff'"}, ${v(unit)}, ${v(e.note)}, 1 FROM complaints c WHERE c.case_number = ${v(caseNumber)} AND NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_complaints')`,
      );
    }
  }
  // The day counters stay ahead of the demo numbers, so real filings never collide with them.
  statements.push(
    "INSERT INTO case_counters (day, n) SELECT substr(case_number, 1, 6), max(CAST(substr(case_number, 8) AS INTEGER)) FROM complaints GROUP BY 1 ON CONFLICT(day) DO UPDATE SET n = max(n, excluded.n)",
    `INSERT INTO app_meta (key, value) VALUES ('demo_complaints', '${DEMO_CASES}') ON CONFLICT(key) DO NOTHING`,
  );
  return statements;
}
