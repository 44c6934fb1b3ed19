import { describe, expect, it } from "vitest";
import { demoAccountsIn } from "../../scripts/lib/demo-guard.ts";
import { DEMO_ACCOUNTS } from "../../scripts/seed/staff.ts";

describe("the deploy guard against demo accounts", () => {
  it("reads the demo-account count from wrangler's JSON", () => {
    expect(demoAccountsIn('[{"results":[{"demo":0}],"success":true}]')).toBe(0);
    expect(demoAccountsIn('[{"results":[{"demo":6}],"success":true}]')).toBe(6);
  });

  it("refuses to guess when the output is not what it expects", () => {
    expect(() => demoAccountsIn('[{"results":[]}]')).toThrow(/unexpected/);
    expect(() => demoAccountsIn("not json")).toThrow();
  });

  it("knows every demo account by its demo domain, one per role", () => {
    expect(DEMO_ACCOUNTS.every((a) => a.email.endsWith("@demo.qingxi.example"))).toBe(true);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(DEMO_ACCOUNTS.length);
  });
});
