import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { sha256Hex } from "../../../functions/lib/tokens";
import { useTurnstileVerifier } from "../../../functions/lib/turnstile";
import { freshLimiterWindow } from "../limiter-window";
import { type Filed, file, fileOk, newIp, newKey, pointIn, tableCounts, validComplaint } from "./factories";

type Problem = { status: number; errors?: { pointer: string; detail: string }[] };
const pointers = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.pointer) ?? [];

describe("filing a complaint", () => {
  it("answers 201 with a case number to read over the phone and a tracking secret in a URL fragment", async () => {
    const res = await file(validComplaint());
    expect(res.status).toBe(201);
    const body = (await res.json()) as Filed;
    expect(body.caseNumber).toMatch(/^\d{6}-\d{4}$/);
    expect(body.trackingToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(body.trackingToken, "base64url")).toHaveLength(16);
    expect(body.trackingPath).toBe(`/complaints/track/#t=${body.trackingToken}`);
    expect(body.state).toBe("received");
    const row = await env.DB.prepare("SELECT * FROM complaints WHERE case_number = ?")
      .bind(body.caseNumber)
      .first<Record<string, unknown>>();
    expect(row?.tracking_hash).toBe(await sha256Hex(body.trackingToken));
    expect(JSON.stringify(row)).not.toContain(body.trackingToken);
    const events = await env.DB.prepare("SELECT action, to_state FROM complaint_events WHERE complaint_id = ?")
      .bind(row?.id)
      .all();
    expect(events.results).toEqual([{ action: "file", to_state: "received" }]);
  });

  it("numbers the day's cases one after another", async () => {
    const a = await fileOk();
    const b = await fileOk();
    const n = (x: Filed) => Number(x.caseNumber.split("-")[1]);
    expect(b.caseNumber.split("-")[0]).toBe(a.caseNumber.split("-")[0]);
    expect(n(b)).toBe(n(a) + 1);
  });

  it("resolves the community from the point, and routes to the category's unit there", async () => {
    const filed = await fileOk({ ...pointIn("hetang"), communityId: "danfeng" });
    expect(filed.communityId).toBe("hetang");
    const bbq = await fileOk({ ...pointIn("hetang"), categoryId: "E0107" });
    const row = await env.DB.prepare("SELECT urgent, accept_due_at, received_at FROM complaints WHERE case_number = ?")
      .bind(bbq.caseNumber)
      .first<{ urgent: number; accept_due_at: string; received_at: string }>();
    expect(row?.urgent).toBe(1);
    expect(Date.parse(row?.accept_due_at ?? "") - Date.parse(row?.received_at ?? "")).toBe(10 * 60_000);
  });

  it("accepts a place given as a community without a point", async () => {
    const filed = await fileOk({ lat: undefined, lng: undefined, communityId: "jingui" });
    expect(filed.communityId).toBe("jingui");
  });

  it("keeps a phone only when a callback is wanted", async () => {
    const withCallback = await fileOk({ name: "张三", phone: "13812345678", callbackWanted: true });
    const row = await env.DB.prepare("SELECT reporter_phone FROM complaints WHERE case_number = ?")
      .bind(withCallback.caseNumber)
      .first();
    expect(row?.reporter_phone).toBe("13812345678");
    const res = await file(validComplaint({ phone: "13812345678", callbackWanted: false }));
    expect(res.status).toBe(422);
    expect(await pointers(res)).toContain("#/phone");
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const before = await tableCounts();
    const cases: [Record<string, unknown>, string][] = [
      [{ consent: false }, "#/consent"],
      [{ categoryId: "E9999" }, "#/categoryId"],
      [{ description: "短" }, "#/description"],
      [{ description: "长".repeat(4001) }, "#/description"],
      [{ phone: "12345", callbackWanted: true }, "#/phone"],
      [{ lat: 30.3, lng: undefined }, "#/lat"],
      [{ lat: 39.9, lng: 116.4 }, "#/lat"],
      [{ lat: undefined, lng: undefined, communityId: undefined }, "#/communityId"],
    ];
    for (const [over, pointer] of cases) {
      const res = await file(validComplaint(over));
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await pointers(res), JSON.stringify(over)).toContain(pointer);
    }
    const noKey = await file(validComplaint(), { key: null });
    expect(noKey.status).toBe(422);
    expect(await pointers(noKey)).toContain("#/headers/idempotency-key");
    expect(await tableCounts()).toEqual(before);
  });

  it("throttles one client with 429 and Retry-After", { timeout: 60_000 }, async () => {
    // Up to 20 s waiting for a fresh window, then the requests.
    await freshLimiterWindow();
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await file(validComplaint(), { ip })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("idempotent submission", () => {
  it("replays the first answer for a retry with the same key and body", async () => {
    const key = newKey();
    const body = validComplaint();
    const first = await file(body, { key });
    const again = await file(body, { key, ip: newIp() });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
  });

  it("refuses the same key for a different complaint", async () => {
    const key = newKey();
    await file(validComplaint(), { key });
    const other = await file(validComplaint({ description: "完全不同的另一件事情" }), { key });
    expect(other.status).toBe(422);
  });

  // 100 requests at once: 5.9 s on the two-core machine under load (it timed out at the 5 s default); ten times that.
  it("makes exactly one case of 100 concurrent retries with one key", async () => {
    const key = newKey();
    const body = validComplaint();
    const before = await tableCounts();
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => file(body, { key, ip: `198.18.0.${(i % 200) + 1}` }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const after = await tableCounts();
    expect(after.complaints - before.complaints).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.idempotency - before.idempotency).toBe(1);
  }, 60_000);
});

describe("Turnstile", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  const withSecret = { ...env, TURNSTILE_SECRET: "test-secret" };
  const post = (body: unknown) =>
    app.request(
      "/api/complaints",
      {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": newKey(), "cf-connecting-ip": newIp() },
        body: JSON.stringify(body),
      },
      withSecret,
    );

  it("is checked when a secret is configured: a failing token gets 403 and writes nothing", async () => {
    const seen: string[] = [];
    restore = useTurnstileVerifier(async (token, secret) => {
      seen.push(`${secret}:${token}`);
      return token === "good";
    });
    const before = await tableCounts();
    expect((await post(validComplaint({ turnstileToken: "bad" }))).status).toBe(403);
    expect((await post(validComplaint())).status).toBe(403);
    expect(await tableCounts()).toEqual(before);
    expect((await post(validComplaint({ turnstileToken: "good" }))).status).toBe(201);
    expect(seen).toEqual(["test-secret:bad", "test-secret:good"]);
  });
});
