import { describe, expect, it } from "vitest";
import {
  ApiError,
  errorMessage,
  fieldOf,
  NETWORK_MESSAGE,
  parseProblem,
  retryAfterSeconds,
} from "../../../src/lib/kit/problem";

describe("reading a refusal", () => {
  it("takes field errors from RFC 9457 JSON pointers, the first message per field", () => {
    const err = new ApiError(422, {
      detail: "请检查标出的字段。",
      errors: [
        { pointer: "#/unitId", detail: "该角色必须指定单位" },
        { pointer: "#/unitId", detail: "第二条" },
        { pointer: "#/email", detail: "邮箱格式不正确" },
      ],
    });
    expect(err.message).toBe("请检查标出的字段。");
    expect(err.kind).toBe("refused");
    expect(err.fields).toEqual({ unitId: "该角色必须指定单位", email: "邮箱格式不正确" });
  });

  it("names a field by the pointer's first segment, with or without the URI fragment's #", () => {
    expect(fieldOf("/description")).toBe("description");
    expect(fieldOf("#/description")).toBe("description");
    expect(fieldOf("#/photos/0")).toBe("photos");
    expect(fieldOf("/headers/idempotency-key")).toBe("headers");
    expect(fieldOf("/a~1b")).toBe("a/b");
    expect(fieldOf("#/")).toBe("");
  });

  it("reads a problem+json answer with its status, request number and field errors", () => {
    const body = JSON.stringify({
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "请检查标出的字段。",
      requestId: "r-1",
      errors: [{ pointer: "/description", detail: "请描述问题" }],
    });
    const err = ApiError.fromAnswer(422, body, null);
    expect(err).toMatchObject({ kind: "refused", status: 422, requestId: "r-1", retryAfter: null });
    expect(err.fields).toEqual({ description: "请描述问题" });
  });

  it("falls back to the title, then to a general sentence", () => {
    expect(new ApiError(404, { title: "Not Found" }).message).toBe("Not Found");
    expect(new ApiError(400).message).toBe("请求失败，请稍后再试。");
  });

  it("turns a proxy's HTML 502 into a refusal without fields, not a crash", () => {
    const err = ApiError.fromAnswer(502, "<html><body>Bad Gateway</body></html>", null);
    expect(err).toMatchObject({ kind: "refused", status: 502, message: "请求失败，请稍后再试。", requestId: null });
    expect(err.fields).toEqual({});
    expect(parseProblem("")).toEqual({});
    expect(parseProblem("[1]")).toEqual({});
    expect(parseProblem('{"errors":"not a list"}')).toEqual({ errors: "not a list" });
    expect(new ApiError(422, parseProblem('{"errors":"not a list"}')).fields).toEqual({});
  });

  it("tells a network failure from a refusal", () => {
    const err = ApiError.network();
    expect(err).toMatchObject({ kind: "network", status: 0, message: NETWORK_MESSAGE });
    expect(err.message).toContain("网络连接中断");
  });
});

describe("Retry-After", () => {
  it("reads delay-seconds", () => {
    expect(ApiError.fromAnswer(429, "{}", "60").retryAfter).toBe(60);
    expect(ApiError.fromAnswer(503, "", " 2 ").retryAfter).toBe(2);
    expect(retryAfterSeconds("0")).toBe(0);
  });

  it("reads an HTTP date as the seconds until then", () => {
    const now = Date.parse("2026-11-27T08:00:00Z");
    expect(retryAfterSeconds("Fri, 27 Nov 2026 08:01:30 GMT", now)).toBe(90);
    expect(retryAfterSeconds("Fri, 27 Nov 2026 07:00:00 GMT", now)).toBe(1);
  });

  it("ignores a missing or unreadable header", () => {
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds("")).toBeNull();
    expect(retryAfterSeconds("soon")).toBeNull();
    expect(retryAfterSeconds("-5")).toBeNull();
  });
});

describe("the sentence an alert shows", () => {
  it("adds the request number to a server fault only", () => {
    expect(errorMessage(new ApiError(500, { detail: "服务器出错了。", requestId: "abc" }))).toBe(
      "服务器出错了。（请求编号 abc）",
    );
    expect(errorMessage(new ApiError(422, { detail: "不对。", requestId: "abc" }))).toBe("不对。");
  });

  it("does not show a programming error's text to the user", () => {
    expect(errorMessage(new TypeError("x is undefined"))).toBe("出现意外错误，请刷新页面后再试。");
    expect(errorMessage(new TypeError("x"), "查询没有成功，请稍后再试。")).toBe("查询没有成功，请稍后再试。");
  });
});
