import { env, exports } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { app } from "../../../functions/app";
import type { GroupSignupResult, GroupView, SignupResult } from "../../../src/shared/sweeps/wire";
import { snapshot } from "./all-or-nothing";
import { leaderLink } from "./day-factories";
import { makeSweep, newKey, newPhone, ORIGIN, signUp, signUpOk, validSignup } from "./factories";
import { type DayTargets, dayRequests } from "./fuzz-day";
import { type FuzzRequest, signupRequests } from "./fuzz-requests";

const RUNS = inject("fuzzRuns");
/** Requests sent at once per fast-check run. */
const BATCH = 10;
// 10,000 runs took 61 s on the two-core machine under load (load average 8.5): 2.5 times that, plus 30 s.
const TIMEOUT = 30_000 + RUNS * 15;

/**
 * The Worker with a limiter that always allows: a call to the local rate-limit binding costs about
 * 13 ms on the two-core machine, five times a refused sign-up's own work, and the fuzz is about
 * validation and writes, not the limiter (tests/api/platform has its contract). One request of
 * each batch still goes through the real Worker entry and its real limiter.
 */
const allow = { limit: async () => ({ success: true }) };
const allowing = { ...env, SWEEP_LIMITER: allow, TRACK_LIMITER: allow };

let ipSeq = 0;
/** A fresh client address per request: the sign-up limiter counts per address, and the fuzz must reach validation. */
const freshIp = () => {
  const n = ++ipSeq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** What the fuzz aims at: sweeps in every state, and a real secret of each kind to miss against. */
async function makeTargets(): Promise<DayTargets> {
  const full = await makeSweep({ capacity: 1, waitlistLimit: 1 });
  await signUpOk(full.id);
  await signUpOk(full.id);
  const open = (await makeSweep({ capacity: 50, minAge: 14 })).id;
  const real = await signUpOk(open);
  const minorAnswer = await signUp(
    open,
    validSignup({
      birthMonth: `${new Date().getUTCFullYear() - 16}-01`,
      guardianName: "王大明",
      guardianPhone: newPhone(),
    }),
  );
  const minor = (await minorAnswer.json()) as SignupResult;
  const groupAnswer = await exports.default.fetch(`${ORIGIN}/api/sweeps/${open}/groups`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": newKey(), "cf-connecting-ip": "192.0.2.1" },
    body: JSON.stringify({
      contactName: "李老师",
      contactPhone: newPhone(),
      organisation: "青溪中学 初二（3）班",
      size: 3,
      consent: true,
    }),
  });
  const group = (await groupAnswer.json()) as GroupSignupResult;
  const groupView = (await (
    await exports.default.fetch(`${ORIGIN}/api/sweeps/group`, { headers: { "x-group-token": group.groupToken } })
  ).json()) as GroupView;
  expect([minorAnswer.status, groupAnswer.status, minor.status]).toEqual([201, 201, "pending_consent"]);
  return {
    open,
    full: full.id,
    cancelled: (await makeSweep({ state: "cancelled" })).id,
    draft: (await makeSweep({ state: "draft" })).id,
    manageToken: real.manageToken,
    consentToken: (minor.consentPath ?? "").split("#t=")[1] ?? "",
    groupToken: group.groupToken,
    memberId: groupView.members[0]?.id ?? 0,
    leaderToken: await leaderLink(open),
  };
}

describe("fuzzing the public sweeps endpoints", () => {
  it(
    `answers ${RUNS} malformed requests with 4xx problems only, and writes nothing`,
    async () => {
      const targets = await makeTargets();
      const before = await snapshot();
      const statuses = new Map<number, number>();
      const send = async ({ path, init }: FuzzRequest, i: number) => {
        const request = new Request(`${ORIGIN}${path}`, {
          ...init,
          headers: { ...init.headers, "cf-connecting-ip": freshIp() },
        });
        const res = i === 0 ? await exports.default.fetch(request) : await app.fetch(request, allowing);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const type = res.headers.get("content-type") ?? "";
        const body = await res.text();
        if (res.status < 400 || res.status >= 500 || !type.includes("application/problem+json")) {
          throw new Error(`${init.method} ${path} → ${res.status} ${type} ${body.slice(0, 200)}`);
        }
      };
      // BATCH requests at a time: the Worker answers them concurrently, as it would real traffic.
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof({ weight: 2, arbitrary: signupRequests(targets) }, { weight: 1, arbitrary: dayRequests(targets) }),
            { minLength: BATCH, maxLength: BATCH },
          ),
          (batch) => Promise.all(batch.map(send)).then(() => undefined),
        ),
        { numRuns: Math.ceil(RUNS / BATCH), seed: 20261201 },
      );
      // Nothing written: every row of every sweeps table, and the audit log, as before.
      expect(await snapshot()).toEqual(before);
      expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(Math.ceil(RUNS / BATCH) * BATCH);
      // The fuzz reached validation, not only the router: 422s dominate.
      expect(statuses.get(422) ?? 0).toBeGreaterThan(RUNS / 3);
      expect(statuses.get(429) ?? 0).toBe(0);
    },
    TIMEOUT,
  );
});
