// Every failed call to the complaint API becomes one error type carrying the RFC 9457 problem.

/** A field name ("description", "photos") → the message to show next to it. */
export type FieldErrors = Record<string, string>;

export interface Problem {
  title?: string;
  detail?: string;
  errors?: { pointer: string; detail: string }[];
}

export const NETWORK_MESSAGE = "网络连接中断，没有收到服务器的答复。请检查网络后重试。";

/** What a failed call throws: `status` 0 when no answer arrived. */
export class ApiError extends Error {
  readonly status: number;
  readonly fields: FieldErrors;
  /** Seconds from Retry-After (409, 429), if the answer had one. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem = {}, retryAfter: string | null = null) {
    super(problem.detail ?? problem.title ?? (status === 0 ? NETWORK_MESSAGE : "请求失败，请稍后再试。"));
    this.name = "ApiError";
    this.status = status;
    this.retryAfter = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    this.fields = {};
    // "#/photos/0" → "photos"; the first message for a field wins.
    for (const { pointer, detail } of problem.errors ?? []) {
      const name = pointer.replace(/^#\//, "").split("/")[0] ?? "";
      this.fields[name] ??= detail;
    }
  }
}

/** Parses a problem body leniently: a proxy's HTML error page still becomes an ApiError. */
export function parseProblem(text: string): Problem {
  try {
    const body = JSON.parse(text);
    return body && typeof body === "object" ? body : {};
  } catch {
    return {};
  }
}
