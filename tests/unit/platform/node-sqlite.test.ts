import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { afterAll } from "vitest";
import { toQuery } from "../../../functions/db/batch";
import {
  type FileStore,
  type LimiterName,
  type Platform,
  RATE_LIMITS,
  type RateLimiter,
  UNKNOWN_CLIENT,
} from "../../../functions/platform/ports";
import { webhookSender } from "../../../functions/platform/sender";
import { platformContract } from "../../api/platform/contract";

// A sketch of the single in-country server's ports (Node's own SQLite, files on disk, counters in
// memory, the address a trusted reverse proxy appends to X-Forwarded-For). It is not shipped: it
// shows that the contract asks nothing only Cloudflare can give, so the real one can pass it too.

const dir = await mkdtemp(path.join(tmpdir(), "platform-contract-"));
const sqlite = new DatabaseSync(":memory:");
afterAll(async () => {
  sqlite.close();
  await rm(dir, { recursive: true, force: true });
});

const fileOf = (key: string) => path.join(dir, encodeURIComponent(key));
const files: FileStore = {
  async put(key, bytes, contentType) {
    await writeFile(fileOf(key), bytes);
    await writeFile(`${fileOf(key)}.type`, contentType);
  },
  async get(key) {
    const size = await stat(fileOf(key)).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) return null;
    const bytes = await readFile(fileOf(key));
    return { body: new Blob([bytes]).stream(), contentType: await readFile(`${fileOf(key)}.type`, "utf8"), size };
  },
  async delete(keys) {
    for (const key of keys)
      await rm(fileOf(key), { force: true }).then(() => rm(`${fileOf(key)}.type`, { force: true }));
  },
};

function fixedWindow({ limit, periodSeconds }: { limit: number; periodSeconds: number }): RateLimiter {
  const windows = new Map<string, { start: number; n: number }>();
  return {
    async limit(key) {
      const now = Date.now();
      const w = windows.get(key);
      const current = w && now - w.start < periodSeconds * 1000 ? w : { start: now, n: 0 };
      current.n++;
      windows.set(key, current);
      return { success: current.n <= limit };
    },
  };
}

const node: Platform = {
  files,
  limiters: Object.fromEntries(Object.entries(RATE_LIMITS).map(([name, rule]) => [name, fixedWindow(rule)])) as Record<
    LimiterName,
    RateLimiter
  >,
  // The webhook sender is plain fetch, so a Node server uses it as it is (off without a URL).
  sender: webhookSender({ url: process.env.SWEEP_SMS_WEBHOOK_URL, token: process.env.SWEEP_SMS_WEBHOOK_TOKEN }),
  batch: {
    async run(statements) {
      sqlite.exec("BEGIN");
      try {
        const results = statements.map((s) => {
          const q = toQuery(s);
          const stmt = sqlite.prepare(q.sql);
          const params = q.params.map((p) => (typeof p === "boolean" ? Number(p) : p)) as SQLInputValue[];
          const returnsRows = stmt.columns().length > 0;
          const rows = returnsRows ? stmt.all(...params) : [];
          if (!returnsRows) stmt.run(...params);
          const reads = /^\s*SELECT/i.test(q.sql);
          const changes = reads ? 0 : Number(sqlite.prepare("SELECT changes() AS n").get()?.n);
          return { rows: rows as Record<string, unknown>[], changes };
        });
        sqlite.exec("COMMIT");
        return results;
      } catch (err) {
        sqlite.exec("ROLLBACK");
        throw err;
      }
    },
  },
  // The proxy appends the address it saw; anything before it is what the client claimed.
  clientAddress: (request) => request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || UNKNOWN_CLIENT,
};

const requestFrom = (address?: string) =>
  new Request("http://localhost/", { headers: address ? { "x-forwarded-for": `192.0.2.66, ${address}` } : {} });

platformContract(() => ({ platform: node, requestFrom }));
