import type { Statement } from "../db/batch";

// The things `functions/lib/` and the routes need from the platform, and nothing Cloudflare
// names: files, rate limits, atomic batches, the client's address, and a way to send messages. `cloudflare.ts` implements them
// over R2, the rate-limit bindings, D1 `batch()` and CF-Connecting-IP; a single in-country server
// (Node, SQLite) implements the same interfaces and must pass the same contract suite
// (tests/api/platform/contract.ts). Hono's `adapter/*/conninfo.ts` is the model: one small shape,
// one implementation per runtime.

/** A stored file: its bytes as a stream, and the content type it was put with. */
export interface StoredFile {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
}

/**
 * Photos and other uploads, by key. `put` overwrites; `get` of a missing key is null, never an
 * error; `delete` of a missing key does nothing. The content type given to `put` comes back from
 * `get` unchanged. Nothing here is transactional: callers remove what they put when their database
 * write fails.
 */
export interface FileStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  delete(keys: readonly string[]): Promise<void>;
}

/**
 * A fixed-window counter per key: `limit(key)` counts one use and says whether the key is still
 * within its allowance (`RATE_LIMITS`). Keys are independent. Refusal is the caller's to answer
 * (429, see `throttle`).
 */
export interface RateLimiter {
  limit(key: string): Promise<{ success: boolean }>;
}

/** The limiters the API uses, and what each allows: uses per key per period. */
export const RATE_LIMITS = {
  /** Staff sign-in, per client address and per account. */
  login: { limit: 20, periodSeconds: 60 },
  /** Filing a complaint and supporting one, per client address. */
  complaint: { limit: 10, periodSeconds: 60 },
  /** Tracking lookups by case number and phone: every lookup per client address, failed ones per case. */
  track: { limit: 10, periodSeconds: 60 },
  /** The nearby search while filing, per client address (it scrapes easily, so it is bounded). */
  nearby: { limit: 30, periodSeconds: 60 },
  /**
   * The public sweep writes (sign-ups, groups, consents, check-in codes), per client address with a
   * key prefix per endpoint: 20, not the complaints' 10, because a class often signs up from one
   * school network.
   */
  sweep: { limit: 20, periodSeconds: 60 },
  /**
   * Open311 filings per API key, besides `complaint` per client address: an app's devices file
   * from many addresses, and the key caps them together.
   */
  open311Key: { limit: 30, periodSeconds: 60 },
} as const;

export type LimiterName = keyof typeof RATE_LIMITS;

/** One statement's outcome: the rows it returned (columns by their SQL names) and the rows it changed. */
export interface StatementResult {
  rows: Record<string, unknown>[];
  changes: number;
}

/**
 * Runs statements in order as one transaction: either all take effect or, when any fails, none
 * does and the promise rejects with that statement's error. A statement sees the effects of those
 * before it (`changes()` reads the one just before). Resolves to one result per statement, in order.
 */
export interface BatchRunner {
  run(statements: readonly Statement[]): Promise<StatementResult[]>;
}

/** One outbox message as a sender delivers it: the recipient's phone, the text, what it is about, its id. */
export interface OutgoingMessage {
  /** The outbox row's id: the gateway may use it to drop a repeat (a retry after a lost answer). */
  id: number;
  to: string;
  text: string;
  kind: string;
  /**
   * Which outbox the message is from, when not the sweeps' (each outbox numbers its own rows, so the
   * gateway's idempotency key names it: "appointment-message-7" is not "sweep-message-7").
   */
  outbox?: "appointment";
}

/**
 * Delivers outbox messages (an SMS gateway's webhook in production). `send` answers whether the
 * gateway took the message and never throws: a refusal, a timeout and a network error are all
 * "failed", and the caller counts the attempt. A sender that is not `enabled` (no gateway
 * configured) is never asked: the messages stay in the outbox, which the staff console and the
 * manage pages show, so nothing depends on a message arriving.
 */
export interface MessageSender {
  readonly enabled: boolean;
  send(message: OutgoingMessage): Promise<"sent" | "failed">;
}

/** What a client address is when the platform cannot tell (a direct call, a test, `wrangler dev`). */
export const UNKNOWN_CLIENT = "unknown";

/** The platform a request (or a cron run) works with; made once per request by `platform()`. */
export interface Platform {
  files: FileStore;
  limiters: Record<LimiterName, RateLimiter>;
  batch: BatchRunner;
  /** The outbox's way out (see `MessageSender`); disabled when no gateway is configured. */
  sender: MessageSender;
  /** The address of the client that sent the request, as the platform's edge saw it; else `UNKNOWN_CLIENT`. */
  clientAddress(request: Request): string;
}
