import * as v from "valibot";
import { communityById } from "../../../src/shared/geo";
import {
  base32,
  buildPayload,
  canonicalJson,
  certificateNumber,
  contentKey,
  NUMBER_RANDOM_CHARS,
  verifyPath,
} from "../../../src/shared/sweeps/certificate";
import type { CertificateDoc, CertificatePayload, CertificateVerification } from "../../../src/shared/sweeps/wire";
import { chinaDay } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import {
  approvedServiceOf,
  type CertificateRow,
  certificateByNumber,
  certificateCountOf,
  issueBatch,
  latestInForceOf,
} from "../../db/sweeps/certificates";
import type { SweepSignup } from "../../db/sweeps/index";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";
import { checkCodeOf, sameCode, sign, verifySignature } from "./certificate-key";

// Issuing and verifying certificates (志愿服务记录证明). What one says is frozen as canonical JSON
// and signed with the Worker's key; the row keeps the text and the signature, so a changed row (or
// a printout that no longer matches what the verify page shows) does not verify.

const str = v.string();
const num = v.number();
/** The payload's shape, checked when read back: a row changed into something else shows nothing it says. */
const PayloadShape = v.object({
  version: v.literal(1),
  number: str,
  issuedOn: str,
  volunteer: v.object({ name: str, organisation: str, volunteerNumber: v.nullable(str) }),
  services: v.array(v.object({ date: str, title: str, communityName: str, minutes: num, hours: num })),
  totalMinutes: num,
  totalHours: num,
  issuer: v.object({ organisation: str, responsible: str, handler: str, contact: str }),
  remarks: str,
});

/** The stored text as a payload, or null when it no longer parses as one. */
function parsePayload(text: string): CertificatePayload | null {
  try {
    const parsed = v.safeParse(PayloadShape, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** A row as its holder sees it (the payload parsed from the stored text). */
export function certificateDoc(row: CertificateRow): CertificateDoc {
  const payload = parsePayload(row.payload);
  if (!payload) throw new Error(`certificate ${row.number}: stored payload does not parse`);
  return {
    number: row.number,
    checkCode: row.checkCode,
    payload,
    issuedAt: row.issuedAt,
    revokedAt: row.revokedAt,
    revokeReason: row.revokeReason,
    verifyPath: verifyPath(row.number, row.checkCode),
  };
}

/** A fresh number: the China-time year and 40 random bits. */
function newNumber(now: Date): string {
  const random = base32(crypto.getRandomValues(new Uint8Array(5)), NUMBER_RANDOM_CHARS);
  return certificateNumber(chinaDay(now).slice(0, 4), random);
}

/**
 * The certificate for the person whose sign-up asked: every attended sweep with approved hours under
 * the same phone and the same name (two people sharing a phone get their own), with the asker's
 * school and volunteer number. The same content as the certificate in force returns that one.
 */
export async function issueCertificate(
  db: Db,
  batch: BatchRunner,
  key: CryptoKey,
  asker: SweepSignup,
  now = new Date(),
): Promise<{ doc: CertificateDoc; created: boolean }> {
  if (asker.anonymisedAt) {
    throw problem(409, { detail: "这次报名的联系信息已按保存期限删除，不能再开具新的证明；已开具的证明仍可核验。" });
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const [rows, inForce, counted] = await db.batch([
      approvedServiceOf(db, asker.personKey),
      latestInForceOf(db, asker.personKey),
      certificateCountOf(db, asker.personKey),
    ]);
    const mine = rows.filter((r) => r.name === asker.name);
    if (mine.length === 0) {
      throw problem(409, {
        detail: "还没有经审核的志愿服务时长：参加活动并签到签退、组织单位审核时长后，才能开具证明。",
      });
    }
    const number = newNumber(now);
    const payload = buildPayload({
      number,
      issuedAt: now,
      volunteer: {
        name: asker.name,
        organisation: asker.organisation,
        volunteerNumber: asker.volunteerNumber ?? mine.findLast((r) => r.volunteerNumber)?.volunteerNumber ?? null,
      },
      services: mine.map((r) => ({
        startsAt: r.startsAt,
        title: r.title,
        communityName: communityById(r.communityId)?.name ?? r.communityId,
        minutes: r.minutes ?? 0,
      })),
    });
    const current = inForce[0];
    const currentPayload = current ? parsePayload(current.payload) : null;
    if (current && currentPayload && contentKey(currentPayload) === contentKey(payload)) {
      return { doc: certificateDoc(current), created: false };
    }
    const text = canonicalJson(payload);
    const [insert] = await batch.run(
      issueBatch({
        number,
        personKey: asker.personKey,
        checkCode: await checkCodeOf(key, number),
        payload: text,
        signature: await sign(key, text),
        issuedAt: now.toISOString(),
        signupId: asker.id,
        seenCount: counted[0]?.n ?? 0,
      }),
    );
    if (insert?.changes === 1) {
      const row = await certificateByNumber(db, number).get();
      if (row) return { doc: certificateDoc(row), created: true };
    }
    // Another request issued one in between: read again, and return it if it says the same.
  }
  throw problem(409, { detail: "证明正在开具，请稍后刷新页面查看。" });
}

const NOT_FOUND = "没有找到这份证明：请核对证明编号和校验码（均印在证明右上方）。";

/**
 * What a school sees: an unknown number and a wrong code are the same 404, so neither is learnt
 * without the other. `valid` says whether the stored text is what was signed for this number.
 */
export async function verifyCertificate(
  db: Db,
  key: CryptoKey,
  number: string,
  code: string,
): Promise<CertificateVerification> {
  const row = await certificateByNumber(db, number).get();
  if (!row || !sameCode(row.checkCode, code)) throw problem(404, { detail: NOT_FOUND });
  const payload = parsePayload(row.payload);
  const valid =
    payload?.number === row.number &&
    sameCode(await checkCodeOf(key, row.number), row.checkCode) &&
    (await verifySignature(key, row.payload, row.signature));
  const revoked = row.revokedAt !== null;
  return {
    number: row.number,
    valid,
    revoked,
    revokedAt: row.revokedAt,
    revokeReason: row.revokeReason,
    verdict: !valid
      ? "内容与签发时不一致，证明无效。"
      : revoked
        ? "此证明已被出具单位作废，不再有效。"
        : "证明有效：内容与出具时一致，未被作废。",
    payload,
  };
}
