import { env, exports } from "cloudflare:workers";
import { Hono } from "hono";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { handleError, problem } from "../../functions/lib/problem";
import { validate } from "../../functions/lib/validate";

const PROBLEM = "application/problem+json";

/** A tiny app with the real error handler and validation helper, to exercise them through HTTP. */
function probeApp() {
  const Probe = v.object({
    title: v.pipe(v.string("标题须为文字"), v.minLength(2, "标题至少 2 个字")),
    count: v.pipe(v.number("数量须为数字"), v.integer(), v.minValue(1, "数量至少为 1")),
  });
  const app = new Hono();
  app.post("/probe", validate("json", Probe), (c) => c.json(c.req.valid("json")));
  app.get("/boom", () => {
    throw new Error("SELECT * FROM secrets WHERE token = 'x'");
  });
  app.get("/conflict", () => {
    throw problem(409, { detail: "案件已被他人修改。" });
  });
  app.onError(handleError);
  return app;
}

describe("problem+json answers (RFC 9457)", () => {
  it("answers an unknown /api route with 404 problem+json", async () => {
    const res = await exports.default.fetch("http://portal.test/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain(PROBLEM);
    expect(await res.json()).toMatchObject({
      type: "about:blank",
      title: "未找到",
      status: 404,
      instance: "/api/no-such-thing",
    });
  });

  it("answers a body over the limit with 413", async () => {
    const res = await exports.default.fetch("http://portal.test/api/health", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(70 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain(PROBLEM);
    const body = (await res.json()) as { title: string; detail: string };
    expect(`${body.title} ${body.detail}`).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("passes a valid body to the handler as validated data", async () => {
    const res = await probeApp().request("/probe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "路灯", count: 2, extra: "dropped" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ title: "路灯", count: 2 });
  });

  it("answers invalid fields with 422 and a pointer and message per field", async () => {
    const res = await probeApp().request("/probe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "灯", count: 0 }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { pointer: string; detail: string }[] };
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { pointer: "#/title", detail: "标题至少 2 个字" },
        { pointer: "#/count", detail: "数量至少为 1" },
      ]),
    );
  });

  it("answers malformed JSON with 400 and a non-JSON media type with 415", async () => {
    const app = probeApp();
    const bad = await app.request("/probe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain(PROBLEM);
    // Said in Chinese, as every other problem: not Hono's "Malformed JSON in request body".
    expect(await bad.json()).toMatchObject({ title: "请求格式有误", detail: "请求内容无法解析，请检查格式后重试。" });
    const form = await app.request("/probe", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "title=x",
    });
    expect(form.status).toBe(415);
  });

  it("keeps a problem's own status and detail", async () => {
    const res = await probeApp().request("/conflict");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ status: 409, detail: "案件已被他人修改。" });
  });

  it("hides an unexpected error's message, SQL and stack behind a 500", async () => {
    const res = await probeApp().request("/boom", {}, env);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/SELECT|secrets|at \w+ \(/);
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: "服务器内部错误" });
  });
});
