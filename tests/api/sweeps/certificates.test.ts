import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  approvedServiceOf,
  certificateByNumber,
  latestCertificateOf,
  latestInForceOf,
} from "../../../functions/db/sweeps/certificates";
import worker from "../../../functions/index";
import { personKey } from "../../../functions/lib/person-key";
import { randomToken, sha256Hex } from "../../../functions/lib/tokens";
import { canonicalJson, formatCheckCode } from "../../../src/shared/sweeps/certificate";
import type { CertificateVerification, MyCertificate, StaffCertificateList } from "../../../src/shared/sweeps/wire";
import { db, expectIndexed, plan } from "../query-plan";
import { call, makeStaff, signIn } from "../staff/factories";
import { makeSweep, newIp, newPhone, ORIGIN } from "./factories";

const HOUR = 3_600_000;
let day = 0;

interface Service {
  minutes: number;
  approved?: boolean;
  attendance?: "attended" | "no_show";
  name?: string;
}

/**
 * A person with past sweeps written straight to D1 (the leader's check-out and the staff approval
 * have their own tests): each sweep a day after the one before, all in the past, the sign-up made before it began,
 * attended with the minutes given. Returns the manage secret of the last sign-up.
 */
async function volunteer(services: Service[], phone = newPhone(), name = "王小明") {
  const key = await personKey(env, "sweep", phone);
  let token = "";
  for (const s of services) {
    const sweep = await makeSweep({ inHours: -24 * (300 - ++day) });
    const at = new Date(Date.parse(sweep.startsAt) - 48 * HOUR).toISOString();
    token = randomToken(16);
    await env.DB.prepare(
      `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month,
         volunteer_number, status, attendance, minutes, checked_in_at, checked_out_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '青溪大学', '2001-05', 'V-2026-0001', 'confirmed', ?, ?, ?, ?, ?, ?)`,
    )
      .bind(
        sweep.id,
        await sha256Hex(token),
        key,
        s.name ?? name,
        phone,
        s.attendance ?? "attended",
        s.attendance === "no_show" ? null : s.minutes,
        sweep.startsAt,
        sweep.endsAt,
        at,
        at,
      )
      .run();
    if (s.approved ?? true) {
      await env.DB.prepare("UPDATE sweeps SET hours_approved_at = ? WHERE id = ?")
        .bind(new Date().toISOString(), sweep.id)
        .run();
    }
  }
  return { token, phone, personKey: key };
}

const request = (token: string, method = "GET") =>
  exports.default.fetch(`${ORIGIN}/api/sweeps/manage/certificate`, {
    method,
    headers: { "x-manage-token": token, "cf-connecting-ip": newIp() },
  });

async function issue(token: string) {
  const res = await request(token, "POST");
  const body = (await res.json()) as MyCertificate;
  if (!body.certificate) throw new Error(`no certificate: ${res.status} ${JSON.stringify(body)}`);
  return { status: res.status, cert: body.certificate };
}

const verify = (number: string, code: string, ip = newIp()) =>
  exports.default.fetch(
    `${ORIGIN}/api/sweeps/certificates/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`,
    {
      headers: { "cf-connecting-ip": ip },
    },
  );

/**
 * Rewrites a stored payload as someone with database access might. The frozen trigger of
 * migrations/0016 refuses exactly this, so the test drops it for the change (this test's own
 * database) and puts it back as the migration wrote it: what is tested is that verification still
 * catches a change that got past the database.
 */
async function tamper(number: string, change: (payload: Record<string, unknown>) => void) {
  const row = await env.DB.prepare("SELECT payload FROM sweep_certificates WHERE number = ?")
    .bind(number)
    .first<{ payload: string }>();
  const payload = JSON.parse(row?.payload ?? "{}");
  change(payload);
  await env.DB.prepare("DROP TRIGGER sweep_certificates_frozen").run();
  try {
    await env.DB.prepare("UPDATE sweep_certificates SET payload = ? WHERE number = ?")
      .bind(canonicalJson(payload), number)
      .run();
  } finally {
    await env.DB.prepare(
      `CREATE TRIGGER sweep_certificates_frozen BEFORE UPDATE OF number, person_key, check_code, payload,
         signature, issued_at, issued_by ON sweep_certificates
       BEGIN SELECT RAISE(ABORT, 'certificate_frozen'); END`,
    ).run();
  }
}

describe("a volunteer's certificate", () => {
  it("lists every attended sweep with approved hours, with the issuer, a number, a check code and a message", async () => {
    const v = await volunteer([
      { minutes: 150 },
      { minutes: 90 },
      { minutes: 120, approved: false },
      { minutes: 0, attendance: "no_show" },
    ]);
    const { status, cert } = await issue(v.token);
    expect(status).toBe(201);
    expect(cert.number).toMatch(/^QXZY-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(cert.checkCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(cert.verifyPath).toBe(`/volunteer/verify/#n=${cert.number}&c=${cert.checkCode}`);
    const p = cert.payload;
    expect(p.volunteer).toEqual({ name: "王小明", organisation: "青溪大学", volunteerNumber: "V-2026-0001" });
    expect(p.services.map((s) => s.hours)).toEqual([2.5, 1.5]);
    expect((p.services[0]?.date ?? "") < (p.services[1]?.date ?? "")).toBe(true);
    expect(p.services[0]).toMatchObject({ title: "周六清扫", communityName: expect.any(String) });
    expect(p).toMatchObject({ totalMinutes: 240, totalHours: 4, number: cert.number });
    expect(p.issuer.organisation).toContain("青溪区");
    expect(p.issuer.responsible && p.issuer.handler && p.issuer.contact).toBeTruthy();
    expect(p.remarks).toContain("路途时间不计入");
    // The stored text is the canonical JSON of what was returned: the signature covers exactly it.
    const row = await certificateByNumber(db, cert.number).get();
    expect(row?.payload).toBe(canonicalJson(p));
    const kinds = await env.DB.prepare(
      `SELECT m.kind FROM sweep_messages m JOIN sweep_signups s ON s.id = m.signup_id WHERE s.person_key = ?`,
    )
      .bind(v.personKey)
      .all<{ kind: string }>();
    expect(kinds.results.map((k) => k.kind)).toEqual(["certificate_ready"]);
    // GET answers the latest.
    const got = (await (await request(v.token)).json()) as MyCertificate;
    expect(got.certificate?.number).toBe(cert.number);
  });

  it("asked again with nothing changed returns the same certificate; approved hours since give a new one", async () => {
    const v = await volunteer([{ minutes: 60 }]);
    const first = await issue(v.token);
    const again = await issue(v.token);
    expect(again.status).toBe(200);
    expect(again.cert.number).toBe(first.cert.number);
    const count = async () =>
      (
        await env.DB.prepare("SELECT count(*) AS n FROM sweep_certificates WHERE person_key = ?")
          .bind(v.personKey)
          .first<{ n: number }>()
      )?.n;
    expect(await count()).toBe(1);
    const more = await volunteer([{ minutes: 30 }], v.phone);
    const next = await issue(more.token);
    expect(next.status).toBe(201);
    expect(next.cert.number).not.toBe(first.cert.number);
    expect(next.cert.payload.totalHours).toBe(1.5);
    expect(await count()).toBe(2);
  });

  it("two requests at once issue one certificate", async () => {
    const v = await volunteer([{ minutes: 60 }]);
    const results = await Promise.all([issue(v.token), issue(v.token), issue(v.token)]);
    expect(new Set(results.map((r) => r.cert.number)).size).toBe(1);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM sweep_certificates WHERE person_key = ?")
      .bind(v.personKey)
      .first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it("without approved hours there is nothing to certify: 409, nothing written", async () => {
    const v = await volunteer([
      { minutes: 90, approved: false },
      { minutes: 0, attendance: "no_show" },
    ]);
    const res = await request(v.token, "POST");
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(((await res.json()) as { detail: string }).detail).toContain("审核");
    expect(((await (await request(v.token)).json()) as MyCertificate).certificate).toBeNull();
    const n = await env.DB.prepare("SELECT count(*) AS n FROM sweep_certificates WHERE person_key = ?")
      .bind(v.personKey)
      .first<{ n: number }>();
    expect(n?.n).toBe(0);
  });

  it("lists only the sweeps under the asker's name when two people share a phone", async () => {
    const v = await volunteer([{ minutes: 60, name: "王小红" }, { minutes: 90 }]);
    const { cert } = await issue(v.token);
    expect(cert.payload.volunteer.name).toBe("王小明");
    expect(cert.payload.totalMinutes).toBe(90);
  });

  it("an unknown or malformed manage secret opens nothing", async () => {
    expect((await request(randomToken(16), "POST")).status).toBe(404);
    expect((await request("short")).status).toBe(422);
  });

  it("is refused (500, logged) when the signing key is missing or shorter than 32 bytes", async () => {
    const v = await volunteer([{ minutes: 60 }]);
    for (const SWEEP_SIGNING_KEY of [undefined, "too-short-key"]) {
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        new Request(`${ORIGIN}/api/sweeps/manage/certificate`, {
          method: "POST",
          headers: { "x-manage-token": v.token },
        }),
        { ...env, SWEEP_SIGNING_KEY },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(500);
    }
    expect(((await (await request(v.token)).json()) as MyCertificate).certificate).toBeNull();
  });
});

describe("verifying a certificate", () => {
  it("shows what it says and that it is valid, with the code as printed or typed loosely", async () => {
    const { cert } = await issue((await volunteer([{ minutes: 120 }])).token);
    for (const code of [cert.checkCode, formatCheckCode(cert.checkCode), cert.checkCode.toLowerCase()]) {
      const res = await verify(cert.number, code);
      expect(res.status).toBe(200);
      const body = (await res.json()) as CertificateVerification;
      expect(body).toMatchObject({ number: cert.number, valid: true, revoked: false, revokedAt: null });
      expect(body.verdict).toContain("有效");
      expect(body.payload).toEqual(cert.payload);
    }
  });

  it("an unknown number and a wrong code are the same 404", async () => {
    const { cert } = await issue((await volunteer([{ minutes: 60 }])).token);
    const wrongCode = cert.checkCode.startsWith("0") ? `1${cert.checkCode.slice(1)}` : `0${cert.checkCode.slice(1)}`;
    const unknown = `${cert.number.slice(0, -1)}${cert.number.endsWith("0") ? "1" : "0"}`;
    const a = await verify(cert.number, wrongCode);
    const b = await verify(unknown, cert.checkCode);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    const same = ({ instance: _i, requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(same(await a.json())).toEqual(same(await b.json()));
    expect((await verify("not-a-number", cert.checkCode)).status).toBe(422);
  });

  it("a changed name or hour no longer verifies, and says so plainly", async () => {
    for (const change of [
      (p: Record<string, unknown>) => {
        (p.volunteer as { name: string }).name = "李四";
      },
      (p: Record<string, unknown>) => {
        const [first] = p.services as { hours: number; minutes: number }[];
        if (first) Object.assign(first, { hours: 8, minutes: 480 });
        p.totalHours = 8;
      },
    ]) {
      const { cert } = await issue((await volunteer([{ minutes: 60 }])).token);
      await tamper(cert.number, change);
      const body = (await (await verify(cert.number, cert.checkCode)).json()) as CertificateVerification;
      expect(body.valid).toBe(false);
      expect(body.verdict).toBe("内容与签发时不一致，证明无效。");
    }
  });

  it("the database refuses to change a certificate's content", async () => {
    const { cert } = await issue((await volunteer([{ minutes: 60 }])).token);
    await expect(
      env.DB.prepare("UPDATE sweep_certificates SET payload = '{}' WHERE number = ?").bind(cert.number).run(),
    ).rejects.toThrow(/certificate_frozen/);
    await expect(
      env.DB.prepare("DELETE FROM sweep_certificates WHERE number = ?").bind(cert.number).run(),
    ).rejects.toThrow(/certificate_frozen/);
  });

  it("is throttled per client on a limiter key of its own", async () => {
    const { cert } = await issue((await volunteer([{ minutes: 60 }])).token);
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await verify(cert.number, cert.checkCode, ip)).status);
    expect(statuses).toContain(429);
    expect((await verify(cert.number, cert.checkCode)).status).toBe(200);
  });
});

describe("staff and certificates", () => {
  it("a coordinator finds a person's certificates and revokes one with a reason, audited; verification says so", async () => {
    const v = await volunteer([{ minutes: 60 }]);
    const { cert } = await issue(v.token);
    const cookie = await signIn((await makeStaff("volunteer_coordinator")).email);
    const list = await call(`/api/staff/sweeps/certificates?phone=${v.phone}`, { cookie });
    expect(list.status).toBe(200);
    const listed = ((await list.json()) as StaffCertificateList).certificates;
    expect(listed).toEqual([expect.objectContaining({ number: cert.number, name: "王小明", totalHours: 1 })]);

    const path = `/api/staff/sweeps/certificates/${cert.number}/revoke`;
    expect((await call(path, { method: "POST", cookie, body: { reason: "" } })).status).toBe(422);
    const res = await call(path, { method: "POST", cookie, body: { reason: "时长登记有误，已重新开具" } });
    expect(res.status).toBe(200);
    expect((await call(path, { method: "POST", cookie, body: { reason: "再次作废" } })).status).toBe(409);
    expect(
      (
        await call(`/api/staff/sweeps/certificates/QXZY-2026-00000000/revoke`, {
          method: "POST",
          cookie,
          body: { reason: "不存在" },
        })
      ).status,
    ).toBe(404);

    const body = (await (await verify(cert.number, cert.checkCode)).json()) as CertificateVerification;
    expect(body).toMatchObject({ valid: true, revoked: true, revokeReason: "时长登记有误，已重新开具" });
    expect(body.revokedAt).toBeTruthy();
    expect(body.verdict).toContain("作废");
    const audits = await env.DB.prepare("SELECT action, detail FROM audit_log WHERE target = ? ORDER BY id")
      .bind(cert.number)
      .all<{ action: string; detail: string }>();
    expect(audits.results).toEqual([
      { action: "sweep.certificate_revoked", detail: JSON.stringify({ reason: "时长登记有误，已重新开具" }) },
    ]);
    // The holder sees it revoked; asking again issues a new one in force.
    const mine = ((await (await request(v.token)).json()) as MyCertificate).certificate;
    expect(mine?.revokedAt).toBeTruthy();
    const fresh = await issue(v.token);
    expect(fresh.status).toBe(201);
    expect(fresh.cert.number).not.toBe(cert.number);
  });

  it("other roles may not revoke", async () => {
    const { cert } = await issue((await volunteer([{ minutes: 60 }])).token);
    const cookie = await signIn((await makeStaff("dispatcher")).email);
    const res = await call(`/api/staff/sweeps/certificates/${cert.number}/revoke`, {
      method: "POST",
      cookie,
      body: { reason: "无权作废" },
    });
    expect(res.status).toBe(403);
  });
});

describe("the certificate queries use indexes", () => {
  it("approved service, the latest certificate, the one in force, by number", async () => {
    expectIndexed(await plan(approvedServiceOf(db, "x")));
    expectIndexed(await plan(latestCertificateOf(db, "x")));
    expectIndexed(await plan(latestInForceOf(db, "x")));
    expectIndexed(await plan(certificateByNumber(db, "QXZY-2026-00000000")));
  });
});
