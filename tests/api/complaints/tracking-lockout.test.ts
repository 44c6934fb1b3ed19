import { exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../../functions/platform/ports";
import type { TrackingView } from "../../../src/shared/complaints/wire";
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

  it("lets the reporter in with the right phone after strangers used up the case's failures", async () => {
    const filed = await fileOk({ phone: PHONE, callbackWanted: true });
    const wrong: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++)
      wrong.push((await lookup(filed.caseNumber, `1390000${String(i).padStart(4, "0")}`)).status);
    expect(wrong.slice(0, LIMIT).every((s) => s === 404)).toBe(true);
    // Past the case's allowance a wrong guess is told to wait (429) rather than "no match".
    expect(wrong.slice(LIMIT)).toEqual([429, 429]);
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

  it("still limits one client to ten lookups a minute, right or wrong, with Retry-After", async () => {
    const filed = await fileOk({ phone: PHONE, callbackWanted: true });
    const ip = "2001:db8:7:ffff::1";
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++)
      statuses.push((await lookup(filed.caseNumber, i % 2 ? PHONE : "13900000000", ip)).status);
    expect(statuses).toEqual(Array.from({ length: LIMIT }, (_, i) => (i % 2 ? 200 : 404)));
    const over = await lookup(filed.caseNumber, PHONE, ip);
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("60");
  });
});
