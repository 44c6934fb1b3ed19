// The seeded case the accessibility test opens as a case's public page: demo case 0, the one the
// README's demo tracking link opens (awaiting verification, so public). Its number follows the day
// the demo data was seeded, so it is read through that link.
import { inject } from "vitest";
import { demoTrackingToken } from "../../../scripts/seed/complaints.ts";
import { casePagePath } from "../../../src/shared/complaints/case-page.ts";

export async function demoCaseNumber(baseUrl = inject("baseUrl")): Promise<string> {
  const res = await fetch(`${baseUrl}/api/complaints/track`, {
    headers: { "x-tracking-token": demoTrackingToken(0) },
  });
  if (!res.ok) throw new Error(`demo case 0: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { caseNumber: string }).caseNumber;
}

export const demoCasePagePath = async () => casePagePath(await demoCaseNumber());
