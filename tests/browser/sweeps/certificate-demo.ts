// The seeded volunteer with approved hours (scripts/seed/sweeps-past.ts, DEMO_VOLUNTEER) and their
// certificate, issued through the API (asking again returns the same one, so every file may ask).
import { inject } from "vitest";
import { DEMO_VOLUNTEER } from "../../../scripts/seed/sweeps-past";
import { certificatePath } from "../../../src/lib/sweeps/certificate-api";
import { MANAGE_PATH } from "../../../src/lib/sweeps/manage-link";
import type { CertificateDoc, MyCertificate } from "../../../src/shared/sweeps/wire";
import { freshClientAddress } from "../kit";

/** The demo volunteer's manage page and certificate page (the secret in the fragment). */
export const DEMO_VOLUNTEER_MANAGE_PATH = `${MANAGE_PATH}#t=${DEMO_VOLUNTEER.manageToken}`;
export const DEMO_CERTIFICATE_PATH = certificatePath(DEMO_VOLUNTEER.manageToken);

/** The demo volunteer's certificate in force: the one issued before, else a new one. */
export async function demoCertificate(baseUrl = inject("baseUrl")): Promise<CertificateDoc> {
  const res = await fetch(`${baseUrl}/api/sweeps/manage/certificate`, {
    method: "POST",
    headers: { "x-manage-token": DEMO_VOLUNTEER.manageToken, "cf-connecting-ip": freshClientAddress() },
  });
  const body = (await res.json()) as MyCertificate;
  if (!res.ok || !body.certificate) throw new Error(`certificate: ${res.status} ${JSON.stringify(body)}`);
  return body.certificate;
}
