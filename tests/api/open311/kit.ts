import { env, exports } from "cloudflare:workers";
import { Validator } from "@cfworker/json-schema";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";
import { ORIGIN } from "../complaints/factories";
import request from "./schemas/request.json";
import requests from "./schemas/requests.json";
import service from "./schemas/service.json";
import serviceDefinition from "./schemas/service-definition.json";
import services from "./schemas/services.json";

export const BASE = "/open311/v2";
export const get = (path: string) => exports.default.fetch(`${ORIGIN}${BASE}${path}`);

// The published schemas refer to each other by file name ("$ref": "request.json"): each is given an
// id in one folder, so the references resolve among the copies and nothing is fetched.
const ID = "https://schemas.open311.test/georeport-v2/";
function validator(schema: object, name: string) {
  const v = new Validator({ ...schema, $id: `${ID}${name}` } as never, "7", false);
  v.addSchema({ ...request, $id: `${ID}request.json` } as never);
  v.addSchema({ ...service, $id: `${ID}service.json` } as never);
  return v;
}
const SCHEMAS = {
  requests: validator(requests, "requests.json"),
  services: validator(services, "services.json"),
  service_definition: validator(serviceDefinition, "service-definition.json"),
};

/** A JSON answer checked against the published GeoReport v2 schema for its resource. */
export function expectValid(kind: keyof typeof SCHEMAS, body: unknown) {
  const result = SCHEMAS[kind].validate(body);
  expect(result.errors.map((e) => `${e.instanceLocation}: ${e.error}`)).toEqual([]);
  expect(result.valid).toBe(true);
}

const LISTS = new Set(["service", "request", "attribute", "value", "endpoint", "format", "error"]);
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.has(name) });

/** An XML answer, checked well-formed by a real parser and parsed (every value a string, lists as arrays). */
export function parseXml(text: string): Record<string, unknown> {
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

/**
 * The same facts in XML as in JSON: every JSON value, written as text (null as an empty element),
 * is the XML element's text of the same name; a list is the wrapper's items in the same order.
 */
export function expectSameFacts(json: unknown, xml: unknown, at = "$") {
  if (Array.isArray(json)) {
    const items = xml === "" || xml === undefined ? [] : (Object.values(xml as object)[0] as unknown[]);
    expect(items?.length ?? 0, at).toBe(json.length);
    json.forEach((item, i) => {
      expectSameFacts(item, items[i], `${at}[${i}]`);
    });
  } else if (json !== null && typeof json === "object") {
    for (const [k, v] of Object.entries(json)) expectSameFacts(v, (xml as Record<string, unknown>)[k], `${at}.${k}`);
  } else {
    expect(xml ?? "", at).toBe(json === null ? "" : String(json));
  }
}

/** Both formats of one path: status and content type, the JSON, the XML parsed, and the facts alike. */
export async function both(path: string, status = 200) {
  const [j, x] = await Promise.all([get(path.replace("{f}", "json")), get(path.replace("{f}", "xml"))]);
  expect(j.status, path).toBe(status);
  expect(x.status, path).toBe(status);
  expect(j.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(x.headers.get("content-type")).toBe("text/xml; charset=utf-8");
  const json = (await j.json()) as unknown;
  const xmlText = await x.text();
  const xml = parseXml(xmlText);
  return { json, xml, xmlText };
}

/** An error in both formats: the spec's list of one {code, description}, with the HTTP status as code. */
export async function expectError(path: string, status: 400 | 403 | 404) {
  const { json, xml } = await both(path, status);
  expect(json).toEqual([{ code: status, description: expect.any(String) }]);
  expectSameFacts(json, xml.errors);
}

/** Moves a case as staff would, straight in the table: what Open311 publishes depends only on the row. */
export async function setCase(caseNumber: string, set: Record<string, string | number | null>) {
  const cols = Object.keys(set);
  await env.DB.prepare(`UPDATE complaints SET ${cols.map((c) => `${c} = ?`).join(", ")} WHERE case_number = ?`)
    .bind(...cols.map((c) => set[c] ?? null), caseNumber)
    .run();
}

/** A public reply by staff on the case's timeline, as the reply action writes it. */
export async function publicReply(caseNumber: string, note: string, at = new Date().toISOString()) {
  await env.DB.prepare(
    `INSERT INTO complaint_events (complaint_id, at, action, from_state, to_state, actor_kind, note, is_public, note_public)
     SELECT id, ?, 'reply', state, state, 'staff', ?, 1, 1 FROM complaints WHERE case_number = ?`,
  )
    .bind(at, note, caseNumber)
    .run();
}
