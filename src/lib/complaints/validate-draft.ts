// The filing island checks each step with the API's own schema, so a field shows exactly the
// message the server would give.
import * as v from "valibot";
import type { FieldErrors } from "../kit/problem";
import { type Draft, STEPS, type Step, toInput } from "./draft";
import { type FilingData, filingSchema } from "./filing-data";

/** The input fields each step asks for; `lat` carries the errors about the device's position. */
export const STEP_FIELDS: Record<Step, readonly string[]> = {
  category: ["categoryId"],
  place: ["addressText", "communityId", "placeId", "lat", "lng"],
  details: ["description", "photos"],
  contact: ["name", "callbackWanted", "phone", "consent"],
  review: [],
};

// Stand-ins for the steps not reached yet. The schema's cross-field checks (a community or a
// point; a phone with a callback) are skipped while any field fails its type (an unpicked category,
// the unticked consent literal), so the fields of later steps must be valid for them to run.
const later = (data: FilingData): Record<string, unknown> => ({
  categoryId: "other",
  addressText: "占位地址",
  communityId: data.communities[0]?.id,
  description: "尚未填写的描述",
  consent: true,
});

/** The step that asks for a field (server errors are sent back to it); the review step if none. */
export function stepOf(field: string): number {
  const i = STEPS.findIndex((s) => STEP_FIELDS[s].includes(field));
  return i === -1 ? STEPS.length - 1 : i;
}

/** Errors of the fields of steps 0..`step`, keyed by field; only the current step's are returned. */
export function stepErrors(data: FilingData, draft: Draft, step: number): FieldErrors {
  const reached = new Set(STEPS.slice(0, step + 1).flatMap((s) => STEP_FIELDS[s]));
  const input = toInput(data, draft) as Record<string, unknown>;
  const probe: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(later(data))) if (!reached.has(k)) probe[k] = value;
  for (const [k, value] of Object.entries(input)) if (reached.has(k)) probe[k] = value;
  return fieldErrors(data, probe, step === STEPS.length - 1 ? undefined : (STEPS[step] as Step));
}

function fieldErrors(data: FilingData, input: unknown, step?: Step): FieldErrors {
  const schema = filingSchema(data);
  const result = v.safeParse(schema, input);
  if (result.success) return {};
  const nested = v.flatten<typeof schema>(result.issues).nested ?? {};
  const errors: FieldErrors = {};
  for (const [field, messages] of Object.entries(nested)) {
    if (messages?.[0] && (!step || STEP_FIELDS[step].includes(field))) errors[field] = messages[0];
  }
  return errors;
}
