import * as v from "valibot";
import { COMMUNITIES } from "../geo.ts";
import { MAX_PERIOD_DAYS, periodSchema } from "../period.ts";
import { PlainLine, PlainText } from "../text.ts";
import { CATEGORY_IDS } from "./categories.ts";
import { PLACES, placeBelongsTo } from "./places.ts";
import { RATINGS } from "./states.ts";

// Inputs of the public complaint endpoints, shared by the API (validation) and the filing island
// (the same messages next to the fields).

/** Open311 GeoReport v2 allows descriptions up to 4,000 characters. */
export const MAX_DESCRIPTION = 4000;
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const NEARBY_METRES = 250;
export const NEARBY_DAYS = 30;

const COMMUNITY_IDS = COMMUNITIES.map((c) => c.id);

/** A gazetteer id; whether it belongs to the case's community is checked where the community is known. */
export const PlaceIdSchema = v.picklist(
  PLACES.map((p) => p.id),
  "请从列表中选择道路或地点",
);
export const PLACE_ELSEWHERE = "这条道路或这个地点不在所选社区，请重新选择";

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;

const Latitude = v.pipe(v.number("纬度须为数字"), v.minValue(-90), v.maxValue(90));
const Longitude = v.pipe(v.number("经度须为数字"), v.minValue(-180), v.maxValue(180));

export const FileComplaintSchema = v.pipe(
  v.object({
    categoryId: v.picklist(CATEGORY_IDS, "请选择问题类别"),
    addressText: v.pipe(
      v.string("请填写地址或地标"),
      PlainLine,
      v.trim(),
      v.minLength(2, "请填写地址或地标，至少 2 个字"),
      v.maxLength(120, "地址不超过 120 个字"),
    ),
    communityId: v.optional(v.picklist(COMMUNITY_IDS, "请选择所在社区")),
    /** A road or place of the community, from the gazetteer: what the public sees of the place. */
    placeId: v.optional(PlaceIdSchema),
    lat: v.optional(Latitude),
    lng: v.optional(Longitude),
    description: v.pipe(
      v.string("请描述问题"),
      PlainText,
      v.trim(),
      v.minLength(5, "请描述问题，至少 5 个字"),
      v.maxLength(MAX_DESCRIPTION, `问题描述不超过 ${MAX_DESCRIPTION} 个字`),
    ),
    name: v.optional(v.pipe(v.string("称呼须为文字"), PlainLine, v.trim(), v.maxLength(20, "称呼不超过 20 个字"))),
    phone: v.optional(v.pipe(v.string("手机号须为文字"), v.trim(), v.regex(MOBILE, "请填写 11 位手机号码"))),
    callbackWanted: v.optional(v.boolean(), false),
    consent: v.literal(true, "请阅读个人信息保护说明并勾选同意"),
    turnstileToken: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  }),
  v.forward(
    v.check((i) => (i.lat === undefined) === (i.lng === undefined), "经纬度须同时提供"),
    ["lat"],
  ),
  v.forward(
    v.check((i) => i.lat !== undefined || i.communityId !== undefined, "请选择所在社区，或使用当前位置"),
    ["communityId"],
  ),
  v.forward(
    v.check(
      (i) => !i.placeId || i.lat !== undefined || !i.communityId || placeBelongsTo(i.placeId, i.communityId),
      PLACE_ELSEWHERE,
    ),
    ["placeId"],
  ),
  v.forward(
    v.check((i) => !i.phone || i.callbackWanted, "只有需要回访时才留手机号"),
    ["phone"],
  ),
  v.forward(
    v.check((i) => !i.callbackWanted || !!i.phone, "需要回访时请留手机号"),
    ["phone"],
  ),
);
export type FileComplaintInput = v.InferInput<typeof FileComplaintSchema>;
export type FileComplaint = v.InferOutput<typeof FileComplaintSchema>;

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
