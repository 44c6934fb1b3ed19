import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { logJson } from "./log";

/** One field-level error, pointing into the request document (RFC 9457 §3 extension member). */
export interface FieldError {
  pointer: string;
  detail: string;
}

/** What a thrown problem carries besides its status; read back by `problemResponse`. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** RFC 9457 §3.2 extension members (e.g. the sweeps a refused group would fit), added to the body. */
  extensions?: Record<string, unknown>;
}

/** Default titles, in the language of the people who read them. */
const TITLES: Partial<Record<number, string>> = {
  400: "请求格式有误",
  401: "需要登录",
  403: "没有权限",
  404: "未找到",
  405: "不支持该请求方法",
  409: "数据已被修改",
  413: "请求内容过大",
  415: "不支持的内容类型",
  422: "提交的内容有误",
  423: "账号已锁定",
  429: "请求过于频繁",
  500: "服务器内部错误",
  503: "服务暂不可用",
};

/** What Hono's own refusals mean, said for the people who read them. */
const PLATFORM_DETAILS: Partial<Record<number, string>> = {
  400: "请求内容无法解析，请检查格式后重试。",
  413: "请求内容过大，请精简后重试。",
};

/** The one error the API throws: an HTTPException whose cause holds the problem's details. */
export function problem(status: ContentfulStatusCode, details: ProblemDetails = {}): HTTPException {
  return new HTTPException(status, { message: details.detail ?? details.title, cause: details });
}

function isProblemDetails(value: unknown): value is ProblemDetails {
  return typeof value === "object" && value !== null;
}

/**
 * Renders any error as `application/problem+json` (RFC 9457). Unknown errors become a bare 500:
 * their message, stack and SQL stay in the log, never in the response.
 */
export function problemResponse(c: Context, err: unknown): Response {
  const status: ContentfulStatusCode = err instanceof HTTPException ? (err.status as ContentfulStatusCode) : 500;
  const details: ProblemDetails = err instanceof HTTPException && isProblemDetails(err.cause) ? err.cause : {};
  // Hono's own HTTPExceptions (malformed JSON, body limit) carry an English message and no cause:
  // the people reading the answer get ours instead.
  const honos = err instanceof HTTPException && err.cause === undefined;
  const detail =
    status === 500
      ? "请稍后再试；如问题持续，请告知请求编号。"
      : honos
        ? (PLATFORM_DETAILS[status] ?? TITLES[status])
        : (details.detail ?? (err as Error).message);
  const body = {
    ...details.extensions,
    type: details.type ?? "about:blank",
    title: details.title ?? TITLES[status] ?? "请求失败",
    status,
    detail: detail || undefined,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId") as string | undefined,
    errors: details.errors,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...details.headers },
  });
}

/** The app's one `onError`: every thrown error leaves as problem+json; a 500 is logged with its request id. */
export function handleError(err: unknown, c: Context): Response {
  const res = problemResponse(c, err);
  if (res.status >= 500) {
    const e = err instanceof Error ? err : new Error(String(err));
    logJson(c.env, "error", { requestId: c.get("requestId"), path: c.req.path, err: e.message, stack: e.stack });
  }
  return res;
}
