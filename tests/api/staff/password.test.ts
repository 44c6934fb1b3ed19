import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../../../functions/lib/staff/password";

describe("password hashing", () => {
  it("uses PBKDF2-SHA256 at 100,000 iterations, the most production Workers accept", async () => {
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(await hashPassword("a long passphrase")).toMatch(/^pbkdf2-sha256\$100000\$[\w+/]+=*\$[\w+/]+=*$/);
  });

  it("salts each hash, so one password gives two different hashes that both verify", async () => {
    const a = await hashPassword("same passphrase");
    const b = await hashPassword("same passphrase");
    expect(a).not.toBe(b);
    expect(await verifyPassword("same passphrase", a)).toBe(true);
    expect(await verifyPassword("same passphrase", b)).toBe(true);
    expect(await verifyPassword("same passphrasE", a)).toBe(false);
  });

  it("never matches a missing, malformed or over-costed hash", async () => {
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "plain")).toBe(false);
    const [, , salt, hash] = (await hashPassword("x")).split("$");
    expect(await verifyPassword("x", `pbkdf2-sha256$200000$${salt}$${hash}`)).toBe(false);
  });
});
