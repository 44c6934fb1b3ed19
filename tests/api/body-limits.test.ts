import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { file, newIp, newKey, ORIGIN, tableCounts, validComplaint } from "./complaints/factories";
import { freshLimiterWindow } from "./limiter-window";
import { call, makeStaff, signIn } from "./staff/factories";

const KB = 1024;
const PROBLEM = "application/problem+json";

/** A JSON complaint padded to `bytes`: valid JSON, refused only for its size. */
function paddedComplaint(bytes: number): string {
  const body = JSON.stringify(validComplaint({ description: "" }));
  return body.replace('"description":""', `"description":"${"垃".repeat(Math.ceil((bytes - body.length) / 3))}"`);
}

/** A body of unknown length: sent in pieces, no Content-Length (HTTP chunked transfer). */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 16 * KB));
      at += 16 * KB;
    },
  });
}

function postComplaint(body: BodyInit, headers: Record<string, string> = {}) {
  return exports.default.fetch(`${ORIGIN}/api/complaints`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": newKey(),
      "cf-connecting-ip": newIp(),
      ...headers,
    },
    body,
  });
}

async function expectChinese413(res: Response) {
  expect(res.status).toBe(413);
  expect(res.headers.get("content-type")).toContain(PROBLEM);
  const problem = (await res.json()) as { title: string; detail: string };
  expect(problem.title).toBe("请求内容过大");
  expect(problem.detail).toContain("64 KB");
}

describe("JSON bodies are at most 64 KB, checked before they are parsed", () => {
  it("refuses a 100 KB JSON complaint by its Content-Length, and writes nothing", async () => {
    const before = await tableCounts();
    const body = paddedComplaint(100 * KB);
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(64 * KB);
    await expectChinese413(await postComplaint(body));
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a chunked JSON body once more than 64 KB has arrived", async () => {
    await expectChinese413(await postComplaint(chunked(paddedComplaint(200 * KB))));
  });

  it("refuses a large JSON body on a staff route before the handler reads it", async () => {
    const admin = await makeStaff("admin");
    const cookie = await signIn(admin.email);
    const res = await call("/api/staff/accounts", {
      method: "POST",
      cookie,
      body: { email: "big@qingxi.example", displayName: "大", role: "viewer", pad: "x".repeat(100 * KB) },
    });
    await expectChinese413(res);
  });

  it("still takes a JSON complaint well under the limit", async () => {
    expect((await postComplaint(paddedComplaint(8 * KB))).status).toBe(201);
  });
});

describe("filing is throttled before its body is read", () => {
  it("answers a client over its allowance 429 without parsing what it sent", { timeout: 60_000 }, async () => {
    // Up to 20 s waiting for a fresh window, then the requests.
    await freshLimiterWindow();
    const ip = newIp();
    for (let i = 0; i < 10; i++) expect((await file(validComplaint(), { ip })).status).toBe(201);
    // Malformed JSON would be a 400 if it were parsed first.
    const res = await postComplaint("{ not json", { "cf-connecting-ip": ip });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
  });
});
