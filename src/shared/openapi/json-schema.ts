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
      if (valibotAction.type !== "check") return undefined;
      const format = formatOf((valibotAction as { requirement?: unknown }).requirement);
      return format ? { ...jsonSchema, ...format } : undefined;
    },
  }) as JsonSchema & { $schema?: string; $defs?: unknown };
  // A nested definition would be referenced from the schema's own root, not the document's.
  if (out.$defs) throw new Error("a schema with definitions (lazy) cannot be inlined into the OpenAPI document");
  const { $schema: _, ...rest } = out;
  return rest as JsonSchema;
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
