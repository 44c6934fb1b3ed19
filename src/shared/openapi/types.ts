// The description of one public endpoint, written next to its feature (src/shared/<feature>/api-doc.ts)
// and assembled into the OpenAPI document by document.ts. Request schemas are the valibot schemas the
// handlers validate with; the document converts them, so a changed limit changes the document too.
import type * as v from "valibot";

export type Schema = v.GenericSchema;
export type Method = "get" | "post" | "put" | "delete";

/** A path parameter or a header: the schema the handler parses it with. */
export interface ParamDoc {
  description: string;
  schema: Schema;
  /** Headers only: true unless said otherwise (a path parameter is always required). */
  required?: boolean;
}

/**
 * Media type → the valibot schema of that body, or `null` where no schema describes it (a photo, a
 * calendar file, a feed): the response's or body's description says what it is.
 */
export type Content = Record<string, Schema | null>;

export interface BodyDoc {
  description?: string;
  content: Content;
  /** Words for the body's fields, by name (a name the schema lacks fails the build of the document). */
  fields?: Record<string, string>;
}

export interface ResponseDoc {
  description: string;
  content?: Content;
  /** Response headers worth naming (Location, Retry-After, ETag…), with what they carry. */
  headers?: Record<string, string>;
}

export interface RouteDoc {
  method: Method;
  /** The OpenAPI path template, e.g. "/api/complaints/cases/{caseNumber}". */
  path: string;
  summary: string;
  description?: string;
  params?: Record<string, ParamDoc>;
  headers?: Record<string, ParamDoc>;
  /** The query's object schema: each of its fields becomes one query parameter. */
  query?: { schema: Schema; fields?: Record<string, string> };
  body?: BodyDoc;
  /** The answers that are not errors (and Open311's errors, which are not problem+json). */
  responses: Record<number, ResponseDoc>;
  /** The statuses this route answers with an RFC 9457 problem, beyond those every /api route may give. */
  problems?: number[];
}

/** One feature's part of the document: a tag (a section of the reference page) and its routes. */
export interface ApiSection {
  tag: string;
  title: string;
  description: string;
  routes: RouteDoc[];
}
