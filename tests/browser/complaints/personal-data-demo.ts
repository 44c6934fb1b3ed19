// A seeded case whose reporter left a name and phone, opened by its tracking link: the state of the
// tracking page that lists the personal data and offers the delete button, for the accessibility
// test. The demo reporters are fictional (scripts/seed/complaints.ts).
import { inject } from "vitest";
import { demoTrackingToken } from "../../../scripts/seed/complaints.ts";
import type { TrackingView } from "../../../src/shared/complaints/wire";

export async function demoTrackingPathWithContact(baseUrl = inject("baseUrl")): Promise<string> {
  for (let i = 0; i < 60; i++) {
    const token = demoTrackingToken(i);
    const res = await fetch(`${baseUrl}/api/complaints/track`, { headers: { "x-tracking-token": token } });
    if (!res.ok) continue;
    const view = (await res.json()) as TrackingView;
    if (view.personalData?.name && view.personalData.phone) return `/complaints/track/#t=${token}`;
  }
  throw new Error("no demo case among the first 60 keeps a name and phone");
}
