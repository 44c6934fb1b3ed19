import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { NO_SHOW_RULE } from "../../../src/shared/sweeps/rules";
import type { SignupResult } from "../../../src/shared/sweeps/wire";
import { instrumentedDb } from "../instrumented-db";
import { moveSweep, pastNoShows } from "./day-factories";
import { makeSweep, newIp, newKey, newPhone, rowCounts, statuses, validSignup } from "./factories";

// A sign-up to a sweep this isolate has read before skips the read (functions/lib/sweeps/signup.ts):
// its batch writes only while the facts it decided on still hold. These tests change the sweep, or
// the person's record, behind the remembered copy and expect the answer a fresh read would give.

type E = typeof env;
type Problem = { status: number; detail?: string };

const signUpVia = (e: E, sweepId: string, body: unknown) =>
  app.request(
    `/api/sweeps/${sweepId}/signups`,
    {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": newKey(), "cf-connecting-ip": newIp() },
      body: JSON.stringify(body),
    },
    e,
  );

const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01`;

/** A staff edit as the console makes it: the version goes up by one. */
async function edit(sweepId: string, set: string, ...values: unknown[]) {
  await env.DB.prepare(`UPDATE sweeps SET ${set}, version = version + 1 WHERE id = ?`)
    .bind(...values, sweepId)
    .run();
}

/** A sweep read once by a sign-up, so the next sign-up finds it remembered. */
async function rememberedSweep(o: Parameters<typeof makeSweep>[0] = {}) {
  const s = await makeSweep(o);
  expect((await signUpVia(env, s.id, validSignup())).status).toBe(201);
  return s;
}

describe("a sign-up to a sweep read before", () => {
  it("is one round trip to D1, the write, and answers as the first did", async () => {
    const s = await rememberedSweep({ capacity: 2 });
    const probe = instrumentedDb();
    const res = await signUpVia(probe.env, s.id, validSignup());
    expect(res.status).toBe(201);
    expect(((await res.json()) as SignupResult).status).toBe("confirmed");
    expect(probe.stats).toMatchObject({ roundTrips: 1, writeBatches: 1 });
    const waiting = await signUpVia(env, s.id, validSignup());
    expect((await waiting.json()) as SignupResult).toMatchObject({ status: "waitlisted", position: 1 });
  });

  it("sees a raised minimum age at once: refused, nothing written", async () => {
    const s = await rememberedSweep({ minAge: 16 });
    await edit(s.id, "min_age = ?", 25);
    const before = await rowCounts();
    const res = await signUpVia(env, s.id, validSignup({ birthMonth: yearsAgo(20) }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).detail).toContain("年满 25 周岁");
    expect(await rowCounts()).toEqual(before);
  });

  it("does not trust a refusal decided on the remembered sweep: a lowered minimum age lets the person in", async () => {
    const s = await makeSweep({ minAge: 25 });
    expect((await signUpVia(env, s.id, validSignup({ birthMonth: yearsAgo(20) }))).status).toBe(422);
    await edit(s.id, "min_age = ?", 16);
    expect((await signUpVia(env, s.id, validSignup({ birthMonth: yearsAgo(20) }))).status).toBe(201);
  });

  it("sees a moved day: a person who is a minor on the new day is asked for a guardian", async () => {
    // Seventeen and a half today: an adult on the sweep's day in 400 days, a minor a month from now.
    const now = new Date();
    const born = new Date(Date.UTC(now.getUTCFullYear() - 18, now.getUTCMonth() + 6, 1));
    const birthMonth = `${born.getUTCFullYear()}-${String(born.getUTCMonth() + 1).padStart(2, "0")}`;
    const s = await rememberedSweep({ minAge: 14, inHours: 24 * 400 });
    expect((await signUpVia(env, s.id, validSignup({ birthMonth }))).status).toBe(201);
    await moveSweep(s.id, 24 * 30, 24 * 30 + 3);
    const moved = await signUpVia(env, s.id, validSignup({ birthMonth }));
    expect(moved.status).toBe(422);
    expect(((await moved.json()) as Problem).detail).toContain("监护人");
  });

  it("sees a sweep made a draft again as missing, and a cancelled one as closed", async () => {
    const draft = await rememberedSweep();
    await edit(draft.id, "state = ?", "draft");
    expect((await signUpVia(env, draft.id, validSignup())).status).toBe(404);
    const cancelled = await rememberedSweep();
    await edit(cancelled.id, "state = ?", "cancelled");
    expect((await signUpVia(env, cancelled.id, validSignup())).status).toBe(409);
    expect(await statuses(cancelled.id)).toHaveLength(1);
  });

  it("refuses a person with repeated no-shows, quoting the rule, and writes nothing", async () => {
    const s = await rememberedSweep();
    const phone = newPhone();
    await pastNoShows(phone, NO_SHOW_RULE.limit);
    const before = await rowCounts();
    const res = await signUpVia(env, s.id, validSignup({ phone }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).detail).toContain(`${NO_SHOW_RULE.limit} 次`);
    expect(await rowCounts()).toEqual(before);
  });

  it("goes through after an edit that changes nothing it decides on (the version alone)", async () => {
    const s = await rememberedSweep();
    await edit(s.id, "title = ?", "周日清扫");
    expect((await signUpVia(env, s.id, validSignup())).status).toBe(201);
    expect(await statuses(s.id)).toHaveLength(2);
  });
});
