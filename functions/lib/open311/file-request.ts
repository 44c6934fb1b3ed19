import * as v from "valibot";
import { CATEGORY_IDS } from "../../../src/shared/complaints/categories";
import { FileComplaintSchema, IdempotencyKeySchema } from "../../../src/shared/complaints/schemas";
import { OPEN311_JURISDICTION } from "../../../src/shared/open311/jurisdiction";
import {
  AttributeCodeSchema,
  AttributeValueSchema,
  MAX_ATTRIBUTES,
  type Open311Filed,
  type Open311Post,
  Open311PostSchema,
} from "../../../src/shared/open311/post";
import { formatDateTimeZh } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import { findFilingByCase, open311FilingStatements } from "../../db/open311/requests";
import type { Platform } from "../../platform/ports";
import { fileComplaint } from "../complaints/file-complaint";
import { idempotencyKeyHash } from "../replay-cipher";
import { randomToken } from "../tokens";
import { Open311Error } from "./errors";
import { resolveLocation } from "./location";
import { attributesOf, type Fields, single } from "./post-body";

/** The website's field names as an Open311 client knows them, for the messages of its checks. */
const SPEC_NAME: Record<string, string> = {
  categoryId: "service_code",
  addressText: "address_string",
  communityId: "address_string",
  placeId: "address_id",
  lat: "lat/long",
  lng: "lat/long",
  description: "description",
  name: "first_name/last_name",
  phone: "phone",
};

const describe = (issues: readonly v.BaseIssue<unknown>[], names: Record<string, string> = {}) =>
  issues
    .map((i) => {
      const key = String(i.path?.[0]?.key ?? "");
      const field = names[key] ?? key;
      return field && !i.message.startsWith(field) ? `${field}：${i.message}` : i.message;
    })
    .join("；");

/** The spec's fields, checked: a refusal is one 400 naming every field that failed. */
export function parseOpen311Post(fields: Fields): Open311Post {
  const scalars = Object.fromEntries(
    Object.keys(Open311PostSchema.entries).flatMap((k) => {
      const value = single(fields, k);
      return value === undefined || value === "" ? [] : [[k, value]];
    }),
  );
  const result = v.safeParse(Open311PostSchema, scalars);
  if (!result.success) throw new Open311Error(400, describe(result.issues));
  if (result.output.jurisdiction_id !== undefined && result.output.jurisdiction_id !== OPEN311_JURISDICTION) {
    throw new Open311Error(404, `没有 jurisdiction_id 为 ${result.output.jurisdiction_id} 的辖区。`);
  }
  if (!CATEGORY_IDS.includes(result.output.service_code)) {
    throw new Open311Error(400, `没有 service_code 为 ${result.output.service_code} 的服务（见 services.json）。`);
  }
  return result.output;
}

/**
 * `attribute[code]` answers, as lines for staff appended to the description (private, as the
 * description is). No service defines attributes of its own yet, so any well-formed code is kept.
 */
function attributeLines(fields: Fields): string {
  const attributes = attributesOf(fields);
  if (attributes.size > MAX_ATTRIBUTES) throw new Open311Error(400, `attribute 最多 ${MAX_ATTRIBUTES} 项。`);
  const lines: string[] = [];
  for (const [code, values] of attributes) {
    const c = v.safeParse(AttributeCodeSchema, code);
    if (!c.success) throw new Open311Error(400, `attribute[${code.slice(0, 40)}]：${c.issues[0].message}`);
    const parsed = values.map((value) => v.safeParse(AttributeValueSchema, value));
    const bad = parsed.find((p) => !p.success);
    if (bad && !bad.success) throw new Open311Error(400, `attribute[${code}]：${bad.issues[0].message}`);
    lines.push(`${code}：${parsed.map((p) => (p.success ? p.output : "")).join("、")}`);
  }
  return lines.length > 0 ? `\n\n【附加信息】\n${lines.join("\n")}` : "";
}

/** What happens next, in the resident's words: the command centre decides by the deadline. */
function serviceNotice(acceptDueAt: string): string {
  return `诉求已收到，等待指挥中心受理：将在 ${formatDateTimeZh(acceptDueAt)}（北京时间）前决定是否立案。立案后可凭 token 查到案件编号（service_request_id），并在网站的案件页查看办理进度；不予受理时，原因会显示在查询链接（tracking_url）中。`;
}

/**
 * Files an Open311 request through exactly the website's filing (lib/complaints/file-complaint.ts:
 * the same schema, one batch, idempotency, the same public place and privacy), with the Open311
 * row and the key's last use in that batch. Without an Idempotency-Key a fresh one is used, so
 * a retry files again, as the spec's clients expect.
 */
export async function fileOpen311Request(
  db: Db,
  platform: Pick<Platform, "files" | "batch">,
  key: { id: number },
  fields: Fields,
  idempotencyHeader: string | undefined,
  origin: string,
): Promise<{ filed: Open311Filed; replayed: boolean }> {
  const post = parseOpen311Post(fields);
  const extra = attributeLines(fields);
  const place = resolveLocation(post);
  const name = `${post.last_name ?? ""}${post.first_name ?? ""}`.trim();
  const website = v.safeParse(FileComplaintSchema, {
    categoryId: post.service_code,
    ...place,
    description: `${post.description}${extra}`,
    name: name || undefined,
    phone: post.phone,
    callbackWanted: post.phone !== undefined,
    // The key's holder agreed, when the key was issued, to show the residents the portal's privacy notice.
    consent: true,
  });
  if (!website.success) throw new Open311Error(400, describe(website.issues, SPEC_NAME));
  let idempotencyKey = randomToken(16);
  if (idempotencyHeader !== undefined) {
    const k = v.safeParse(IdempotencyKeySchema, idempotencyHeader);
    if (!k.success) throw new Open311Error(400, k.issues[0].message);
    idempotencyKey = k.output;
  }
  const token = randomToken(16);
  const at = new Date();
  const also = open311FilingStatements({
    idempotencyKeyHash: await idempotencyKeyHash(idempotencyKey),
    keyId: key.id,
    token,
    accountId: post.account_id ?? null,
    mediaUrl: post.media_url ?? null,
    at: at.toISOString(),
  });
  const result = await fileComplaint(db, platform, website.output, [], idempotencyKey, at, also).catch((err) => {
    // The key was revoked between the check and the batch: its NULL key_id failed the batch.
    if (String((err as Error)?.message).includes("open311_requests.key_id")) {
      throw new Open311Error(403, "API 密钥已被吊销。");
    }
    throw err;
  });
  let answerToken = token;
  if (result.replayed) {
    const first = await findFilingByCase(db, result.caseNumber).get();
    if (!first) throw new Open311Error(400, "该 Idempotency-Key 已用于网站上提交的另一份投诉。");
    answerToken = first.token;
  }
  return {
    replayed: result.replayed === true,
    filed: {
      token: answerToken,
      service_notice: serviceNotice(result.acceptDueAt),
      ...(post.account_id ? { account_id: post.account_id } : {}),
      tracking_url: new URL(result.trackingPath, origin).href,
    },
  };
}
