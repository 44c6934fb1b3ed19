import type { Context, MiddlewareHandler, ValidationTargets } from "hono";
import { bodyLimit } from "hono/body-limit";
import { validator } from "hono/validator";
import * as v from "valibot";
import { type FieldError, problem } from "./problem";

type Target = keyof Pick<ValidationTargets, "json" | "query" | "param" | "header">;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Every body but a photo upload: a JSON document of a form's worth of text fits many times over. */
export const MAX_JSON_BYTES = 64 * 1024;

/**
 * Refuses a body over `maxSize` bytes with 413 before anything reads it: by its Content-Length, or
 * while a body of unknown length (chunked) arrives, so a large body is never buffered or parsed.
 *
 * @example
 * app.use(limitBody(MAX_JSON_BYTES));
 */
export function limitBody(maxSize: number, detail = `请求体不能超过 ${maxSize / 1024} KB。`): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw problem(413, { detail });
    },
  });
}

/**
 * An upload route's limit: `uploadBytes` for a multipart/form-data body (the photos), the JSON
 * limit for any other, so the upload route is large only for what carries files.
 */
export function limitUpload(uploadBytes: number, detail: string): MiddlewareHandler {
  const upload = limitBody(uploadBytes, detail);
  const json = limitBody(MAX_JSON_BYTES);
  return (c, next) => (/^multipart\/form-data\b/i.test(c.req.header("content-type") ?? "") ? upload : json)(c, next);
}

/** Turns valibot issues into RFC 6901 JSON pointers with a readable message each. */
export function toFieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key).replaceAll("~", "~0").replaceAll("/", "~1")) ?? [];
    return { pointer: `#/${path.join("/")}`, detail: issue.message };
  });
}

/**
 * Validates one part of the request with a valibot schema before the handler runs; the handler
 * reads `c.req.valid(target)` only. Failure answers 422 with field errors, a JSON body of another
 * media type 415 (Hono alone would validate `{}` instead).
 *
 * @example
 * app.post("/things", validate("json", ThingSchema), (c) => c.json(c.req.valid("json")));
 */
export function validate<T extends Target, S extends v.GenericSchema>(target: T, schema: S) {
  const check = validator(target, (value: unknown, c: Context) => {
    if (target === "json" && !JSON_MEDIA_TYPE.test((c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "")) {
      throw problem(415, { detail: "请求体须为 application/json。" });
    }
    const result = v.safeParse(schema, value);
    if (!result.success) {
      throw problem(422, { detail: "请检查标出的字段。", errors: toFieldErrors(result.issues) });
    }
    return result.output as v.InferOutput<S>;
  });
  return check as MiddlewareHandler<
    // biome-ignore lint/suspicious/noExplicitAny: the env type is decided by the route the middleware is used in.
    any,
    string,
    { in: { [K in T]: v.InferInput<S> }; out: { [K in T]: v.InferOutput<S> } }
  >;
}

/**
 * Validates one value outside Hono's targets (a single header, a multipart field) and throws the
 * same 422 as `validate`, with pointers under `pointerPrefix` (e.g. "/headers/idempotency-key").
 */
export function parse<S extends v.GenericSchema>(schema: S, value: unknown, pointerPrefix = ""): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  const errors = toFieldErrors(r.issues).map((e) => {
    const rest = e.pointer.slice(1); // "/field", or "/" for the value itself
    return { ...e, pointer: `#${pointerPrefix}${rest === "/" && pointerPrefix ? "" : rest}` };
  });
  throw problem(422, { detail: "请检查标出的字段。", errors });
}
