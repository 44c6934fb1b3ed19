// The certificate pages' calls (志愿服务记录证明): the volunteer's own through the manage secret (a
// header, never a URL), and the public verification by number and check code.
import type { CertificateVerification, MyCertificate } from "../../shared/sweeps/wire";
import { request } from "../kit/request";

const tokenHeader = (token: string) => ({ "x-manage-token": token });

/** The person's latest certificate, or `certificate: null` before the first. */
export const myCertificate = (token: string) =>
  request<MyCertificate>("/api/sweeps/manage/certificate", { headers: tokenHeader(token) });

/** Issues one (or returns the one in force when nothing changed since). */
export const requestCertificate = (token: string) =>
  request<MyCertificate>("/api/sweeps/manage/certificate", { method: "POST", headers: tokenHeader(token) });

export const verifyCertificate = (number: string, code: string) =>
  request<CertificateVerification>(
    `/api/sweeps/certificates/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`,
  );

/** The certificate page, opened with the manage secret in its fragment as the manage page is. */
export const certificatePath = (token: string) => `/volunteer/certificate/#t=${encodeURIComponent(token)}`;

/** The number and check code a QR code's link carries in its fragment ("#n=…&c=…"). */
export function numberAndCodeOfHash(hash: string): { number: string; code: string } {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  return { number: q.get("n")?.trim() ?? "", code: q.get("c")?.trim() ?? "" };
}
