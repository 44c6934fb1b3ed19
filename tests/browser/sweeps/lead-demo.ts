// A sweep on the day for the leader's page: planned by the demo coordinator through the staff API to
// start in half an hour (check-in opens an hour before), one adult signed up, and a leader link.
import { inject } from "vitest";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import { COMMUNITIES } from "../../../src/shared/geo";
import type { CreatedSweeps, LeaderLink, SignupResult } from "../../../src/shared/sweeps/wire";
import { chinaDay } from "../../../src/shared/time";
import { freshClientAddress } from "../kit";
import { manageView, signUpResult } from "./demo";
import { COORDINATOR } from "./staff-demo";

/** "HH:MM" in China time. */
const chinaTime = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false })
    .format(at)
    .replace(/^24/, "00");

export async function staffCookie(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/staff/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "cf-connecting-ip": freshClientAddress() },
    body: JSON.stringify({ email: COORDINATOR, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`coordinator sign-in: ${res.status} ${await res.text()}`);
  return (res.headers.getSetCookie().find((c) => c.startsWith("__Host-staff_session=")) ?? "").split(";")[0] ?? "";
}

export async function staffPost<T>(baseUrl: string, cookie: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie, "cf-connecting-ip": freshClientAddress() },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface LeaderDemo {
  sweepId: string;
  leaderPath: string;
  signup: SignupResult;
  /** The code the signed-up person's manage page shows. */
  code: string;
}

/** A sweep starting in about 30 minutes (ending by 23:59 China time), one sign-up and its leader link. */
export async function leaderDemo(baseUrl = inject("baseUrl")): Promise<LeaderDemo> {
  const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 300_000) * 300_000);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  const startTime = chinaTime(start);
  const endTime = chinaDay(end) === chinaDay(start) ? chinaTime(end) : "23:59";
  const cookie = await staffCookie(baseUrl);
  const community = COMMUNITIES[COMMUNITIES.length - 1];
  const { sweeps } = await staffPost<CreatedSweeps>(baseUrl, cookie, "/api/staff/sweeps", {
    title: "今日志愿清扫",
    firstDay: chinaDay(start),
    weeks: 1,
    startTime,
    endTime,
    places: [{ communityId: community?.id, meetingPoint: "社区工作站门口", lat: 30.28, lng: 120.19 }],
    capacity: 6,
    waitlistLimit: 0,
    minAge: 16,
    guardianPresentBelow: null,
    organiser: "临河中队 · 青溪区团委",
    leaderContact: "李队长 0571-8888 0000",
    whatToBring: "手套",
    insuranceRef: "PICC-2026-DAY",
    cancelCutoffHours: 0,
    open: true,
  });
  const sweepId = sweeps[0]?.id ?? "";
  const link = await staffPost<LeaderLink>(baseUrl, cookie, `/api/staff/sweeps/${sweepId}/leader-link`, {});
  const signup = await signUpResult(sweepId, baseUrl);
  const view = await manageView(signup.manageToken, baseUrl);
  return { sweepId, leaderPath: link.leaderPath, signup, code: view.day.checkinCode ?? "" };
}
