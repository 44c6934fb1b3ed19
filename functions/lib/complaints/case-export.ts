import type { Context } from "hono";
import { categoryById } from "../../../src/shared/complaints/categories";
import { RATING_LABELS, STATE_LABELS } from "../../../src/shared/complaints/states";
import { communityById } from "../../../src/shared/geo";
import { maskPhoneNumbers, stripControls } from "../../../src/shared/text";
import { chinaIso, chinaIsoOrEmpty, periodInstants } from "../../../src/shared/time";
import { exportChunk } from "../../db/complaints/handling";
import type { Complaint } from "../../db/complaints/index";
import { listUnits } from "../../db/staff/units";
import type { AppEnv } from "../../env";
import { audit } from "../audit-context";
import { isOverdue } from "./case-view";
import { toCsv } from "./public-view";

const CHUNK = 1000;
const BASE_COLUMNS = [
  "案件编号",
  "类别编码",
  "类别",
  "社区",
  "地址",
  "问题描述",
  "状态",
  "紧急",
  "处置单位",
  "收到时间",
  "立案时间",
  "处置期限",
  "处理完毕时间",
  "结案时间",
  "超期",
  "返工次数",
  "复核次数",
  "评价",
  "支持人数",
];
const CONTACT_COLUMNS = ["联系人", "联系电话"];

function row(c: Complaint, units: Map<string, string>, withContact: boolean, now: number) {
  // Rows stored before the edge dropped control characters are cleaned here too; a phone number a
  // resident typed into the text is contact data like the contact columns.
  const text = (s: string) => (withContact ? stripControls(s) : maskPhoneNumbers(stripControls(s)));
  return {
    案件编号: c.caseNumber,
    类别编码: c.categoryId,
    类别: categoryById(c.categoryId)?.name ?? "",
    社区: communityById(c.communityId)?.name ?? c.communityId,
    地址: text(c.addressText),
    问题描述: text(c.description),
    状态: STATE_LABELS[c.state],
    紧急: c.urgent ? "是" : "否",
    处置单位: c.unitId ? (units.get(c.unitId) ?? c.unitId) : "",
    // China time with its offset: what staff read in a spreadsheet, and still exact.
    收到时间: chinaIso(c.receivedAt),
    立案时间: chinaIsoOrEmpty(c.acceptedAt),
    处置期限: chinaIsoOrEmpty(c.dueAt),
    处理完毕时间: chinaIsoOrEmpty(c.handledAt),
    结案时间: chinaIsoOrEmpty(c.closedAt),
    超期: c.overdueAt || isOverdue(c, now) ? "是" : "否",
    返工次数: c.reworkCount,
    复核次数: c.reopenCount,
    评价: c.rating ? RATING_LABELS[c.rating] : "",
    支持人数: c.supporters,
    ...(withContact ? { 联系人: c.reporterName && text(c.reporterName), 联系电话: c.reporterPhone } : {}),
  };
}

/**
 * The cases received in China-time days [from, to] as CSV, streamed in chunks read by id so a year
 * of cases never sits in memory. Contact columns, and phone numbers typed into the address or
 * description, only for roles with `complaints:export_contact`; every export is audited first.
 */
export async function exportCases(c: Context<AppEnv>, p: { from: string; to: string; withContact: boolean }) {
  const db = c.var.db;
  const { start, end } = periodInstants(p.from, p.to);
  const [, units] = await db.batch([
    audit(c, "complaint.exported", `${p.from}..${p.to}`, { contact: p.withContact }),
    listUnits(db),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const columns = p.withContact ? [...BASE_COLUMNS, ...CONTACT_COLUMNS] : BASE_COLUMNS;
  const encoder = new TextEncoder();
  const now = Date.now();
  let after = 0;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = await exportChunk(db, start, end, after, CHUNK).all();
      const csv = toCsv(
        rows.map((r) => row(r, names, p.withContact, now)),
        columns,
      );
      // The header line once, with a BOM so spreadsheet programs read UTF-8.
      controller.enqueue(encoder.encode(first ? `\uFEFF${csv}` : csv.slice(csv.indexOf("\r\n") + 2)));
      first = false;
      const last = rows.at(-1);
      if (!last || rows.length < CHUNK) controller.close();
      else after = last.id;
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="cases-${p.from}-${p.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
