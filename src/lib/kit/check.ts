// The browser kit's form check (see ./problem.ts for the kit): the API's own schema run before a form is sent.
import * as v from "valibot";
import type { FieldErrors } from "./problem";

export type Checked<S extends v.GenericSchema> =
  | { success: true; output: v.InferOutput<S> }
  | { success: false; errors: FieldErrors };

/**
 * Runs the API's own valibot schema in the browser, so a form shows the same messages before it is
 * sent as the API would answer after: the parsed input, or the first message of each top-level
 * field, named as the API's JSON pointers name them.
 */
export function parseFields<S extends v.GenericSchema>(schema: S, input: unknown): Checked<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return { success: true, output: result.output };
  const errors: FieldErrors = {};
  for (const issue of result.issues) {
    const name = String(issue.path?.[0]?.key ?? "");
    if (name && !(name in errors)) errors[name] = issue.message;
  }
  return { success: false, errors };
}

/** The field errors of `input` under `schema`: empty when the input is valid. */
export function checkFields(schema: v.GenericSchema, input: unknown): FieldErrors {
  const checked = parseFields(schema, input);
  return checked.success ? {} : checked.errors;
}
