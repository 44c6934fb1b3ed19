// `POST requests.{json,xml}`: the spec's fields as this portal accepts them, validated by the
// Worker (functions/routes/open311/post.ts) before anything is mapped onto the website's filing.
import * as v from "valibot";
import { Latitude, Longitude, MAX_DESCRIPTION } from "../complaints/filing-schema.ts";
import { mobileSchema } from "../complaints/schemas.ts";
import { PlainLine, PlainText } from "../text.ts";

/**
 * Markup in a description: a tag's start (`<b`, `</`, `<!`, `<?`) or a character reference
 * (`&amp;`, `&#60;`). Refused rather than stripped: what the app sent is filed as it is or not at all.
 */
const MARKUP = /<[A-Za-z/!?]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** A decimal degree as a form field carries it: "30.3168", "-122.4651". */
const Degrees = (field: string) =>
  v.pipe(
    v.string(`${field} 须为数字`),
    v.trim(),
    v.regex(/^-?\d{1,3}(\.\d{1,15})?$/, `${field} 须为十进制度数，如 30.3168`),
    v.transform(Number),
  );

const Line = (field: string, max: number) =>
  v.pipe(v.string(`${field} 须为文字`), PlainLine, v.trim(), v.maxLength(max, `${field} 不超过 ${max} 个字`));

export const Open311PostSchema = v.object({
  jurisdiction_id: v.optional(v.pipe(v.string(), v.maxLength(100, "jurisdiction_id 过长"))),
  service_code: v.pipe(v.string("缺少 service_code"), v.trim(), v.maxLength(40, "service_code 不存在")),
  lat: v.optional(v.pipe(Degrees("lat"), Latitude)),
  long: v.optional(v.pipe(Degrees("long"), Longitude)),
  address_string: v.optional(
    v.pipe(
      v.string("address_string 须为文字"),
      PlainLine,
      v.trim(),
      v.minLength(2, "address_string 至少 2 个字"),
      v.maxLength(120, "address_string 不超过 120 个字"),
    ),
  ),
  /** A road or place of the gazetteer, by its id (services/… and requests/… publish these). */
  address_id: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,60}$/, "address_id 不是本区地名库的编号"))),
  /** Accepted as the spec has it, never stored: the bureau calls back by phone only. */
  email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254, "email 过长"), v.email("email 格式不正确"))),
  device_id: v.optional(Line("device_id", 200)),
  account_id: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^[\w.@:-]{1,64}$/, "account_id 须为 1–64 个字母、数字或 _.@:-")),
  ),
  first_name: v.optional(Line("first_name", 20)),
  last_name: v.optional(Line("last_name", 20)),
  phone: v.optional(mobileSchema("phone 须为 11 位手机号码")),
  description: v.pipe(
    v.string("请描述问题（description）"),
    v.check((s) => !MARKUP.test(s), "description 不能包含 HTML 标记"),
    PlainText,
    v.trim(),
    v.minLength(5, "description 至少 5 个字"),
    v.maxLength(MAX_DESCRIPTION, `description 不超过 ${MAX_DESCRIPTION} 个字`),
  ),
  /** A link recorded for staff: never fetched by the portal, never shown publicly. */
  media_url: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(2048, "media_url 过长"),
      v.url("media_url 须为网址"),
      v.check((u) => /^https?:\/\//i.test(u), "media_url 须为 http 或 https 网址"),
    ),
  ),
});
export type Open311Post = v.InferOutput<typeof Open311PostSchema>;

/** `attribute[code]` (or `attribute[code][]` for a list), at most this many. */
export const MAX_ATTRIBUTES = 20;
export const AttributeCodeSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, "属性编号不正确"));
export const AttributeValueSchema = v.pipe(
  v.string(),
  PlainLine,
  v.trim(),
  v.check((s) => !MARKUP.test(s), "属性值不能包含 HTML 标记"),
  v.maxLength(200, "属性值不超过 200 个字"),
);

/** One filed request as `POST requests` answers it (the spec's list holds this one item). */
export interface Open311Filed {
  token: string;
  service_notice: string;
  account_id?: string;
  /**
   * The website's tracking link, for the resident: the published JSON Schema (RequestResponse)
   * does not forbid further properties. It opens the case's personal data: give it to the
   * resident only.
   */
  tracking_url: string;
}

/** `tokens/{token}`: the case's number once it has a public page, else only the token. */
export interface Open311Token {
  token: string;
  service_request_id?: string;
}
