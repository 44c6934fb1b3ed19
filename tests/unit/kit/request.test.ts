import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../src/lib/kit/problem";
import { request, send } from "../../../src/lib/kit/request";

/** Answers every fetch with `answer` and records the calls. */
function stubFetch(answer: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  });
  return calls;
}

const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json", ...headers } });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => expect.unreachable("the call should have failed"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("request", () => {
  it("sends a body as JSON with a POST and reads the JSON answer", async () => {
    const calls = stubFetch(() => Response.json({ ok: true }));
    await expect(request("/api/x", { body: { a: 1 }, headers: { "idempotency-key": "k" } })).resolves.toEqual({
      ok: true,
    });
    const { url, init } = calls[0] ?? expect.unreachable();
    expect(url).toBe("/api/x");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", body: '{"a":1}' });
    expect(init.headers).toMatchObject({ "content-type": "application/json", "idempotency-key": "k" });
  });

  it("sends a GET without a body or content type, and reads 204 as nothing", async () => {
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    await expect(request("/api/y", { headers: { "x-tracking-token": "t" } })).resolves.toBeUndefined();
    const { init } = calls[0] ?? expect.unreachable();
    expect(init.method).toBe("GET");
    expect(init.body).toBeUndefined();
    expect(init.headers).toEqual({ accept: "application/json", "x-tracking-token": "t" });
  });

  it("passes a FormData through as multipart", async () => {
    const calls = stubFetch(() => Response.json({}));
    const form = new FormData();
    form.append("complaint", "{}");
    await request("/api/z", { body: form });
    const { init } = calls[0] ?? expect.unreachable();
    expect(init.body).toBe(form);
    expect(init.headers).not.toHaveProperty("content-type");
  });

  it("throws a problem+json refusal with its field errors by JSON pointer", async () => {
    stubFetch(() =>
      problem(422, {
        title: "Unprocessable Content",
        status: 422,
        detail: "请检查标出的字段。",
        errors: [
          { pointer: "/description", detail: "请描述问题" },
          { pointer: "#/photos/1", detail: "照片太大" },
        ],
      }),
    );
    const err = await rejection(request("/api/complaints", { body: {} }));
    expect(err).toMatchObject({ kind: "refused", status: 422, message: "请检查标出的字段。" });
    expect(err.fields).toEqual({ description: "请描述问题", photos: "照片太大" });
  });

  it("throws a non-JSON 502 as a refusal with a general sentence", async () => {
    stubFetch(
      () => new Response("<h1>502 Bad Gateway</h1>", { status: 502, headers: { "content-type": "text/html" } }),
    );
    const err = await rejection(request("/api/complaints"));
    expect(err).toMatchObject({ kind: "refused", status: 502, message: "请求失败，请稍后再试。", fields: {} });
  });

  it("surfaces Retry-After on 429 and 503", async () => {
    stubFetch(() => problem(429, { detail: "尝试次数过多，请一分钟后再试。" }, { "retry-after": "60" }));
    expect(await rejection(request("/api/staff/auth/login", { body: {} }))).toMatchObject({
      status: 429,
      retryAfter: 60,
      message: "尝试次数过多，请一分钟后再试。",
    });
    stubFetch(() => new Response("", { status: 503, headers: { "retry-after": "120" } }));
    expect(await rejection(request("/api/health"))).toMatchObject({ status: 503, retryAfter: 120 });
  });

  it("throws a network failure, not a refusal, when no answer comes", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    const err = await rejection(request("/api/complaints"));
    expect(err).toMatchObject({ kind: "network", status: 0 });
    expect(err.message).toContain("网络连接中断");
  });

  it("counts a 2xx that is not JSON (a Wi-Fi login page) as no answer from the API", async () => {
    stubFetch(() => new Response("<html>请登录</html>", { status: 200 }));
    expect(await rejection(request("/api/complaints"))).toMatchObject({ kind: "network", status: 0 });
  });
});

describe("send", () => {
  it("hands back the answer for the caller to read, as a blob for a photo", async () => {
    stubFetch(() => new Response(new Blob(["jpeg"]), { status: 200 }));
    const blob = await (await send("/photo")).blob();
    expect(await blob.text()).toBe("jpeg");
  });
});
