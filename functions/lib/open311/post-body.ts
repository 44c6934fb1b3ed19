import { Open311Error } from "./errors";

/** A POST's fields by name: a field sent twice (`attribute[code][]`) keeps every value. */
export type Fields = Record<string, string | string[]>;

const FORM = /^application\/x-www-form-urlencoded\b/i;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

function fromForm(text: string): Fields {
  const fields: Fields = {};
  for (const [k, value] of new URLSearchParams(text)) {
    const had = fields[k];
    fields[k] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return fields;
}

const scalar = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : undefined;

/**
 * JSON, as apps that speak JSON send the same fields: scalars by the spec's names, and the
 * attributes either as the form's `"attribute[code]"` keys or as one object `"attribute": {code: value}`.
 */
function fromJson(text: string): Fields {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Open311Error(400, "请求体不是有效的 JSON。");
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new Open311Error(400, "请求体须为一个 JSON 对象。");
  }
  const fields: Fields = {};
  const put = (k: string, value: unknown) => {
    const one = scalar(value);
    const many = Array.isArray(value) ? value.map(scalar) : undefined;
    if (one !== undefined) fields[k] = one;
    else if (many?.every((s) => s !== undefined)) fields[k] = many as string[];
    else if (value !== null) throw new Open311Error(400, `${k} 的值须为文字或数字。`);
  };
  for (const [k, value] of Object.entries(doc)) {
    if (k === "attribute" && typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value)) put(`attribute[${code}]`, v);
    } else put(k, value);
  }
  return fields;
}

/**
 * The POST's fields: form-encoded as the spec has it, or JSON. Any other body is 400 (the spec
 * knows no 415). The body's size is limited before this reads it (see the route).
 */
export async function readFields(request: Request): Promise<Fields> {
  const type = request.headers.get("content-type") ?? "";
  // Read as bytes and decoded as UTF-8 (workerd warns when a form body is read with text()).
  const text = () => request.arrayBuffer().then((b) => new TextDecoder().decode(b));
  if (FORM.test(type)) return fromForm(await text());
  if (JSON_TYPE.test(type)) return fromJson(await text());
  throw new Open311Error(400, "请求体须为 application/x-www-form-urlencoded（按规范）或 application/json。");
}

/** The one value of a field; a field sent several times where one is meant is 400. */
export function single(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (Array.isArray(value)) throw new Open311Error(400, `${name} 只能提供一次。`);
  return value;
}

/** `attribute[code]` and `attribute[code][]` fields, by code. */
export function attributesOf(fields: Fields): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, value] of Object.entries(fields)) {
    const m = /^attribute\[([^\]]*)\](\[\])?$/.exec(k);
    if (!m) continue;
    const code = m[1] ?? "";
    out.set(code, [...(out.get(code) ?? []), ...(Array.isArray(value) ? value : [value])]);
  }
  return out;
}
