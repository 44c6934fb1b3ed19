import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Platform, RATE_LIMITS, UNKNOWN_CLIENT } from "../../../functions/platform/ports";

/** One implementation of the ports as the suite drives it. */
export interface PlatformUnderTest {
  platform: Platform;
  /** A request as it reaches the app through this platform's edge: from `address`, or from nowhere known. */
  requestFrom(address?: string): Request;
}

const TABLE = sql.raw("platform_contract");
const fresh = (what: string) => `${what}-${crypto.randomUUID()}`;
const bytesOf = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer());

/**
 * What `functions/lib/` relies on from any platform (functions/platform/ports.ts). Every
 * implementation runs this suite: Cloudflare's in tests/api/platform/cloudflare.test.ts, and a
 * single in-country server's (Node, SQLite) when it comes.
 */
export function platformContract(makePlatform: () => PlatformUnderTest) {
  describe("the atomic batch runner", () => {
    const ready = async (p: Platform) => {
      await p.batch.run([sql`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE)`]);
    };
    const count = async (p: Platform, keys: string[]) => {
      const [result] = await p.batch.run([
        sql`SELECT count(*) AS n FROM ${TABLE} WHERE k IN (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )})`,
      ]);
      return Number(result?.rows[0]?.n);
    };

    it("runs statements in order and answers one result per statement, rows by column name", async () => {
      const { platform } = makePlatform();
      await ready(platform);
      const [a, b] = [fresh("a"), fresh("b")];
      const results = await platform.batch.run([
        sql`INSERT INTO ${TABLE} (k) VALUES (${a})`,
        sql`INSERT INTO ${TABLE} (k) VALUES (${b}) RETURNING k`,
        sql`SELECT count(*) AS n FROM ${TABLE} WHERE k IN (${a}, ${b})`,
        sql`UPDATE ${TABLE} SET k = k WHERE k = 'no such key'`,
      ]);
      expect(results).toHaveLength(4);
      expect(results[0]).toMatchObject({ rows: [], changes: 1 });
      expect(results[1]).toMatchObject({ rows: [{ k: b }], changes: 1 });
      expect(Number(results[2]?.rows[0]?.n)).toBe(2);
      expect(results[3]?.changes).toBe(0);
    });

    it("lets a statement see the one before it (changes())", async () => {
      const { platform } = makePlatform();
      await ready(platform);
      const [a, follower] = [fresh("a"), fresh("follower")];
      const insertIfChanged = sql`INSERT INTO ${TABLE} (k) SELECT ${follower} WHERE changes() = 1`;
      await platform.batch.run([sql`INSERT INTO ${TABLE} (k) VALUES (${a})`, insertIfChanged]);
      expect(await count(platform, [a, follower])).toBe(2);
      const [again, ignored] = [fresh("again"), fresh("ignored")];
      await platform.batch.run([
        sql`INSERT OR IGNORE INTO ${TABLE} (k) VALUES (${a})`,
        sql`INSERT INTO ${TABLE} (k) SELECT ${ignored} WHERE changes() = 1`,
        sql`INSERT INTO ${TABLE} (k) VALUES (${again})`,
      ]);
      expect(await count(platform, [ignored])).toBe(0);
      expect(await count(platform, [again])).toBe(1);
    });

    it("is all or nothing: a failing third statement leaves nothing, and its error names the constraint", async () => {
      const { platform } = makePlatform();
      await ready(platform);
      const [a, b] = [fresh("a"), fresh("b")];
      const failing = platform.batch.run([
        sql`INSERT INTO ${TABLE} (k) VALUES (${a})`,
        sql`INSERT INTO ${TABLE} (k) VALUES (${b})`,
        sql`INSERT INTO ${TABLE} (k) VALUES (${a})`,
        sql`INSERT INTO ${TABLE} (k) VALUES (${fresh("after")})`,
      ]);
      // The code tells a replayed Idempotency-Key and a stale write apart by the constraint's name.
      await expect(failing).rejects.toThrow(/platform_contract\.k/);
      expect(await count(platform, [a, b])).toBe(0);
    });

    it("answers an empty batch with no results", async () => {
      expect(await makePlatform().platform.batch.run([])).toEqual([]);
    });
  });

  describe("the file store", () => {
    it("gives back the bytes and the content type a file was put with", async () => {
      const { files } = makePlatform().platform;
      const key = fresh("contract/photo");
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
      await files.put(key, bytes, "image/jpeg");
      const got = await files.get(key);
      expect(got).not.toBeNull();
      expect(got?.contentType).toBe("image/jpeg");
      expect(got?.size).toBe(bytes.byteLength);
      expect(await bytesOf(got?.body as ReadableStream<Uint8Array>)).toEqual(bytes);
      await files.delete([key]);
    });

    it("overwrites a key that is put again", async () => {
      const { files } = makePlatform().platform;
      const key = fresh("contract/over");
      await files.put(key, new Uint8Array([1]), "image/png");
      await files.put(key, new Uint8Array([2, 2]), "image/webp");
      const got = await files.get(key);
      expect(got?.contentType).toBe("image/webp");
      expect(await bytesOf(got?.body as ReadableStream<Uint8Array>)).toEqual(new Uint8Array([2, 2]));
      await files.delete([key]);
    });

    it("answers null for a missing key, and deletes several keys at once", async () => {
      const { files } = makePlatform().platform;
      expect(await files.get(fresh("contract/never"))).toBeNull();
      const keys = [fresh("contract/one"), fresh("contract/two")];
      for (const key of keys) await files.put(key, new Uint8Array([7]), "image/jpeg");
      await files.delete(keys);
      for (const key of keys) expect(await files.get(key), key).toBeNull();
    });

    it("takes deleting a missing key, or no keys, as done", async () => {
      const { files } = makePlatform().platform;
      await expect(files.delete([fresh("contract/gone")])).resolves.toBeUndefined();
      await expect(files.delete([])).resolves.toBeUndefined();
    });
  });

  describe("the rate limiters", () => {
    for (const [name, { limit }] of Object.entries(RATE_LIMITS) as [keyof typeof RATE_LIMITS, { limit: number }][]) {
      it(`${name}: allows ${limit} uses of a key, then refuses it while other keys go on`, async () => {
        const limiter = makePlatform().platform.limiters[name];
        const key = fresh(`contract-${name}`);
        const answers: boolean[] = [];
        for (let i = 0; i < limit + 2; i++) answers.push((await limiter.limit(key)).success);
        expect(answers).toEqual([...Array(limit).fill(true), false, false]);
        expect((await limiter.limit(fresh(`contract-${name}-other`))).success).toBe(true);
      });
    }
  });

  describe("the client address", () => {
    it("is the address the platform's edge saw, IPv4 or IPv6", () => {
      const { platform, requestFrom } = makePlatform();
      expect(platform.clientAddress(requestFrom("203.0.113.5"))).toBe("203.0.113.5");
      expect(platform.clientAddress(requestFrom("2001:db8::7"))).toBe("2001:db8::7");
    });

    it(`is "${UNKNOWN_CLIENT}" when the edge did not say`, () => {
      const { platform, requestFrom } = makePlatform();
      expect(platform.clientAddress(requestFrom())).toBe(UNKNOWN_CLIENT);
    });
  });
}
