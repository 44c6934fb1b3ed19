import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { jpegWithMetadata } from "../../unit/fixtures/images";
import { instrumentedDb } from "../instrumented-db";
import { fileOk, newIp, newKey, tableCounts, validComplaint } from "./factories";

function multipart(body: unknown, photos: Uint8Array[]) {
  const form = new FormData();
  form.append("complaint", JSON.stringify(body));
  for (const p of photos) form.append("photos", new File([p], "p.jpg", { type: "image/jpeg" }));
  return form;
}

const fileVia = (e: typeof env, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(
    "/api/complaints",
    { method: "POST", body, headers: { "idempotency-key": newKey(), "cf-connecting-ip": newIp(), ...headers } },
    e,
  );

describe("every complaint mutation is one D1 batch", () => {
  it("files with photos in exactly one batch and no other write", async () => {
    const { env: e, stats } = instrumentedDb();
    const res = await fileVia(e, multipart(validComplaint(), [jpegWithMetadata(), jpegWithMetadata()]));
    expect(res.status).toBe(201);
    expect(stats).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
  });

  it("supports, rates and reopens in exactly one batch each", async () => {
    const filed = await fileOk();
    const call = async (path: string, init: RequestInit) => {
      const { env: e, stats } = instrumentedDb();
      const res = await app.request(path, init, e);
      expect(res.status, path).toBe(200);
      return stats;
    };
    const supported = await call(`/api/complaints/${filed.caseNumber}/support`, {
      method: "POST",
      headers: { "x-supporter-id": "carol-0123456789abcdef" },
    });
    expect(supported).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
    await env.DB.prepare("UPDATE complaints SET state = 'closed_not_fixed', closed_at = ? WHERE case_number = ?")
      .bind(new Date().toISOString(), filed.caseNumber)
      .run();
    const headers = { "content-type": "application/json", "x-tracking-token": filed.trackingToken };
    const rated = await call("/api/complaints/track/rating", {
      method: "POST",
      headers,
      body: JSON.stringify({ rating: "dissatisfied" }),
    });
    const reopened = await call("/api/complaints/track/reopen", {
      method: "POST",
      headers,
      body: JSON.stringify({ reason: "问题依然存在没有处理" }),
    });
    expect(rated).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
    expect(reopened).toMatchObject({ writeBatches: 1, writesOutsideBatch: 0 });
  });
});

describe("a failing write leaves nothing half-written", () => {
  // A failure injected at every statement in turn: 1.5 s on the two-core machine under load; 30 s leaves room.
  it("rolls back the whole filing whichever statement fails, and removes the stored photos", async () => {
    const { stats } = instrumentedDb();
    const probe = instrumentedDb();
    await fileVia(probe.env, multipart(validComplaint(), [jpegWithMetadata()]));
    const statements = probe.stats.statements[0] ?? 0;
    expect(statements).toBeGreaterThanOrEqual(4);
    expect(stats.writeBatches).toBe(0);

    for (let failAt = 0; failAt < statements; failAt++) {
      const before = await tableCounts();
      const { env: e } = instrumentedDb(failAt);
      const res = await fileVia(e, multipart(validComplaint(), [jpegWithMetadata(), jpegWithMetadata()]));
      expect(res.status, `statement ${failAt}`).toBe(500);
      expect(await res.text()).not.toContain("no_such_table");
      expect(await tableCounts(), `statement ${failAt}`).toEqual(before);
    }
  }, 30_000);

  it("removes the first photo when storing the second fails", async () => {
    const before = await tableCounts();
    let puts = 0;
    const flaky = new Proxy(env.PHOTOS, {
      get(target, prop) {
        if (prop === "put") {
          return (...args: Parameters<R2Bucket["put"]>) => {
            if (++puts === 2) throw new Error("R2 unavailable");
            return target.put(...args);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const res = await fileVia(
      { ...env, PHOTOS: flaky },
      multipart(validComplaint(), [jpegWithMetadata(), jpegWithMetadata()]),
    );
    expect(res.status).toBe(500);
    expect(puts).toBe(2);
    expect(await tableCounts()).toEqual(before);
  });
});
