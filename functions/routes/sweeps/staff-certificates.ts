import { Hono } from "hono";
import {
  CertificateNumberSchema,
  RevokeCertificateSchema,
  StaffCertificateQuerySchema,
} from "../../../src/shared/sweeps/certificate";
import type { RevokedCertificate, StaffCertificateList } from "../../../src/shared/sweeps/wire";
import { type CertificateRow, certificateByNumber, certificatesOf, revokeBatch } from "../../db/sweeps/certificates";
import type { AppEnv } from "../../env";
import { audit, clientAddress } from "../../lib/audit-context";
import { personKey } from "../../lib/person-key";
import { problem } from "../../lib/problem";
import { certificateDoc } from "../../lib/sweeps/certificate";
import { parse, validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/** Certificates for staff, mounted at /api/staff/sweeps/certificates: find a person's, revoke one. */
const certificates = new Hono<AppEnv>();

const listed = (row: CertificateRow): StaffCertificateList["certificates"][number] => {
  const { payload } = certificateDoc(row);
  return {
    number: row.number,
    name: payload.volunteer.name,
    totalHours: payload.totalHours,
    issuedAt: row.issuedAt,
    revokedAt: row.revokedAt,
    revokeReason: row.revokeReason,
  };
};

/** A person's certificates by the phone they signed up with, or one by its number. Audited (it names a person). */
certificates.get("/", validate("query", StaffCertificateQuerySchema), async (c) => {
  const { phone, number } = c.req.valid("query");
  const query = phone
    ? certificatesOf(c.var.db, await personKey(c.env, "sweep", phone)).all()
    : certificateByNumber(c.var.db, number ?? "").all();
  const [, rows] = await Promise.all([
    c.var.platform.batch.run([audit(c, "sweep.certificates_viewed", number ?? null, { byPhone: Boolean(phone) })]),
    query,
  ]);
  return c.json<StaffCertificateList>({ certificates: rows.map(listed) });
});

/**
 * Revokes a certificate with a reason that verification then shows; its content stays as issued
 * (the database refuses any other change). The revocation and its audit row are one batch.
 */
certificates.post("/:number/revoke", validate("json", RevokeCertificateSchema), async (c) => {
  const staff = currentStaff(c);
  const number = parse(CertificateNumberSchema, c.req.param("number"), "/params/number");
  const { reason } = c.req.valid("json");
  const at = new Date().toISOString();
  const [update] = await c.var.platform.batch.run(
    revokeBatch({
      number,
      at,
      reason,
      staff: { id: staff.id, email: staff.email },
      clientIp: clientAddress(c),
      requestId: c.var.requestId,
    }),
  );
  if (update?.changes !== 1) {
    const found = await certificateByNumber(c.var.db, number).get();
    if (!found) throw problem(404, { detail: "没有找到这份证明。" });
    throw problem(409, { detail: "这份证明已经作废。" });
  }
  return c.json<RevokedCertificate>({ number, revokedAt: at, revokeReason: reason });
});

export default certificates;
