// The OpenAPI 3.1 document of every public endpoint, assembled from the features' descriptions
// (src/shared/<feature>/api-doc.ts). The Worker serves it at /api/openapi.json
// (functions/routes/openapi.ts) and the reference pages (src/pages/developers/) are built from it;
// tests/api/openapi/ compares its paths with the app's route table.
import { appointmentsApi } from "../appointments/api-doc.ts";
import { complaintsApi } from "../complaints/api-doc.ts";
import { open311Api } from "../open311/api-doc.ts";
import { BUREAU } from "../publishing.ts";
import { sweepsApi } from "../sweeps/api-doc.ts";
import { type JsonSchema, jsonSchemaOf, withFieldWords } from "./json-schema.ts";
import { platformApi } from "./platform-doc.ts";
import { PROBLEM_STATUSES, ProblemSchema } from "./problem.ts";
import type { ApiSection, Content, RouteDoc } from "./types.ts";

/** The sections in the order the reference page lists them. */
export const API_SECTIONS: ApiSection[] = [complaintsApi, sweepsApi, appointmentsApi, open311Api, platformApi];

export const OPENAPI_VERSION = "3.1.1";

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is open-ended JSON.
export type OpenApiDocument = Record<string, any>;

const PROBLEM_REF = "#/components/schemas/Problem";

function content(c: Content | undefined, fields?: Record<string, string>, where = "") {
  if (!c) return undefined;
  return Object.fromEntries(
    Object.entries(c).map(([type, schema]) => [
      type,
      schema ? { schema: withFieldWords(jsonSchemaOf(schema), fields, where) } : {},
    ]),
  );
}

/** The names in a path template, e.g. ["caseNumber"] for /api/complaints/cases/{caseNumber}. */
export const templateNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

function parameters(route: RouteDoc, where: string) {
  const names = templateNames(route.path);
  const given = Object.keys(route.params ?? {});
  if (names.join() !== given.join()) throw new Error(`${where}: path names ${names} but params ${given}`);
  const out: Record<string, unknown>[] = [];
  for (const [name, p] of Object.entries(route.params ?? {}))
    out.push({ name, in: "path", required: true, description: p.description, schema: jsonSchemaOf(p.schema) });
  for (const [name, p] of Object.entries(route.headers ?? {}))
    out.push({
      name,
      in: "header",
      required: p.required ?? true,
      description: p.description,
      schema: jsonSchemaOf(p.schema),
    });
  if (route.query) {
    const json = withFieldWords(jsonSchemaOf(route.query.schema), route.query.fields, where) as {
      properties?: Record<string, JsonSchema & { description?: string }>;
      required?: string[];
    };
    if (!json.properties) throw new Error(`${where}: a query schema must be an object`);
    for (const [name, { description, ...schema }] of Object.entries(json.properties))
      out.push({
        name,
        in: "query",
        required: json.required?.includes(name) ?? false,
        description,
        // A list travels as one comma-separated value (status=open,closed), OpenAPI's form style unexploded.
        ...((schema as { type?: string }).type === "array" && { style: "form", explode: false }),
        schema,
      });
  }
  return out.length ? out : undefined;
}

function operation(route: RouteDoc, tag: string) {
  const where = `${route.method.toUpperCase()} ${route.path}`;
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses))
    responses[status] = {
      description: r.description,
      ...(r.headers && {
        headers: Object.fromEntries(
          Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]),
        ),
      }),
      ...(r.content && { content: content(r.content) }),
    };
  for (const status of route.problems ?? []) responses[status] = { $ref: `#/components/responses/Problem${status}` };
  // Any /api route may still answer a problem the app gives everywhere (413, 500…).
  if (route.path.startsWith("/api/")) responses.default = { $ref: "#/components/responses/Problem" };
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w?)/g, (_, c: string) => c.toUpperCase())}`,
    tags: [tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    ...(parameters(route, where) && { parameters: parameters(route, where) }),
    ...(route.body && {
      requestBody: {
        required: true,
        ...(route.body.description && { description: route.body.description }),
        content: content(route.body.content, route.body.fields, where),
      },
    }),
    responses,
  };
}

function problemResponses() {
  const body = { "application/problem+json": { schema: { $ref: PROBLEM_REF } } };
  const out: Record<string, unknown> = { Problem: { description: "RFC 9457 问题详情", content: body } };
  for (const [status, description] of Object.entries(PROBLEM_STATUSES))
    out[`Problem${status}`] = { description, content: body };
  return out;
}

function build(): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const section of API_SECTIONS)
    for (const route of section.routes) {
      paths[route.path] ??= {};
      const item = paths[route.path] as Record<string, unknown>;
      if (item[route.method]) throw new Error(`${route.method} ${route.path} is described twice`);
      item[route.method] = operation(route, section.tag);
    }
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: `${BUREAU.name} 市民参与门户 公开接口`,
      version: "1.0.0",
      description:
        "门户网站所用的公开接口与 Open311 GeoReport v2。错误以 RFC 9457 application/problem+json 返回（Open311 接口按其规范返回错误列表）。" +
        "请求体除照片上传外不超过 64 KB。工作人员接口（/api/staff/）不在此列。",
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: "/" }],
    externalDocs: { description: "开放接口说明", url: "/developers/" },
    tags: API_SECTIONS.map((s) => ({ name: s.tag, description: `${s.title}：${s.description}` })),
    paths,
    components: { schemas: { Problem: jsonSchemaOf(ProblemSchema) }, responses: problemResponses() },
  };
}

let built: OpenApiDocument | undefined;

/** The document, built once per isolate (or build). */
export function openApiDocument(): OpenApiDocument {
  built ??= build();
  return built;
}
