import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../functions/app";

describe("GET /api/health", () => {
  it("answers ok after a real round trip to D1", async () => {
    const res = await exports.default.fetch("http://portal.test/api/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", db: "ok", version: env.APP_VERSION });
  });

  it("answers 503 problem+json when D1 fails, without the database's message", async () => {
    const brokenDb = {
      prepare() {
        throw new Error("D1_ERROR: no such table: app_meta (secret detail)");
      },
    } as unknown as D1Database;
    const res = await app.request("/api/health", {}, { ...env, DB: brokenDb });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = await res.text();
    expect(body).not.toContain("secret detail");
    expect(JSON.parse(body)).toMatchObject({ status: 503, title: "服务暂不可用" });
  });

  it("carries a request id and the API's security headers", async () => {
    const res = await exports.default.fetch("http://portal.test/api/health");
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=31536000");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
