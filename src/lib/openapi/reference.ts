// What the reference pages (src/pages/developers/) show of the OpenAPI document, worked out at build
// time: each parameter or body field as a row (name, type, required, limits, words), each answer
// as a line. Read from the generated JSON Schema, so the page says what the API checks.

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema and OpenAPI objects are open-ended JSON.
type Json = Record<string, any>;

export interface FieldRow {
  name: string;
  /** Where a parameter travels: 路径, 查询, 请求头; empty for a body field. */
  where: string;
  type: string;
  required: boolean;
  limits: string[];
  description: string;
}

const WHERE: Record<string, string> = { path: "路径", query: "查询", header: "请求头", cookie: "Cookie" };
const TYPES: Record<string, string> = {
  string: "字符串",
  number: "数字",
  integer: "整数",
  boolean: "布尔",
  object: "对象",
  array: "数组",
  null: "null",
};
/** Past this many values an enumeration is shortened (the categories and places run to dozens). */
const ENUM_SHOWN = 8;

export function typeOf(schema: Json): string {
  if ("const" in schema) return `固定为 ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.anyOf))
    return [...new Set((schema.anyOf as Json[]).map(typeOf))].filter((t) => t !== "null").join(" 或 ");
  if (schema.type === "array") return `${typeOf(schema.items ?? {})}数组`;
  return TYPES[schema.type as string] ?? "任意";
}

export function limitsOf(schema: Json): string[] {
  const out: string[] = [];
  const range = (lo: unknown, hi: unknown, unit: string) => {
    if (lo !== undefined && hi !== undefined) out.push(lo === hi ? `${unit} ${lo}` : `${unit} ${lo}–${hi}`);
    else if (lo !== undefined) out.push(`${unit}至少 ${lo}`);
    else if (hi !== undefined) out.push(`${unit}至多 ${hi}`);
  };
  range(schema.minLength, schema.maxLength, "长度");
  range(schema.minimum, schema.maximum, "取值");
  range(schema.minItems, schema.maxItems, "个数");
  if (schema.format === "date") out.push("日期 YYYY-MM-DD");
  else if (schema.format) out.push(`格式 ${schema.format}`);
  if (schema.pattern) out.push(`须匹配 ${schema.pattern}`);
  if (Array.isArray(schema.enum)) {
    const values = (schema.enum as unknown[]).map(String);
    out.push(
      values.length > ENUM_SHOWN
        ? `取值：${values.slice(0, ENUM_SHOWN - 2).join("、")} 等 ${values.length} 个`
        : `取值：${values.join("、")}`,
    );
  }
  if ("default" in schema) out.push(`缺省为 ${JSON.stringify(schema.default)}`);
  if (Array.isArray(schema.anyOf)) for (const branch of schema.anyOf as Json[]) out.push(...limitsOf(branch));
  if (schema.type === "array" && schema.items) out.push(...limitsOf(schema.items).map((l) => `每项${l}`));
  return out;
}

/** An operation's parameters, in the order the document lists them (path, headers, query). */
export function parameterRows(op: Json): FieldRow[] {
  return ((op.parameters ?? []) as Json[]).map((p) => ({
    name: p.name,
    where: WHERE[p.in] ?? p.in,
    type:
      p.style === "form" && p.explode === false
        ? `${typeOf(p.schema?.items ?? {})}列表（逗号分隔）`
        : typeOf(p.schema ?? {}),
    required: p.required === true,
    limits: limitsOf(p.schema ?? {}),
    description: p.description ?? "",
  }));
}

/**
 * A body's fields. A body that is one of several objects (check-in by tap or by code) lists each
 * branch's fields, none of them required on its own.
 */
export function bodyRows(schema: Json | undefined): FieldRow[] {
  if (!schema) return [];
  if (Array.isArray(schema.anyOf) && !schema.properties)
    return (schema.anyOf as Json[]).flatMap((b) => bodyRows(b).map((r) => ({ ...r, required: false })));
  const required = new Set<string>(schema.required ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([name, s]) => ({
    name,
    where: "",
    type: typeOf(s),
    required: required.has(name),
    limits: limitsOf(s),
    description: s.description ?? "",
  }));
}

export interface AnswerRow {
  status: string;
  description: string;
  types: string[];
}

/** The answers, with a $ref to a shared problem response resolved against the document. */
export function answerRows(op: Json, doc: Json): AnswerRow[] {
  return Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) => {
    const resolved: Json = r.$ref ? (doc.components.responses[String(r.$ref).split("/").at(-1) as string] ?? {}) : r;
    return {
      status: status === "default" ? "其他" : status,
      description: status === "default" ? "其他错误（如 500），同样为 problem+json" : resolved.description,
      types: Object.keys(resolved.content ?? {}),
    };
  });
}

export const isBodyMethod = (method: string) => ["post", "put", "patch"].includes(method);
