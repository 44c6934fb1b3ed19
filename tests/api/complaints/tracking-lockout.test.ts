import { exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../../functions/platform/ports";
import type { TrackingView } from "../../../src/shared/complaints/wire";
import { freshLimiterWindow } from "../limiter-window";
import { fileOk, ORIGIN, syncUnits } from "./factories";

// The lookup by case number and phone is throttled per client (every lookup) and per case (failed
// lookups only). A stranger's wrong guesses must not lock the reporter out of their own case.

const PHONE = "13912345678";
const LIMIT = RATE_LIMITS.track.limit;
let clients = 0;
/** A new client address per caller unless one is given: a stranger with many addresses. */
const lookup = (caseNumber: string, phone: string, ip = `2001:db8:7::${(++clients).toString(16)}`) =>
  exports.default.fetch(`${ORIGIN}/api/complaints/track/lookup`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify({ caseNumber, phone }),
  });

describe("the tracking lookup's limits", () => {
  beforeEach(syncUnits);

  it("lets the reporter in with the right phone after strangers used up the case's failures", {
    timeout: 60_000,
  }, async () => {
    // Up to 20 s waiting for a fresh window, then the requests.
    await freshLimiterWindow();
    const filed = await fileOk({ phone: PHONE, callbackWanted: true });
    // All at once, so the guesses cannot straddle two of the limiter's minutes.
    const wrong = await Promise.all(
      Array.from({ length: LIMIT + 2 }, (_, i) => lookup(filed.caseNumber, `1390000${String(i).padStart(4, "0")}`)),
    );
    // Past the case's allowance a wrong guess is told to wait (429) rather than "no match".
    expect(wrong.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array(LIMIT).fill(404), 429, 429]);
    const right = await lookup(filed.caseNumber, PHONE);
    expect(right.status).toBe(200);
    expect(((await right.json()) as TrackingView).caseNumber).toBe(filed.caseNumber);
  });

  it("counts only failed lookups against the case", async () => {
    const filed = await fileOk({ phone: PHONE, callbackWanted: true });
    for (let i = 0; i < LIMIT + 3; i++) expect((await lookup(filed.caseNumber, PHONE)).status).toBe(200);
    // Thirteen successful lookups later the case still has all its failures to give.
    expect((await lookup(filed.caseNumber, "13900000000")).status).toBe(404);
  });

  it("still limits one client to ten lookups a minute, right or wrong, with Retry-After", {
    timeout: 60_000,
  }, async () => {
    // Up to 20 s waiting for a fresh window, then the requests.
    await freshLimiterWindow();
    const filed = await fileOk({ phone: PHONE, callbackWanted: true });
    const ip = "2001:db8:7:ffff::1";
    // Half of them right, all at once (one of the limiter's minutes): one of the eleven is refused.
    const answers = await Promise.all(
      Array.from({ length: LIMIT + 1 }, (_, i) => lookup(filed.caseNumber, i % 2 ? PHONE : "13900000000", ip)),
    );
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.headers.get("retry-after")).toBe("60");
    expect(answers.every((r) => [200, 404, 429].includes(r.status))).toBe(true);
  });
});
