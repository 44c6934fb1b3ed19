// The query strings of Open311's read endpoints (functions/routes/open311/), validated by the
// Worker before a handler reads them and described by the OpenAPI document from the same schemas.
import * as v from "valibot";
import { CATEGORY_IDS } from "../complaints/categories.ts";
import { CaseNumberSchema } from "../complaints/schemas.ts";

/** GeoReport v2's longest window between start_date and end_date, and its default window. */
export const MAX_WINDOW_DAYS = 90;
/** The default window's other bound: at most this many requests, newest first. */
export const DEFAULT_WINDOW_REQUESTS = 1000;
/**
 * The page/page_size extension (as SeeClickFix has it): a page's default and largest size. 20 by
 * default, as the website's own public list and SeeClickFix: a page of 50 cost the Worker twice
 * the platform floor's CPU per request (`npm run bench`), which the list must stay within 60 % of.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
export const MAX_PAGE = 500;
/** At most this many ids in one `service_request_id` list. */
export const MAX_REQUEST_IDS = 100;

const DAY_MS = 86_400_000;

/** "a,b, c" → ["a", "b", "c"]; then each item checked by `item`, at most `max` of them. */
const commaList = <S extends v.GenericSchema<string, string>>(item: S, max: number, what: string) =>
  v.pipe(
    v.string(),
    v.maxLength(max * 40, `${what}过多`),
    v.transform((s) => s.split(",").map((x) => x.trim())),
    v.check((xs) => xs.every((x) => x !== ""), `${what}不能为空`),
    v.maxLength(max, `${what}最多 ${max} 个`),
    v.array(item),
  );

// W3C date-time (the spec's format): seconds and fraction optional, an offset required. A "+" in an
// unencoded query string arrives as a space: read back as the "+" it was.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+\- ]\d{2}:\d{2})$/;
const DateTimeSchema = (field: string) =>
  v.pipe(
    v.string(),
    v.regex(DATE_TIME, `${field} 须为带时区的 ISO 8601 时间，如 2026-12-01T00:00:00+08:00`),
    v.transform((s) => s.replace(/ (\d{2}:\d{2})$/, "+$1")),
    v.check((s) => !Number.isNaN(Date.parse(s)), `${field} 不是有效的时间`),
    v.transform((s) => new Date(s).toISOString()),
  );

const intParam = (field: string, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/, `${field} 须为正整数`),
    v.transform(Number),
    v.minValue(1, `${field} 须为正整数`),
    v.maxValue(max, `${field} 不能超过 ${max}`),
  );

/** Every Open311 resource accepts `jurisdiction_id`; ours is one, checked by the handler (unknown → 404). */
export const JurisdictionQuerySchema = v.object({ jurisdiction_id: v.optional(v.string()) });

export const RequestsQuerySchema = v.pipe(
  v.object({
    jurisdiction_id: v.optional(v.string()),
    /** Case numbers; when given, every other parameter is ignored (the spec's rule). */
    service_request_id: v.optional(commaList(CaseNumberSchema, MAX_REQUEST_IDS, "service_request_id ")),
    service_code: v.optional(
      commaList(v.picklist(CATEGORY_IDS, "没有这个 service_code"), CATEGORY_IDS.length, "service_code "),
    ),
    start_date: v.optional(DateTimeSchema("start_date")),
    end_date: v.optional(DateTimeSchema("end_date")),
    status: v.optional(commaList(v.picklist(["open", "closed"], "status 只能为 open 或 closed"), 2, "status ")),
    page: v.optional(intParam("page", MAX_PAGE)),
    page_size: v.optional(intParam("page_size", MAX_PAGE_SIZE)),
  }),
  v.check((q) => !q.start_date || !q.end_date || q.start_date <= q.end_date, "start_date 不能晚于 end_date"),
  v.check(
    (q) =>
      !q.start_date || !q.end_date || Date.parse(q.end_date) - Date.parse(q.start_date) <= MAX_WINDOW_DAYS * DAY_MS,
    `start_date 与 end_date 最多相隔 ${MAX_WINDOW_DAYS} 天`,
  ),
);
export type RequestsQuery = v.InferOutput<typeof RequestsQuerySchema>;

/**
 * The window a list query reads, [from, to] as ISO instants: what was asked, one side filled in
 * from the other (at most 90 days), or the default: the last 90 days, at most 1,000 requests.
 */
export function requestsWindow(
  q: Pick<RequestsQuery, "start_date" | "end_date">,
  now = Date.now(),
): { from: string; to: string; cap: number | null } {
  const iso = (ms: number) => new Date(ms).toISOString();
  const span = MAX_WINDOW_DAYS * DAY_MS;
  if (q.start_date && q.end_date) return { from: q.start_date, to: q.end_date, cap: null };
  if (q.start_date) return { from: q.start_date, to: iso(Date.parse(q.start_date) + span), cap: null };
  if (q.end_date) return { from: iso(Date.parse(q.end_date) - span), to: q.end_date, cap: null };
  return { from: iso(now - span), to: iso(now), cap: DEFAULT_WINDOW_REQUESTS };
}
