import type { Context } from "hono";
import * as v from "valibot";
import { OPEN311_JURISDICTION } from "../../../src/shared/open311/jurisdiction";
import { Open311Error } from "./errors";

/**
 * A request's query string through a valibot schema, for an Open311 handler: a failure is the spec's
 * 400 with every message, and a `jurisdiction_id` other than ours is an unknown jurisdiction (404).
 * A parameter given twice is refused rather than one copy silently chosen.
 *
 * @example
 * const q = open311Query(c, RequestsQuerySchema);
 */
export function open311Query<
  S extends v.GenericSchema<Record<string, string | undefined>, { jurisdiction_id?: string }>,
>(c: Context, schema: S): v.InferOutput<S> {
  const all = c.req.queries();
  const twice = Object.keys(all).find((k) => (all[k]?.length ?? 0) > 1);
  if (twice) throw new Open311Error(400, `参数 ${twice} 只能出现一次`);
  const parsed = v.safeParse(schema, c.req.query());
  if (!parsed.success) {
    const messages = parsed.issues.map((i) => {
      const key = i.path?.[0]?.key;
      return typeof key === "string" && !i.message.includes(key) ? `${key}：${i.message}` : i.message;
    });
    throw new Open311Error(400, [...new Set(messages)].join("；"));
  }
  checkJurisdiction(parsed.output.jurisdiction_id);
  return parsed.output;
}

/** Ours is the one jurisdiction: optional, and when given it must be ours. */
export function checkJurisdiction(id: string | undefined): void {
  if (id !== undefined && id !== OPEN311_JURISDICTION) throw new Open311Error(404, `没有辖区 ${id}`);
}
