// The certificate (志愿服务记录证明) as data: its payload, the canonical JSON the Worker signs, and
// the number and check code people type from a printout. Pure (no crypto, no content files), so the
// Worker, the pages and the unit tests share one definition; signing is functions/lib/sweeps/.
import * as v from "valibot";
import { MOBILE } from "../complaints/filing-schema.ts";
import { PlainLine } from "../text.ts";
import { chinaDay } from "../time.ts";
import { CERTIFICATE_ISSUER, CERTIFICATE_PREFIX, CERTIFICATE_REMARKS } from "./rules.ts";
import { normalisePhone } from "./schemas.ts";
import type { CertificatePayload, CertificateService } from "./wire.ts";

/**
 * Crockford's base32: digits and capitals without I, L, O and U, so a code read off paper is not
 * mistyped (0/O and 1/I/L are the same symbol when typed back, see `normaliseCode`).
 */
export const BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Characters of the random part of a number (40 bits) and of a check code (50 bits). */
export const NUMBER_RANDOM_CHARS = 8;
export const CHECK_CODE_CHARS = 10;

/** Bytes as base32 (most significant bit first), the first `chars` characters. */
export function base32(bytes: Uint8Array, chars: number): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  // The last bits, padded with zeros (RFC 4648 §6).
  if (bits > 0 && out.length < chars) out += BASE32[(buffer << (5 - bits)) & 31];
  if (out.length < chars) throw new Error(`${bytes.length} bytes give fewer than ${chars} base32 characters`);
  return out;
}

/**
 * A number or code as people type it from paper: full-width letters and digits as ASCII, capitals,
 * spaces dropped, and the letters base32 leaves out read as the digits they look like.
 */
export function normaliseCode(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toUpperCase()
    .replace(/[\s\u3000]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

const NUMBER_RE = new RegExp(`^${CERTIFICATE_PREFIX}-\\d{4}-[${BASE32}]{${NUMBER_RANDOM_CHARS}}$`);
const CODE_RE = new RegExp(`^[${BASE32}]{${CHECK_CODE_CHARS}}$`);

/** A certificate number, "QXZY-2026-7K3M9P2Q", as typed (the prefix's letters are kept as they are). */
export const CertificateNumberSchema = v.pipe(
  v.string("请填写证明编号"),
  v.transform((s) => {
    const [prefix = "", ...rest] = s.trim().toUpperCase().split("-");
    return [prefix.replace(/\s/g, ""), ...rest.map(normaliseCode)].join("-");
  }),
  v.regex(
    NUMBER_RE,
    `证明编号格式为 ${CERTIFICATE_PREFIX}-年份-8 位字母数字，例如 ${CERTIFICATE_PREFIX}-2026-7K3M9P2Q`,
  ),
);

/** A check code as printed ("ABCDE-FGHJK") or typed without the dash. */
export const CheckCodeSchema = v.pipe(
  v.string("请填写校验码"),
  v.transform((s) => normaliseCode(s).replace(/-/g, "")),
  v.regex(CODE_RE, `校验码为 ${CHECK_CODE_CHARS} 位字母或数字`),
);

/** The check code as printed: two groups of five, easier to read aloud and to type. */
export const formatCheckCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A certificate number from its year and random part. */
export const certificateNumber = (year: string, random: string) => `${CERTIFICATE_PREFIX}-${year}-${random}`;

/** Where a certificate is verified: the number and code in the fragment, so they reach no server log. */
export const verifyPath = (number: string, code: string) =>
  `/volunteer/verify/#n=${encodeURIComponent(number)}&c=${encodeURIComponent(code)}`;

/**
 * JSON with object keys sorted at every level and no whitespace: the same data always gives the
 * same bytes, so the signature taken over it can be checked again from the stored text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("not a finite number");
    if (value === undefined) throw new Error("undefined has no JSON form");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Minutes as hours with at most two decimals (30 minutes are 0.5 hours). */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** One attended sweep with approved minutes, as the certificate query returns it. */
export interface ServiceRow {
  startsAt: string;
  title: string;
  communityName: string;
  minutes: number;
}

export interface PayloadInput {
  number: string;
  issuedAt: Date;
  volunteer: { name: string; organisation: string; volunteerNumber: string | null };
  services: readonly ServiceRow[];
}

/** What a certificate says, frozen at issue: services oldest first, hours per sweep and in total. */
export function buildPayload(input: PayloadInput): CertificatePayload {
  const services: CertificateService[] = [...input.services]
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
    .map((s) => ({
      date: chinaDay(new Date(s.startsAt)),
      title: s.title,
      communityName: s.communityName,
      minutes: s.minutes,
      hours: hoursOf(s.minutes),
    }));
  const totalMinutes = services.reduce((sum, s) => sum + s.minutes, 0);
  return {
    version: 1,
    number: input.number,
    issuedOn: chinaDay(input.issuedAt),
    volunteer: { ...input.volunteer },
    services,
    totalMinutes,
    totalHours: hoursOf(totalMinutes),
    issuer: { ...CERTIFICATE_ISSUER },
    remarks: CERTIFICATE_REMARKS,
  };
}

/** The payload without what differs between two issues of the same content (number and date). */
export function contentKey(payload: CertificatePayload): string {
  const { number: _n, issuedOn: _d, ...content } = payload;
  return canonicalJson(content);
}

/** The service the certificate opens with, as one sentence (the print and the verify page say it alike). */
export function certificateStatement(p: CertificatePayload): string {
  const org = p.volunteer.organisation ? `（${p.volunteer.organisation}）` : "";
  return `兹证明 ${p.volunteer.name}${org}参加青溪区志愿清扫活动 ${p.services.length} 次，经审核累计志愿服务时长 ${p.totalHours} 小时。`;
}

/** POST /api/staff/sweeps/certificates/:number/revoke: the reason, shown to whoever verifies it. */
export const RevokeCertificateSchema = v.object({
  reason: v.pipe(
    v.string("请填写作废原因"),
    PlainLine,
    v.trim(),
    v.minLength(2, "请填写作废原因"),
    v.maxLength(200, "作废原因不超过 200 个字"),
  ),
});

/** GET /api/staff/sweeps/certificates?phone=… or ?number=…: one of the two. */
export const StaffCertificateQuerySchema = v.pipe(
  v.object({
    phone: v.optional(v.pipe(v.string(), v.transform(normalisePhone), v.regex(MOBILE, "请填写 11 位手机号码"))),
    number: v.optional(CertificateNumberSchema),
  }),
  v.check((q) => Boolean(q.phone) !== Boolean(q.number), "请填写手机号或证明编号（二选一）"),
);
