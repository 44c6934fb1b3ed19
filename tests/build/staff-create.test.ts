import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlineEnv } from "../../scripts/lib/env.ts";
import { migrateLocal } from "../../scripts/lib/wrangler.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "staff-create-"));
  await migrateLocal(dir, { quiet: true });
  // `wrangler d1 migrations apply` took 45 s on the two-core machine under load.
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  spawnSync("node_modules/.bin/node", ["scripts/staff-create.ts", ...args, "--persist-to", dir], {
    env: offlineEnv({ NO_COLOR: "1" }),
    encoding: "utf8",
    // Each run starts wrangler against the local D1: up to 45 s on the two-core machine under load.
    timeout: 240_000,
  });

function query(sql: string): Record<string, unknown>[] {
  const res = spawnSync(
    "node_modules/.bin/wrangler",
    ["d1", "execute", "DB", "--local", "--persist-to", dir, "--json", "--command", sql],
    {
      env: offlineEnv(),
      encoding: "utf8",
      timeout: 240_000,
    },
  );
  const out = res.stdout;
  return (JSON.parse(out.slice(out.indexOf("["))) as { results: Record<string, unknown>[] }[])[0]?.results ?? [];
}

describe("npm run staff:create", () => {
  it("creates an account that must change its one-time password, with its audit row", () => {
    const res = cli("--email", "First.Admin@Bureau.example", "--role", "admin");
    expect(res.status, res.stderr).toBe(0);
    const password = /One-time password[^:]*: (\S+)/.exec(res.stdout)?.[1] ?? "";
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const [account] = query("SELECT email, role, must_change_password, password_hash FROM staff_users");
    expect(account).toMatchObject({ email: "first.admin@bureau.example", role: "admin", must_change_password: 1 });
    expect(String(account?.password_hash)).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(String(account?.password_hash)).not.toContain(password);
    expect(query("SELECT action, target FROM audit_log")).toEqual([
      { action: "staff.created", target: "first.admin@bureau.example" },
    ]);
    // 32 s on the two-core machine under load (a wrangler start per call): about nine times that.
  }, 300_000);

  it("refuses bad input, a second account for the same email, and a unit-bound role without a unit", () => {
    expect(cli("--email", "not-an-email", "--role", "admin").status).toBe(2);
    expect(cli("--email", "x@bureau.example", "--role", "boss").status).toBe(2);
    const again = cli("--email", "first.admin@bureau.example", "--role", "viewer");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already has an account");
    const noUnit = cli("--email", "h@bureau.example", "--role", "unit_handler");
    expect(noUnit.status).toBe(1);
    expect(noUnit.stderr).toContain("needs --unit");
    expect(query("SELECT count(*) AS n FROM staff_users")).toEqual([{ n: 1 }]);
    // 44 s on the two-core machine under load: about seven times that.
  }, 300_000);
});
