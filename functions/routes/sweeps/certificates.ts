import { Hono } from "hono";
import * as v from "valibot";
import { CertificateNumberSchema, CheckCodeSchema } from "../../../src/shared/sweeps/certificate";
import { ManageTokenSchema } from "../../../src/shared/sweeps/schemas";
import type { CertificateVerification, MyCertificate } from "../../../src/shared/sweeps/wire";
import { latestCertificateOf } from "../../db/sweeps/certificates";
import { signupByManageHash } from "../../db/sweeps/index";
import type { AppEnv } from "../../env";
import { clientAddress } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { certificateDoc, issueCertificate, verifyCertificate } from "../../lib/sweeps/certificate";
import { signingKey } from "../../lib/sweeps/certificate-key";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { parse, validate } from "../../lib/validate";

/**
 * Certificates (志愿服务记录证明), mounted in /api/sweeps: the volunteer's own through the manage
 * link (`/manage/certificate`), and the public verification a school uses without an account.
 */
const certificates = new Hono<AppEnv>();

/** The sign-up the manage secret (header X-Manage-Token) opens; 404 as the manage page's. */
async function asker(c: { req: { header(n: string): string | undefined }; var: AppEnv["Variables"] }) {
  const token = parse(ManageTokenSchema, c.req.header("x-manage-token"), "/headers/x-manage-token");
  const found = await signupByManageHash(c.var.db, await sha256Hex(token)).get();
  if (!found) throw problem(404, { detail: "没有找到这次报名，请检查管理链接。" });
  return found.signup;
}

/** The person's latest certificate (revoked ones too: the page says so), or null before the first. */
certificates.get("/manage/certificate", async (c) => {
  c.header("cache-control", "no-store");
  const signup = await asker(c);
  const row = await latestCertificateOf(c.var.db, signup.personKey).get();
  return c.json<MyCertificate>({ certificate: row ? certificateDoc(row) : null });
});

/**
 * Issues the certificate (free, on request: 志愿服务条例 art. 19): 201 with a new one, 200 with the
 * one in force when nothing changed since, 409 before any approved hours.
 */
certificates.post("/manage/certificate", async (c) => {
  c.header("cache-control", "no-store");
  const signup = await asker(c);
  const key = await signingKey(c.env, c.var.requestId);
  const { doc, created } = await issueCertificate(c.var.db, c.var.platform.batch, key, signup);
  return c.json<MyCertificate>({ certificate: doc }, created ? 201 : 200);
});

const VerifyQuery = v.object({ code: CheckCodeSchema });

/**
 * Verification by number and check code (the QR printed on the certificate carries both). Every
 * lookup counts against the client on the tracking lookups' limiter, under a key of its own.
 */
certificates.get(
  "/certificates/:number",
  async (c, next) => {
    await throttle(c.var.platform.limiters.track, [`certificate:${clientAddress(c)}`]);
    await next();
  },
  validate("query", VerifyQuery),
  async (c) => {
    c.header("cache-control", "no-store");
    const number = parse(CertificateNumberSchema, c.req.param("number"), "/params/number");
    const key = await signingKey(c.env, c.var.requestId);
    return c.json<CertificateVerification>(await verifyCertificate(c.var.db, key, number, c.req.valid("query").code));
  },
);

export default certificates;
