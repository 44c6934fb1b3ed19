// `npm run staff:create -- --email a@b.example --role admin [--unit linhe-squad] [--name 张三] [--remote]`
// Creates a staff account on the local D1 (or, with --remote, on Cloudflare's) and prints a one-time
// password, to be changed at first sign-in. The first admin of a deployment is made this way.
import { parseArgs } from "node:util";
import * as v from "valibot";
import { hashPassword } from "../functions/lib/staff/password.ts";
import { randomToken } from "../functions/lib/tokens.ts";
import type { AuditAction } from "../src/shared/staff/audit-actions.ts";
import { CreateAccountSchema } from "../src/shared/staff/schemas.ts";
import { run } from "./lib/run.ts";
import { sqlString } from "./seed/sql.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    unit: { type: "string" },
    name: { type: "string" },
    remote: { type: "boolean", default: false },
    "persist-to": { type: "string", default: ".wrangler/state" },
  },
});

const parsed = v.safeParse(CreateAccountSchema, {
  email: values.email,
  role: values.role,
  unitId: values.unit ?? null,
  displayName: values.name ?? values.email?.split("@")[0],
});
if (!parsed.success) {
  for (const issue of parsed.issues) console.error(`--${v.getDotPath(issue) ?? "?"}: ${issue.message}`);
  console.error("usage: npm run staff:create -- --email a@b.example --role admin [--unit ID] [--name 姓名] [--remote]");
  process.exit(2);
}
const account = parsed.output;
const oneTimePassword = randomToken(12);
const hash = await hashPassword(oneTimePassword);

// One INSERT … SELECT pair in one command: the account and its audit row land together.
const action: AuditAction = "staff.created";
const sql = [
  `INSERT INTO staff_users (email, display_name, role, unit_id, password_hash, must_change_password) VALUES (${sqlString(account.email)}, ${sqlString(account.displayName)}, ${sqlString(account.role)}, ${account.unitId ? sqlString(account.unitId) : "NULL"}, ${sqlString(hash)}, 1)`,
  `INSERT INTO audit_log (actor_email, action, target, detail) VALUES ('cli:staff:create', ${sqlString(action)}, ${sqlString(account.email)}, ${sqlString(JSON.stringify({ role: account.role, unitId: account.unitId ?? null }))})`,
].join("; ");
const where = values.remote ? ["--remote"] : ["--local", "--persist-to", values["persist-to"] ?? ".wrangler/state"];
try {
  await run("node_modules/.bin/wrangler", ["d1", "execute", "DB", ...where, "--command", sql, "--yes"], {
    quiet: true,
  });
} catch (err) {
  const msg = String((err as Error).message);
  if (msg.includes("UNIQUE")) console.error(`${account.email} already has an account.`);
  else if (msg.includes("staff_users_unit_ck")) console.error(`role ${account.role} needs --unit.`);
  else if (msg.includes("FOREIGN KEY")) console.error(`unit ${account.unitId} does not exist.`);
  else console.error(msg);
  process.exit(1);
}
console.log(`Created ${account.role} ${account.email}${values.remote ? " on Cloudflare D1" : " on the local D1"}.`);
console.log(`One-time password (shown once; it must be changed at first sign-in): ${oneTimePassword}`);
