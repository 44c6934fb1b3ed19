import * as v from "valibot";
import { COMMUNITIES } from "../geo.ts";
import { MAX_PERIOD_DAYS, periodSchema } from "../period.ts";
import { PlainText } from "../text.ts";
import { CATEGORY_IDS } from "./categories.ts";
import { fileComplaintSchema, Latitude, Longitude, MOBILE, placeIdSchema } from "./filing-schema.ts";
import { PLACES } from "./places.ts";
import { RATINGS } from "./states.ts";

// Inputs of the public complaint endpoints, shared by the API (validation) and the filing island
// (the same messages next to the fields).

export {
  type FileComplaint,
  type FileComplaintInput,
  MAX_DESCRIPTION,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  MOBILE,
  NEARBY_DAYS,
  NEARBY_METRES,
  PLACE_ELSEWHERE,
} from "./filing-schema.ts";

/** A gazetteer id; whether it belongs to the case's community is checked where the community is known. */
export const PlaceIdSchema = placeIdSchema(PLACES);

export const FileComplaintSchema = fileComplaintSchema({
  categoryIds: CATEGORY_IDS,
  communityIds: COMMUNITIES.map((c) => c.id),
  places: PLACES,
});

/** 8–64 URL-safe characters: a UUID fits. */
export const IdempotencyKeySchema = v.pipe(
  v.string("缺少 Idempotency-Key 请求头"),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, "Idempotency-Key 须为 8–64 个字母、数字、- 或 _"),
);

/** The tracking secret: 128 bits, base64url. */
export const TrackingTokenSchema = v.pipe(v.string("缺少查询凭证"), v.regex(/^[A-Za-z0-9_-]{22}$/, "查询凭证无效"));

/** Full-width digits and dashes (a Chinese input method's) as ASCII; spaces of every width out. */
function asciiDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–‐]/g, "-")
    .replace(/[\s\u3000]/g, "");
}

/**
 * A case number as people copy it: as the pages show it ("261 127 - 0042"), without the dash
 * ("2611270042") or in full-width digits; read as "261127-0042".
 */
export const CaseNumberSchema = v.pipe(
  v.string("请填写案件编号"),
  v.transform((text) => {
    const plain = asciiDigits(text);
    const digits = /^\d{10,12}$/.test(plain.replace("-", "")) ? plain.replace("-", "") : null;
    return digits ? `${digits.slice(0, 6)}-${digits.slice(6)}` : plain;
  }),
  v.regex(/^\d{6}-\d{4,6}$/, "案件编号形如 261127-0042"),
);

/** A mainland mobile number as people type it: "139 1234 5678", "139-1234-5678", "+86 139…", "0086…". */
export function mobileSchema(message: string) {
  return v.pipe(
    v.string(message),
    v.transform((text) =>
      asciiDigits(text)
        .replace(/-/g, "")
        .replace(/^(\+86|0086)(?=\d{11}$)/, ""),
    ),
    v.regex(MOBILE, message),
  );
}

export const TrackByPhoneSchema = v.object({
  caseNumber: CaseNumberSchema,
  phone: mobileSchema("请填写提交时留下的 11 位手机号码"),
});

export const RateSchema = v.object({
  rating: v.picklist(RATINGS, "请选择评价"),
  comment: v.optional(v.pipe(v.string(), PlainText, v.trim(), v.maxLength(500, "评价不超过 500 个字"))),
});

export const ReopenSchema = v.object({
  reason: v.pipe(
    v.string("请说明原因"),
    PlainText,
    v.trim(),
    v.minLength(5, "请说明原因，至少 5 个字"),
    v.maxLength(500),
  ),
});

export const NearbyQuerySchema = v.object({
  categoryId: v.picklist(CATEGORY_IDS, "类别不正确"),
  lat: v.pipe(v.string(), v.transform(Number), Latitude),
  lng: v.pipe(v.string(), v.transform(Number), Longitude),
});

export const SupporterIdSchema = v.pipe(
  v.string("缺少 X-Supporter-Id 请求头"),
  v.regex(/^[A-Za-z0-9_-]{16,64}$/, "X-Supporter-Id 无效"),
);

export const HotspotQuerySchema = v.object({
  days: v.optional(v.picklist(["30", "90"], "days 只能为 30 或 90"), "30"),
});

export const PublicListQuerySchema = v.object({
  before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/, "游标须为数字"), v.transform(Number))),
  state: v.optional(v.picklist(["open", "closed"], "state 只能为 open 或 closed")),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(100)),
    "20",
  ),
});

/** Open data: China-time days, at most 92 so that a period fits under the 10,000-row cap. */
export const OpenDataQuerySchema = periodSchema(MAX_PERIOD_DAYS.year);
