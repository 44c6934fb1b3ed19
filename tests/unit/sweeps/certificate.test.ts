import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { checkCodeOf, sign, signingKey, verifySignature } from "../../../functions/lib/sweeps/certificate-key";
import {
  base32,
  buildPayload,
  CertificateNumberSchema,
  CheckCodeSchema,
  canonicalJson,
  contentKey,
  formatCheckCode,
  hoursOf,
  StaffCertificateQuerySchema,
  verifyPath,
} from "../../../src/shared/sweeps/certificate";
import { CERTIFICATE_ISSUER, HOURS_ROUNDING } from "../../../src/shared/sweeps/rules";

const KEY = "unit-test-signing-key-0123456789abcdef";
const key = () => signingKey({ SWEEP_SIGNING_KEY: KEY, LOG_LEVEL: "silent" });

const input = {
  number: "QXZY-2026-7K3M9P2Q",
  issuedAt: new Date("2026-11-30T17:00:00Z"), // 2026-12-01 in China
  volunteer: { name: "王小明", organisation: "青溪大学", volunteerNumber: null },
  services: [
    { startsAt: "2026-11-21T00:30:00Z", title: "临河社区周六清扫", communityName: "临河", minutes: 90 },
    { startsAt: "2026-11-14T00:30:00Z", title: "柳岸社区周六清扫", communityName: "柳岸", minutes: 150 },
  ],
};

describe("canonical JSON", () => {
  it("sorts keys at every level, keeps array order and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "文" } })).toBe(
      '{"a":{"c":"文","d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ a: null, b: undefined })).toBe('{"a":null}');
  });

  it("refuses what JSON cannot say the same way twice", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe("base32 and the codes people type", () => {
  it("encodes as Crockford's alphabet (RFC 4648's test vector, in that alphabet)", () => {
    expect(base32(new TextEncoder().encode("foobar"), 10)).toBe("CSQPYRK1E8");
    expect(() => base32(new Uint8Array(2), 8)).toThrow();
  });

  it("reads a number and a check code as typed from paper", () => {
    expect(v.parse(CertificateNumberSchema, " qxzy-2026-7k3m9p2q ")).toBe("QXZY-2026-7K3M9P2Q");
    expect(v.parse(CertificateNumberSchema, "QXZY-２０２６-7K3M9P2Q")).toBe("QXZY-2026-7K3M9P2Q");
    expect(v.is(CertificateNumberSchema, "QXZY-2026-7K3M9P2")).toBe(false);
    expect(v.is(CertificateNumberSchema, "ABCD-2026-7K3M9P2Q")).toBe(false);
    // O read as 0, I and L as 1; the printed dash and spaces dropped.
    expect(v.parse(CheckCodeSchema, "abcde-fghjo")).toBe("ABCDEFGHJ0");
    expect(v.parse(CheckCodeSchema, "ABCDE FGHIL".slice(0, 11))).toBe("ABCDEFGH11");
    expect(v.is(CheckCodeSchema, "ABCDEFGHJ")).toBe(false);
    expect(v.is(CheckCodeSchema, "ABCDEFGHJU")).toBe(false);
    expect(formatCheckCode("ABCDEFGHJK")).toBe("ABCDE-FGHJK");
    expect(verifyPath("QXZY-2026-7K3M9P2Q", "ABCDEFGHJK")).toBe("/volunteer/verify/#n=QXZY-2026-7K3M9P2Q&c=ABCDEFGHJK");
  });

  it("staff find certificates by phone or by number, one of the two", () => {
    expect(v.parse(StaffCertificateQuerySchema, { phone: "139 0000 1111" })).toEqual({ phone: "13900001111" });
    expect(v.is(StaffCertificateQuerySchema, {})).toBe(false);
    expect(v.is(StaffCertificateQuerySchema, { phone: "13900001111", number: "QXZY-2026-7K3M9P2Q" })).toBe(false);
  });
});

describe("the payload", () => {
  it("lists services oldest first with China-time days and hours, the total, the issuer and the remarks", () => {
    const p = buildPayload(input);
    expect(p.issuedOn).toBe("2026-12-01");
    expect(p.services.map((s) => [s.date, s.hours])).toEqual([
      ["2026-11-14", 2.5],
      ["2026-11-21", 1.5],
    ]);
    expect(p).toMatchObject({ totalMinutes: 240, totalHours: 4, number: input.number, version: 1 });
    expect(p.issuer).toEqual(CERTIFICATE_ISSUER);
    expect(p.remarks).toContain(`${HOURS_ROUNDING.unitMinutes} 分钟`);
    expect(hoursOf(20)).toBe(0.33);
  });

  it("two issues of the same service differ only in number and date", () => {
    const a = buildPayload(input);
    const b = buildPayload({ ...input, number: "QXZY-2027-00000000", issuedAt: new Date("2027-01-05T00:00:00Z") });
    expect(contentKey(a)).toBe(contentKey(b));
    const c = buildPayload({ ...input, services: input.services.slice(1) });
    expect(contentKey(c)).not.toBe(contentKey(a));
  });
});

describe("signature and check code", () => {
  it("a signature verifies its own text only", async () => {
    const k = await key();
    const text = canonicalJson(buildPayload(input));
    const sig = await sign(k, text);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifySignature(k, text, sig)).toBe(true);
    expect(await verifySignature(k, text.replace("王小明", "李小明"), sig)).toBe(false);
    expect(await verifySignature(k, text.replace('"minutes":150', '"minutes":450'), sig)).toBe(false);
    expect(await verifySignature(k, text, "zz")).toBe(false);
    const other = await signingKey({ SWEEP_SIGNING_KEY: `${KEY}-other`, LOG_LEVEL: "silent" });
    expect(await verifySignature(other, text, sig)).toBe(false);
  });

  it("the check code is 10 base32 characters of the key's HMAC of the number", async () => {
    const k = await key();
    const code = await checkCodeOf(k, input.number);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(await checkCodeOf(k, input.number)).toBe(code);
    expect(await checkCodeOf(k, "QXZY-2026-7K3M9P2R")).not.toBe(code);
  });

  it("a missing or short key is refused", async () => {
    await expect(signingKey({ LOG_LEVEL: "silent" })).rejects.toMatchObject({ status: 500 });
    await expect(signingKey({ SWEEP_SIGNING_KEY: "x".repeat(31), LOG_LEVEL: "silent" })).rejects.toMatchObject({
      status: 500,
    });
    await expect(signingKey({ SWEEP_SIGNING_KEY: "x".repeat(32), LOG_LEVEL: "silent" })).resolves.toBeTruthy();
  });
});
