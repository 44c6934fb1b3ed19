// Valibot schemas to JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) with
// @valibot/to-json-schema. The whole pipeline is converted (typeMode "ignore"): a field's limits
// usually come after `trim` or another transformation, and the limits are what a client needs.
// What JSON Schema cannot say (a transformation, a check across fields) is left out; the route's
// description says it where it matters.
import { type JsonSchema, toJsonSchema } from "@valibot/to-json-schema";
import { isDay, isMonth } from "../time.ts";
import type { Schema } from "./types.ts";

export type { JsonSchema };

/** Custom checks the shared schemas use that mean a format JSON Schema knows. */
function formatOf(requirement: unknown): JsonSchema | undefined {
  if (requirement === isDay) return { format: "date" };
  if (requirement === isMonth) return { pattern: "^\\d{4}-(0[1-9]|1[0-2])$" };
  return undefined;
}

/** A schema as JSON Schema, without `$schema` (the document's dialect says it once). */
export function jsonSchemaOf(schema: Schema): JsonSchema {
  const out = toJsonSchema(schema, {
    target: "draft-2020-12",
    typeMode: "ignore",
    errorMode: "ignore",
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const requirement = (valibotAction as { requirement?: unknown }).requirement;
      if (valibotAction.type === "check") {
        const format = formatOf(requirement);
        return format ? { ...jsonSchema, ...format } : undefined;
      }
      if ((valibotAction.type === "min_value" || valibotAction.type === "max_value") && jsonSchema.type === "string")
        return numberFromText(jsonSchema, valibotAction.type === "min_value" ? "minimum" : "maximum", requirement);
      return undefined;
    },
  }) as JsonSchema & { $schema?: string; $defs?: unknown };
  // A nested definition would be referenced from the schema's own root, not the document's.
  if (out.$defs) throw new Error("a schema with definitions (lazy) cannot be inlined into the OpenAPI document");
  const { $schema: _, ...rest } = out;
  return tidy(rest as JsonSchema);
}

/**
 * A query's number arrives as text ("20"): its pipe checks digits, turns them into a number and
 * bounds that. As JSON Schema it is the number with its bounds (a query parameter's value is text
 * anyway), an integer when the digits' pattern allows no point.
 */
function numberFromText(json: JsonSchema, bound: "minimum" | "maximum", value: unknown): JsonSchema {
  const { pattern, ...rest } = json as { pattern?: string };
  const integer = !pattern || /^\^\\d/.test(pattern);
  return { ...rest, type: integer ? "integer" : "number", [bound]: value } as JsonSchema;
}

/**
 * What a pipe that changes type leaves behind: a comma list is checked as text, then as an array,
 * so its count arrives as maxLength; a number read from text keeps its default as text.
 */
function tidy(json: JsonSchema): JsonSchema {
  if (typeof json !== "object" || json === null) return json;
  const out: Record<string, unknown> = { ...json };
  if (out.type === "array") {
    if (out.maxLength !== undefined) out.maxItems = out.maxLength;
    if (out.minLength !== undefined) out.minItems = out.minLength;
    delete out.maxLength;
    delete out.minLength;
  }
  if ((out.type === "integer" || out.type === "number") && typeof out.default === "string")
    out.default = Number(out.default);
  for (const key of ["items", "not"] as const) if (out[key]) out[key] = tidy(out[key] as JsonSchema);
  for (const key of ["anyOf", "allOf", "oneOf"] as const)
    if (Array.isArray(out[key])) out[key] = (out[key] as JsonSchema[]).map(tidy);
  if (out.properties)
    out.properties = Object.fromEntries(
      Object.entries(out.properties as Record<string, JsonSchema>).map(([k, p]) => [k, tidy(p)]),
    );
  return out as JsonSchema;
}

/** An object schema's fields with the words a route gives them; a word for a field it lacks is an error. */
export function withFieldWords(
  json: JsonSchema,
  fields: Record<string, string> | undefined,
  where: string,
): JsonSchema {
  if (!fields) return json;
  const props = (json as { properties?: Record<string, JsonSchema> }).properties;
  const branches = (json as { anyOf?: JsonSchema[] }).anyOf;
  if (!props && branches) return { ...json, anyOf: branches.map((b) => withFieldWordsLoose(b, fields)) } as JsonSchema;
  if (!props) throw new Error(`${where}: field words given for a schema without fields`);
  for (const name of Object.keys(fields))
    if (!(name in props)) throw new Error(`${where}: the schema has no field "${name}"`);
  return withFieldWordsLoose(json, fields);
}

function withFieldWordsLoose(json: JsonSchema, fields: Record<string, string>): JsonSchema {
  const props = (json as { properties?: Record<string, JsonSchema> }).properties ?? {};
  const described = Object.fromEntries(
    Object.entries(props).map(([k, p]) => [
      k,
      fields[k] && typeof p === "object" ? { ...(p as object), description: fields[k] } : p,
    ]),
  );
  return { ...json, properties: described } as JsonSchema;
}
