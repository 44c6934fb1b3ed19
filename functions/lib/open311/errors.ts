import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The statuses GeoReport v2 names for errors (plus what the platform may still answer, e.g. 429). */
export type Open311Status = 400 | 403 | 404 | 413 | 415 | 429 | 500 | 503;

/**
 * The one error an Open311 handler throws. The router's `onError` renders it once as the spec's
 * list of `{code, description}` in the format the path asked for: 404 for an unknown resource or
 * jurisdiction, 403 for a missing or bad API key, 400 for anything else the client got wrong.
 *
 * @example
 * throw new Open311Error(404, `没有编号为 ${id} 的诉求。`);
 */
export class Open311Error extends Error {
  constructor(
    readonly status: Open311Status,
    readonly description: string,
    /** The spec's `code`; the HTTP status unless a handler has a finer one. */
    readonly code: number = status,
  ) {
    super(description);
    this.name = "Open311Error";
  }
}

/** Descriptions for what the platform throws itself (Hono's HTTPExceptions, problem() from shared code). */
const PLATFORM_DESCRIPTIONS: Partial<Record<number, string>> = {
  400: "请求格式有误。",
  403: "没有权限：API 密钥缺失或无效。",
  404: "没有这个资源。",
  413: "请求内容过大。",
  415: "不支持的内容类型。",
  422: "提交的内容有误。",
  429: "请求过于频繁，请稍后再试。",
  500: "服务器内部错误，请稍后再试。",
  503: "服务暂不可用，请稍后再试。",
};

/**
 * Any thrown error as an Open311Error: an HTTPException keeps its status (a 422 from the shared
 * validators is a 400 here: the spec knows no 422) and its detail; anything else is a bare 500
 * whose message stays in the log.
 */
export function toOpen311Error(err: unknown): Open311Error {
  if (err instanceof Open311Error) return err;
  if (err instanceof HTTPException) {
    const status = (err.status === 422 ? 400 : err.status) as ContentfulStatusCode;
    const known = status in PLATFORM_DESCRIPTIONS ? (status as Open311Status) : 400;
    const cause = err.cause as { detail?: string } | undefined;
    const description = cause?.detail ?? PLATFORM_DESCRIPTIONS[known] ?? "请求失败。";
    return new Open311Error(known, description);
  }
  return new Open311Error(500, PLATFORM_DESCRIPTIONS[500] as string);
}
