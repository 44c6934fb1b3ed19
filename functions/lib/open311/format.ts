import { OPEN311_FORMATS, type Open311Format } from "../../../src/shared/open311/jurisdiction";
import { Open311Error } from "./errors";

/**
 * GeoReport v2's two formats. A resource is asked for by its path with a suffix
 * (`services.json`, `requests/261201-9107.xml`); the same value is written as JSON or as the
 * spec's XML, where a list is a wrapper element holding one element per item.
 */

const isFormat = (s: string): s is Open311Format => (OPEN311_FORMATS as readonly string[]).includes(s);

/**
 * A path segment's name and format: `261201-9107.xml` → `{ name: "261201-9107", format: "xml" }`.
 * No suffix, or one we do not speak, is an unknown resource (404), as the spec has it.
 */
export function splitSuffix(file: string): { name: string; format: Open311Format } {
  const dot = file.lastIndexOf(".");
  const format = dot < 0 ? "" : file.slice(dot + 1);
  if (dot <= 0 || !isFormat(format)) throw new Open311Error(404, "没有这个资源：路径须以 .json 或 .xml 结尾。");
  return { name: file.slice(0, dot), format };
}

/** The format an error is written in: the path's suffix when it names one, JSON otherwise. */
export function formatOfPath(path: string): Open311Format {
  return /\.xml$/i.test(path) ? "xml" : "json";
}

/**
 * The element each item of a list is written as, by the list's own name (the spec's XML:
 * `<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 */
const ITEM_TAG: Record<string, string> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  endpoints: "endpoint",
  formats: "format",
  errors: "error",
};

// XML 1.0 §2.2: these code points cannot appear in a document even escaped (most C0 controls,
// lone surrogates, U+FFFE/U+FFFF), so a stored string that holds one loses it, not the document.
const MAYBE_NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  cp >= 0x10000;

function xmlChars(text: string): string {
  if (!MAYBE_NOT_XML.test(text)) return text;
  let out = "";
  // Iterating by code point: a pair is one astral character, a lone surrogate is its own.
  for (const ch of text) if (isXmlChar(ch.codePointAt(0) as number)) out += ch;
  return out;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text content escaped for XML: the five entities, and what XML 1.0 forbids removed. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string);
}

/** One element and what it holds; `null`/`undefined` is an empty element, as the spec's examples write them. */
function element(tag: string, value: unknown): string {
  if (value === null || value === undefined) return `<${tag}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_TAG[tag] ?? "item";
    return `<${tag}>${value.map((v) => element(item, v)).join("")}</${tag}>`;
  }
  if (typeof value === "object") {
    const children = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join("");
    return `<${tag}>${children}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** A whole document: `toXml("services", [...])` → `<?xml …?><services><service>…</service></services>`. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}`;
}

export const CONTENT_TYPE: Record<Open311Format, string> = {
  json: "application/json; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};

/**
 * An Open311 answer: `value` as JSON, or as XML under `root` (the spec's root element for the
 * resource: `discovery`, `services`, `service_definition`, `service_requests`, `errors`).
 *
 * @example
 * return open311Response("xml", "services", services, 200);
 */
export function open311Response(
  format: Open311Format,
  root: string,
  value: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  const body = format === "xml" ? toXml(root, value) : JSON.stringify(value);
  return new Response(body, { status, headers: { "content-type": CONTENT_TYPE[format], ...headers } });
}

/** The spec's error list for one error, in the format asked. */
export function open311ErrorResponse(format: Open311Format, err: Open311Error): Response {
  return open311Response(format, "errors", [{ code: err.code, description: err.description }], err.status);
}
