import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { app } from "../../../functions/app";
import { clearAccessKeyCache } from "../../../functions/lib/staff/access";
import { makeStaff } from "./factories";

const TEAM = "https://qingxi.cloudflareaccess.com";
const AUD = "0123456789abcdef-test-aud";
const accessEnv = { ...env, ACCESS_AUD: AUD, ACCESS_TEAM_DOMAIN: TEAM };

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
const enc = (o: unknown) => b64url(new TextEncoder().encode(JSON.stringify(o)));

let keys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;
beforeAll(async () => {
  const params = {
    name: "RSASSA-PKCS1-v1_5",
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: "SHA-256",
  };
  keys = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
  otherKeys = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
});

/** Serves the team's public key at the certs URL, as Access does, and counts the fetches. */
async function publishKeys() {
  const jwk = { ...(await crypto.subtle.exportKey("jwk", keys.publicKey)), kid: "k1", alg: "RS256" };
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === `${TEAM}/cdn-cgi/access/certs`) return Response.json({ keys: [jwk] });
    throw new Error(`unexpected fetch ${url}`);
  });
}

async function token(claims: Record<string, unknown>, signer = keys.privateKey, kid = "k1") {
  const now = Math.floor(Date.now() / 1000);
  const body = `${enc({ alg: "RS256", kid, typ: "JWT" })}.${enc({ aud: [AUD], iss: TEAM, iat: now, exp: now + 600, ...claims })}`;
  const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", signer, new TextEncoder().encode(body));
  return `${body}.${b64url(new Uint8Array(sig))}`;
}

const me = (jwt: string) =>
  app.request("/api/staff/auth/me", { headers: { "cf-access-jwt-assertion": jwt } }, accessEnv);

afterEach(() => {
  vi.restoreAllMocks();
  clearAccessKeyCache();
});

describe("Cloudflare Access sign-in", () => {
  it("maps a valid token's email to its staff account, fetching the keys once", async () => {
    const fetchSpy = await publishKeys();
    const user = await makeStaff("dispatcher");
    const jwt = await token({ email: user.email.toUpperCase() });
    const res = await me(jwt);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: user.email, role: "dispatcher" });
    expect((await me(jwt)).status).toBe(200);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it("answers 403 for an email with no account, or a disabled one", async () => {
    await publishKeys();
    expect((await me(await token({ email: "stranger@qingxi.example" }))).status).toBe(403);
    const disabled = await makeStaff("viewer", { disabledAt: new Date().toISOString() });
    expect((await me(await token({ email: disabled.email }))).status).toBe(403);
  });

  it("refuses a token with a wrong signature, audience, issuer or an expired one with 401", async () => {
    await publishKeys();
    const user = await makeStaff("viewer");
    const past = Math.floor(Date.now() / 1000) - 3600;
    const bad = [
      await token({ email: user.email }, otherKeys.privateKey),
      await token({ email: user.email, aud: ["someone-else"] }),
      await token({ email: user.email, iss: "https://evil.cloudflareaccess.com" }),
      await token({ email: user.email, exp: past }),
      await token({ email: user.email }, keys.privateKey, "unknown-kid"),
      "not.a.jwt",
    ];
    for (const jwt of bad) expect((await me(jwt)).status, jwt.slice(0, 20)).toBe(401);
  });

  it("ignores the header where Access is not configured", async () => {
    const res = await app.request("/api/staff/auth/me", { headers: { "cf-access-jwt-assertion": "x.y.z" } }, env);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toBe("请先登录。");
  });
});
