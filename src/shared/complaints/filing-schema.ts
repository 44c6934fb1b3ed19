// The filing form's schema, made from the lists it checks against (categories, communities, the
// gazetteer). The API builds it from the content files (schemas.ts); the filing island builds it
// from the same lists handed to it at build time, so the browser downloads neither the files nor
// the code that checks them, and still shows exactly the server's message next to each field.
import * as v from "valibot";
import { PlainLine, PlainText } from "../text.ts";

/** Open311 GeoReport v2 allows descriptions up to 4,000 characters. */
export const MAX_DESCRIPTION = 4000;
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const NEARBY_METRES = 250;
export const NEARBY_DAYS = 30;

export const PLACE_ELSEWHERE = "这条道路或这个地点不在所选社区，请重新选择";

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;

export const Latitude = v.pipe(v.number("纬度须为数字"), v.minValue(-90), v.maxValue(90));
export const Longitude = v.pipe(v.number("经度须为数字"), v.minValue(-180), v.maxValue(180));

/** What the filing schema checks ids against. */
export interface FilingLists {
  categoryIds: string[];
  communityIds: string[];
  places: { id: string; communities: string[] }[];
}

/** A gazetteer id; whether it belongs to the case's community is checked where the community is known. */
export function placeIdSchema(places: FilingLists["places"]) {
  return v.picklist(
    places.map((p) => p.id),
    "请从列表中选择道路或地点",
  );
}

export function fileComplaintSchema({ categoryIds, communityIds, places }: FilingLists) {
  const belongs = (placeId: string, communityId: string) =>
    places.find((p) => p.id === placeId)?.communities.includes(communityId) ?? false;
  return v.pipe(
    v.object({
      categoryId: v.picklist(categoryIds, "请选择问题类别"),
      addressText: v.pipe(
        v.string("请填写地址或地标"),
        PlainLine,
        v.trim(),
        v.minLength(2, "请填写地址或地标，至少 2 个字"),
        v.maxLength(120, "地址不超过 120 个字"),
      ),
      communityId: v.optional(v.picklist(communityIds, "请选择所在社区")),
      /** A road or place of the community, from the gazetteer: what the public sees of the place. */
      placeId: v.optional(placeIdSchema(places)),
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
        (i) => !i.placeId || i.lat !== undefined || !i.communityId || belongs(i.placeId, i.communityId),
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
}
export type FileComplaintSchemaType = ReturnType<typeof fileComplaintSchema>;
export type FileComplaintInput = v.InferInput<FileComplaintSchemaType>;
export type FileComplaint = v.InferOutput<FileComplaintSchemaType>;
