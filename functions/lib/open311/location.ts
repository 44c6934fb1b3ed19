import { PLACES, placeBelongsTo, placeById } from "../../../src/shared/complaints/places";
import { COMMUNITIES, communityAt, communityById } from "../../../src/shared/geo";
import type { Open311Post } from "../../../src/shared/open311/post";
import { Open311Error } from "./errors";

/** Where a filing is, as the website's filing takes it. */
export interface FilingPlace {
  communityId?: string;
  placeId?: string;
  lat?: number;
  lng?: number;
  /** A note for staff (what the app wrote, else the gazetteer name, else the point), never published. */
  addressText: string;
}

const squash = (s: string) => s.replace(/[\s\u3000·,，]/g, "");

/**
 * The gazetteer's road or place an address names, with its community: the longest place name the
 * address holds, narrowed by a community name it holds too. A road through several communities
 * needs the community (or a point) to say which one handles the case.
 */
function matchAddress(address: string): { placeId: string; communityId: string } {
  const text = squash(address);
  const named = PLACES.filter((p) => text.includes(p.name));
  const longest = Math.max(0, ...named.map((p) => p.name.length));
  const places = named.filter((p) => p.name.length === longest);
  // Full names only ("临河社区"): "临河" alone is also the start of 临河路.
  const communities = COMMUNITIES.filter((c) => text.includes(c.name));
  const pairs = places.flatMap((p) =>
    p.communities
      .filter((id) => communities.length === 0 || communities.some((c) => c.id === id))
      .map((communityId) => ({ placeId: p.id, communityId })),
  );
  if (pairs.length === 1) return pairs[0] as { placeId: string; communityId: string };
  if (places.length === 0) {
    throw new Open311Error(
      400,
      "address_string 中没有本区地名库里的道路或地点：请写明道路或地点名称（如“临河路”“湖滨文化广场”），或提供 lat/long。",
    );
  }
  const names = [...new Set(pairs.map((x) => communityById(x.communityId)?.name ?? x.communityId))];
  throw new Open311Error(
    400,
    names.length > 0
      ? `address_string 所写的道路经过多个社区（${names.join("、")}）：请写明社区，或提供 lat/long。`
      : "address_string 所写的社区与道路不符：请核对，或提供 lat/long。",
  );
}

/**
 * The location of a filing: lat/long (inside the district, as the website checks), else
 * address_id (a gazetteer id), else address_string matched against the gazetteer. A point decides
 * the community; an address_id given with it must lie there.
 */
export function resolveLocation(input: Open311Post): FilingPlace {
  const hasLat = input.lat !== undefined;
  if (hasLat !== (input.long !== undefined)) throw new Open311Error(400, "lat 与 long 须同时提供。");
  if (input.lat !== undefined && input.long !== undefined) {
    const community = communityAt(input.long, input.lat);
    if (!community) throw new Open311Error(400, "lat/long 不在本区范围内。");
    if (input.address_id && !placeBelongsTo(input.address_id, community.id)) {
      throw new Open311Error(400, "address_id 所指的道路或地点不在 lat/long 所在的社区。");
    }
    const name = input.address_id ? placeById(input.address_id)?.name : undefined;
    return {
      lat: input.lat,
      lng: input.long,
      placeId: input.address_id,
      addressText: input.address_string ?? name ?? `坐标 ${input.lat}, ${input.long}`,
    };
  }
  if (input.address_id) {
    const place = placeById(input.address_id);
    if (!place) throw new Open311Error(400, "address_id 不是本区地名库里的道路或地点。");
    const only = place.communities.length === 1 ? place.communities[0] : undefined;
    const text = squash(input.address_string ?? "");
    const named = place.communities.filter((id) => text.includes(communityById(id)?.name ?? "\u0000"));
    const communityId = only ?? (named.length === 1 ? named[0] : undefined);
    if (!communityId) {
      const names = place.communities.map((id) => communityById(id)?.name ?? id).join("、");
      throw new Open311Error(
        400,
        `${place.name}经过多个社区（${names}）：请在 address_string 写明社区，或提供 lat/long。`,
      );
    }
    return { communityId, placeId: place.id, addressText: input.address_string ?? place.name };
  }
  if (input.address_string) {
    const { placeId, communityId } = matchAddress(input.address_string);
    return { communityId, placeId, addressText: input.address_string };
  }
  throw new Open311Error(400, "请提供位置：lat/long、address_string 或 address_id。");
}
