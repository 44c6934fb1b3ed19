import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cloudflarePlatform } from "../../../functions/platform/cloudflare";
import { UNKNOWN_CLIENT } from "../../../functions/platform/ports";
import { platformContract } from "./contract";

// The Cloudflare ports over this test's bindings (wrangler.toml, as miniflare emulates them).
const requestFrom = (address?: string) =>
  new Request("http://localhost/api/health", { headers: address ? { "cf-connecting-ip": address } : {} });

platformContract(() => ({ platform: cloudflarePlatform(env), requestFrom }));

describe("the Cloudflare client address", () => {
  it("ignores X-Forwarded-For, which any client can send through Cloudflare's edge", () => {
    const forged = new Request("http://localhost/", { headers: { "x-forwarded-for": "198.51.100.1" } });
    expect(cloudflarePlatform(env).clientAddress(forged)).toBe(UNKNOWN_CLIENT);
  });
});
