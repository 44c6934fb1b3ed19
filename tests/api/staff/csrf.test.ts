import { describe, expect, it } from "vitest";
import { call, makeStaff, signIn } from "./factories";

describe("CSRF defence of the staff API", () => {
  it("refuses a state-changing request from another site, even with a valid session", async () => {
    const user = await makeStaff("viewer");
    const cookie = await signIn(user.email);
    const cross = await call("/api/staff/auth/logout", {
      method: "POST",
      body: {},
      cookie,
      headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    expect((await call("/api/staff/auth/me", { cookie })).status).toBe(200);
  });

  it("falls back to Origin when Sec-Fetch-Site is missing, and refuses when both are", async () => {
    const user = await makeStaff("viewer");
    const cookie = await signIn(user.email);
    const wrongOrigin = await call("/api/staff/auth/logout", {
      method: "POST",
      body: {},
      cookie,
      headers: { "sec-fetch-site": "", origin: "https://evil.example" },
    });
    expect(wrongOrigin.status).toBe(403);
    const neither = await call("/api/staff/auth/logout", {
      method: "POST",
      body: {},
      cookie,
      headers: { "sec-fetch-site": "", origin: "" },
    });
    expect(neither.status).toBe(403);
  });

  it("accepts only JSON bodies for writes (a plain form gets 415)", async () => {
    const user = await makeStaff("viewer");
    const res = await call("/api/staff/auth/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: undefined,
    });
    expect(res.status).toBe(415);
    const form = await call("/api/staff/auth/login", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: { email: user.email },
    });
    expect(form.status).toBe(415);
  });
});
