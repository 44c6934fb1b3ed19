// The islands' one fetch wrapper (see ./problem.ts for the kit): same-origin calls, JSON in and
// out, every failure thrown as an ApiError. Feature clients (src/lib/<feature>/api.ts) are lists of
// calls on top of it.
import { ApiError } from "./problem";

export interface RequestOptions {
  /** GET without a body, POST with one, unless said otherwise. */
  method?: string;
  /** Sent as JSON; a FormData goes as it is (multipart). */
  body?: unknown;
  /** Extra headers: Idempotency-Key, X-Tracking-Token, X-Supporter-Id. */
  headers?: Record<string, string>;
}

/**
 * One call: the answer if its status is 2xx, else an ApiError (`kind` "refused", with the problem's
 * message, field errors and Retry-After), or an ApiError of `kind` "network" when no answer came.
 *
 * @example
 * const page = await send("/api/complaints?limit=10").then((res) => res.json());
 */
export async function send(url: string, { method, body, headers = {} }: RequestOptions = {}): Promise<Response> {
  const json = body !== undefined && !(body instanceof FormData);
  let res: Response;
  try {
    res = await fetch(url, {
      method: method ?? (body === undefined ? "GET" : "POST"),
      credentials: "same-origin",
      headers: { accept: "application/json", ...(json ? { "content-type": "application/json" } : {}), ...headers },
      body: json ? JSON.stringify(body) : (body as FormData | undefined),
    });
  } catch {
    throw ApiError.network();
  }
  if (!res.ok) throw ApiError.fromAnswer(res.status, await res.text().catch(() => ""), res.headers.get("retry-after"));
  return res;
}

/**
 * One call whose answer is JSON (or 204, read as undefined).
 *
 * @example
 * const me = await request<Me>("/api/staff/auth/me");
 * await request("/api/staff/auth/password", { body: { currentPassword, newPassword } });
 */
export async function request<T>(url: string, options?: RequestOptions): Promise<T> {
  const res = await send(url, options);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    // A 2xx that is not JSON did not come from the API (a Wi-Fi login page, a cut-off answer).
    throw ApiError.network();
  }
}
