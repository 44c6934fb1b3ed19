// The complaint being written: every field, the step and the Idempotency-Key, kept in localStorage
// so that a reload or a dropped connection loses nothing (the photos' bytes are in IndexedDB).
// The lists (communities, gazetteer) come as a parameter, from the page's build-time props.
import type { FileComplaintInput } from "../../shared/complaints/filing-schema";
import { nearestIn } from "../../shared/complaints/place-lookup";
import { communityIn, publicCoordinate } from "../../shared/geo-math";
import type { Gazetteer } from "./filing-data";

export const STEPS = ["category", "place", "details", "contact", "review"] as const;
export type Step = (typeof STEPS)[number];

export const STEP_TITLES: Record<Step, string> = {
  category: "问题类别",
  place: "问题位置",
  details: "描述与照片",
  contact: "联系方式与同意",
  review: "确认提交",
};

export interface DraftPhoto {
  /** The photo's key in IndexedDB. */
  id: string;
  width: number;
  height: number;
}

export interface Draft {
  step: number;
  /** One per draft: every retry of this draft sends the same key. */
  idempotencyKey: string;
  categoryId: string;
  addressText: string;
  communityId: string;
  /** The road or place shown publicly (a gazetteer id), "" when not chosen. */
  placeId: string;
  /** The problem's point: the device's position, taken only when asked for, or a tap on the map. */
  point: { lat: number; lng: number } | null;
  /** Where the point came from, so the device-location panel never claims a tap as its reading. */
  pointSource: "device" | "map" | null;
  description: string;
  name: string;
  callbackWanted: boolean;
  phone: string;
  consent: boolean;
  photos: DraftPhoto[];
}

const KEY = "complaint-draft";

/** A blank draft. The key is made in the browser (never at build time), so each draft has its own. */
export function newDraft(idempotencyKey = ""): Draft {
  return {
    step: 0,
    idempotencyKey,
    categoryId: "",
    addressText: "",
    communityId: "",
    placeId: "",
    point: null,
    pointSource: null,
    description: "",
    name: "",
    callbackWanted: false,
    phone: "",
    consent: false,
    photos: [],
  };
}

export function loadDraft(): Draft | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null");
    if (!saved || typeof saved.idempotencyKey !== "string" || !saved.idempotencyKey) return null;
    const draft = { ...newDraft(), ...saved } as Draft;
    draft.step = Math.min(Math.max(0, Number(draft.step) || 0), STEPS.length - 1);
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives on in memory.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to clear
  }
}

/** The community the draft's point lies in; undefined without a point or outside the district. */
export const pointCommunity = (g: Gazetteer, d: Pick<Draft, "point">) =>
  d.point ? communityIn(g.communities, d.point.lng, d.point.lat) : undefined;

/** The community the case goes to: the point's, else the one chosen from the list. */
export const draftCommunityId = (g: Gazetteer, d: Pick<Draft, "point" | "communityId">) =>
  pointCommunity(g, d)?.id ?? d.communityId;

/** The public place the server will name when none is chosen: the nearest to the coarsened point. */
export function resolvedPlace(g: Gazetteer, d: Pick<Draft, "point" | "communityId">) {
  const community = pointCommunity(g, d);
  return d.point && community
    ? nearestIn(g.places, community.id, publicCoordinate(d.point.lng), publicCoordinate(d.point.lat))
    : undefined;
}

/** The chosen road or place, if it still belongs to the case's community (a new point may move it). */
export function chosenPlace(g: Gazetteer, d: Pick<Draft, "point" | "communityId" | "placeId">) {
  const place = d.placeId ? g.places.find((p) => p.id === d.placeId) : undefined;
  return place?.communities.includes(draftCommunityId(g, d)) ? place : undefined;
}

const metre = (n: number) => Math.round(n * 100_000) / 100_000;

/**
 * A tap on the district map: the point (to about a metre, finer than any tap), its source, and the
 * community its polygon holds, so the lists show what the map chose. Undefined outside the district.
 */
export function pickOnMap(g: Gazetteer, tapped: { lat: number; lng: number }): Partial<Draft> | undefined {
  const point = { lat: metre(tapped.lat), lng: metre(tapped.lng) };
  const community = communityIn(g.communities, point.lng, point.lat);
  return community && { point, pointSource: "map", communityId: community.id };
}

/**
 * What the API receives. A point inside the district places the case (the server resolves its
 * community); a point outside it is dropped and the chosen community is sent instead. The phone
 * goes only with a callback, the name only when given.
 */
export function toInput(g: Gazetteer, d: Draft): FileComplaintInput {
  const input: FileComplaintInput = {
    categoryId: d.categoryId,
    addressText: d.addressText,
    description: d.description,
    consent: d.consent as true,
  };
  if (d.point && pointCommunity(g, d)) Object.assign(input, d.point);
  else if (d.communityId) input.communityId = d.communityId;
  const place = chosenPlace(g, d);
  if (place) input.placeId = place.id;
  if (d.name.trim()) input.name = d.name;
  if (d.callbackWanted) {
    input.callbackWanted = true;
    if (d.phone.trim()) input.phone = d.phone;
  }
  return input;
}
