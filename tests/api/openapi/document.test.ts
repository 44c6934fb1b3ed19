import { exports } from "cloudflare:workers";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { openApiDocument, templateNames } from "../../../src/shared/openapi/document";
import { ProblemSchema } from "../../../src/shared/openapi/problem";

/**
 * Public by rule: everything under /api but the staff API, and Open311. The pages the Worker
 * answers (a case's page) are not API; "ALL" entries are middleware, not routes.
 */
const isPublic = (path: string) =>
  (path.startsWith("/api/") && !path.startsWith("/api/staff/") && path !== "/api/staff") ||
  path.startsWith("/open311/");

/**
 * A Hono path as an OpenAPI template: ":id{[0-9]{1,10}}" → "{id}" (the pattern's braces nest), and
 * a pattern's literal start kept: ":file{discovery\\.[^/]*}" → "discovery.{file}".
 */
function toTemplate(path: string): string {
  let out = "";
  for (let i = 0; i < path.length; ) {
    const m = /^:(\w+)\??/.exec(path.slice(i));
    if (!m) {
      out += path[i++];
      continue;
    }
    i += m[0].length;
    let pattern = "";
    if (path[i] === "{")
      for (let depth = 0; i < path.length; i++) {
        if (path[i] === "{") depth++;
        else if (path[i] === "}" && --depth === 0) {
          i++;
          break;
        }
        if (depth > 1 || path[i] !== "{") pattern += path[i];
      }
    // A literal start is a prefix of every match only without a top-level alternation ("json|xml").
    const alternates = pattern
      .replace(/\\./g, "")
      .replace(/\((?:[^()]|\([^()]*\))*\)/g, "")
      .includes("|");
    const literal = alternates ? "" : (/^(?:[A-Za-z0-9_-]|\\[./_-])*/.exec(pattern)?.[0] ?? "");
    out += literal.replace(/\\(.)/g, "$1") + (literal.length < pattern.length || !pattern ? `{${m[1]}}` : "");
  }
  return out;
}

/**
 * What is compared: the method and the path's shape, each segment as its literal start and "{}"
 * where a parameter begins, so the document may name the parts of "{id}.{format}" as the spec does.
 */
const shape = (path: string) =>
  path
    .split("/")
    .map((seg) => (seg.includes("{") ? `${seg.slice(0, seg.indexOf("{"))}{}` : seg))
    .join("/");

const served = [
  ...new Set(
    app.routes
      .filter((r) => r.method !== "ALL" && isPublic(r.path))
      .map((r) => `${r.method} ${shape(toTemplate(r.path))}`),
  ),
].sort();

const doc = openApiDocument();
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const described = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
  .flatMap(([path, item]) =>
    Object.keys(item)
      .filter((k) => METHODS.includes(k))
      .map((m) => `${m.toUpperCase()} ${shape(path)}`),
  )
  .sort();

describe("the OpenAPI document covers exactly the public routes", () => {
  it("turns Hono's patterns into templates", () => {
    expect(toTemplate("/api/complaints/photos/:id{[0-9]{1,10}}")).toBe("/api/complaints/photos/{id}");
    expect(toTemplate("/api/complaints/:file{open-data\\.(?:json|csv)}")).toBe("/api/complaints/open-data.{file}");
    expect(toTemplate("/open311/v2/:file{discovery\\.[^/]*}")).toBe("/open311/v2/discovery.{file}");
    expect(toTemplate("/open311/v2/:file{discovery\\.json}")).toBe("/open311/v2/discovery.json");
    expect(toTemplate("/open311/v2/requests/:id{[^/]+}.:format{json|xml}")).toBe("/open311/v2/requests/{id}.{format}");
    expect(shape("/open311/v2/requests/{service_request_id}.{format}")).toBe("/open311/v2/requests/{}");
  });

  it("finds the public routes, and no staff route among them", () => {
    expect(served.length).toBeGreaterThanOrEqual(50);
    expect(served.filter((r) => r.includes("/api/staff"))).toEqual([]);
    expect(described.filter((r) => r.includes("/api/staff"))).toEqual([]);
  });

  it("describes every route the app serves", () => {
    expect(
      served.filter((r) => !described.includes(r)),
      "describe these in src/shared/<feature>/api-doc.ts",
    ).toEqual([]);
  });

  it("describes no route the app does not serve", () => {
    expect(
      described.filter((r) => !served.includes(r)),
      "remove these from the api-doc",
    ).toEqual([]);
  });
});

describe("the document is OpenAPI 3.1 in shape", () => {
  it("names its version, info and dialect", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.jsonSchemaDialect).toBe("https://spec.openapis.org/oas/3.1/dialect/base");
  });

  const operations = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op })),
  );

  it.each(operations)("$key declares each of its path's parameters, required, and no other", ({ path, op }) => {
    const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: unknown }[];
    const inPath = params.filter((p) => p.in === "path");
    expect(inPath.map((p) => p.name).sort()).toEqual(templateNames(path).sort());
    for (const p of inPath) expect(p.required).toBe(true);
    for (const p of params) {
      expect(["path", "query", "header", "cookie"]).toContain(p.in);
      expect(p.schema, `${p.in} ${p.name}`).toBeTypeOf("object");
    }
    expect(new Set(params.map((p) => `${p.in} ${p.name}`)).size).toBe(params.length);
  });

  it.each(operations)("$key has a unique operationId, a summary and responses", ({ op }) => {
    expect(op.operationId).toMatch(/^\w+$/);
    expect(op.summary).toBeTruthy();
    expect(Object.keys(op.responses as object).length).toBeGreaterThan(0);
    for (const status of Object.keys(op.responses as object)) expect(status).toMatch(/^([1-5]\d\d|default)$/);
  });

  it("gives every operation its own operationId", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("resolves every $ref inside the document", () => {
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object")
        for (const [k, val] of Object.entries(node))
          k === "$ref" && typeof val === "string" ? refs.push(val) : walk(val);
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split("/")
        .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeTypeOf("object");
    }
  });

  it("carries the request schemas the handlers validate with, limits included", () => {
    const filing = doc.paths["/api/complaints"].post.requestBody.content["application/json"].schema;
    expect(filing.properties.description).toMatchObject({ type: "string", minLength: 5, maxLength: 4000 });
    expect(filing.required).toContain("consent");
    const list = doc.paths["/api/sweeps"].get.parameters as { name: string; schema: { format?: string } }[];
    expect(list.find((p) => p.name === "from")?.schema.format).toBe("date");
    const cases = doc.paths["/api/complaints"].get.parameters as { name: string; schema: object }[];
    expect(cases.find((p) => p.name === "limit")?.schema).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 100,
      default: 20,
    });
  });

  it("describes a comma list as one unexploded form value, counted in items", () => {
    const params = doc.paths["/open311/v2/requests.{format}"].get.parameters as Record<string, unknown>[];
    const status = params.find((p) => p.name === "status");
    expect(status).toMatchObject({
      in: "query",
      style: "form",
      explode: false,
      schema: { type: "array", maxItems: 2 },
    });
    expect(JSON.stringify(doc)).not.toMatch(/"type":"array"[^{}]*"maxLength"/);
  });
});

describe("GET /api/openapi.json", () => {
  it("serves the document, cacheable, and 304 for its ETag", async () => {
    const res = await exports.default.fetch("http://portal.test/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    const again = await exports.default.fetch("http://portal.test/api/openapi.json", {
      headers: { "if-none-match": etag ?? "" },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
  });
});

describe("the errors the document promises", () => {
  it("are problem+json of the documented shape (a 404 and a 422)", async () => {
    const missing = await exports.default.fetch("http://portal.test/api/complaints/cases/261127-0042");
    const invalid = await exports.default.fetch("http://portal.test/api/complaints/hotspots?days=7");
    for (const [res, status] of [
      [missing, 404],
      [invalid, 422],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const body = await res.json();
      expect(v.safeParse(ProblemSchema, body).issues).toBeUndefined();
    }
  });
});
