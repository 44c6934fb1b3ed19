// The browser kit (src/lib/kit/ for logic, src/components/forms/ for the React pieces): what every
// island shares. This module reads a failed answer (RFC 9457 problem+json, or whatever a proxy sent
// instead) into the one error type the islands show; fetch (./request.ts) and the XMLHttpRequest
// upload (src/lib/complaints/submit.ts) both throw it.

/** A field name ("description", "photos") → the message to show next to that field. */
export type FieldErrors = Record<string, string>;

/** The RFC 9457 body the API answers every refusal with (functions/lib/problem.ts). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  requestId?: string;
  /** One entry per wrong field: an RFC 6901 JSON pointer ("#/unitId", "/photos/0") and its message. */
  errors?: { pointer: string; detail: string }[];
}

/**
 * `network`: no answer came (offline, timeout, a connection cut, or an answer that was not the
 * API's, like a Wi-Fi login page); trying again may work as it is. `refused`: the API answered
 * with an error status; the problem says why.
 */
export type ApiErrorKind = "network" | "refused";

export const NETWORK_MESSAGE = "网络连接中断，没有收到服务器的答复。请检查网络后重试。";
const REFUSED_MESSAGE = "请求失败，请稍后再试。";
const UNEXPECTED_MESSAGE = "出现意外错误，请刷新页面后再试。";

/** What every failed call throws: `status` is 0 when no answer arrived. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly fields: FieldErrors;
  /** Seconds from Retry-After (409, 423, 429, 503), if the answer had one. */
  readonly retryAfter: number | null;
  readonly requestId: string | null;
  /** The whole problem as it came: its RFC 9457 extension members too (a full slot's `nearestFree`). */
  readonly problem: Problem;

  constructor(status: number, problem: Problem = {}, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? (status === 0 ? NETWORK_MESSAGE : REFUSED_MESSAGE));
    this.name = "ApiError";
    this.kind = status === 0 ? "network" : "refused";
    this.status = status;
    this.fields = fieldErrors(problem);
    this.retryAfter = retryAfter;
    this.requestId = problem.requestId ?? null;
    this.problem = problem;
  }

  /** The connection failed before an answer came. */
  static network(): ApiError {
    return new ApiError(0);
  }

  /** An error answer as it came off the wire: its status, body text and Retry-After header. */
  static fromAnswer(status: number, body: string, retryAfter: string | null): ApiError {
    return new ApiError(status, parseProblem(body), retryAfterSeconds(retryAfter));
  }
}

/** "#/photos/0", "/photos/0" → "photos": a field's name is the pointer's first segment. */
export function fieldOf(pointer: string): string {
  const path = pointer.replace(/^#/, "");
  const segment = (path.startsWith("/") ? path.slice(1) : path).split("/")[0] ?? "";
  // RFC 6901 escapes: "~1" is "/", "~0" is "~" (in that order).
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** The first message of each field wins: it is the one the schema checks first. */
function fieldErrors(problem: Problem): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of Array.isArray(problem.errors) ? problem.errors : []) {
    const name = typeof error?.pointer === "string" ? fieldOf(error.pointer) : "";
    if (name && typeof error.detail === "string") fields[name] ??= error.detail;
  }
  return fields;
}

/** Parses a problem body leniently: a proxy's HTML error page becomes an empty problem, not a crash. */
export function parseProblem(text: string): Problem {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Problem) : {};
  } catch {
    return {};
  }
}

/** RFC 9110 Retry-After: delay-seconds, or an HTTP date turned into the seconds until then. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  // An IMF-fixdate ("Fri, 27 Nov 2026 08:01:30 GMT"); Date.parse alone would take "-5" for a year.
  const at = /GMT$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/**
 * A readable sentence for anything a call threw, for an alert: the API's own words, with the
 * request number on a server fault so that support can find it in the logs.
 */
export function errorMessage(err: unknown, fallback = UNEXPECTED_MESSAGE): string {
  if (!(err instanceof ApiError)) return fallback;
  if (err.status >= 500 && err.requestId) return `${err.message}（请求编号 ${err.requestId}）`;
  return err.message;
}

/** The field errors of anything a call threw (none unless it is an ApiError). */
export function fieldErrorsOf(err: unknown): FieldErrors {
  return err instanceof ApiError ? err.fields : {};
}

/** What a form or list shows for a failed call: a sentence for the summary and the errors by field. */
export interface Refusal {
  message: string;
  errors: FieldErrors;
}

/** The API's words and field errors for anything a call threw; `fallback` as in errorMessage. */
export function refusalOf(err: unknown, fallback?: string): Refusal {
  return { message: errorMessage(err, fallback), errors: fieldErrorsOf(err) };
}
