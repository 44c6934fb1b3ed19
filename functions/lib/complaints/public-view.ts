import { categoryById } from "../../../src/shared/complaints/categories";
import { publicPlace } from "../../../src/shared/complaints/places";
import { type CaseState, isOpen, STATE_LABELS } from "../../../src/shared/complaints/states";
import type { PublicCase } from "../../../src/shared/complaints/wire";
import { communityById } from "../../../src/shared/geo";
import type { PublicComplaintRow } from "../../db/complaints/index";

/** Photos become public once staff took the case up: never for an unreviewed or refused report. */
const PHOTOS_HIDDEN: readonly CaseState[] = ["received", "not_accepted", "merged"];
export const photosArePublic = (state: CaseState) => !PHOTOS_HIDDEN.includes(state);

/**
 * The public face of a case: no name, no phone, no exact point (coordinates coarsened to ≈ 100 m),
 * and nothing the resident typed: the place is a gazetteer name, never the address text. Every
 * public endpoint goes through this one function.
 */
export function publicCase(c: PublicComplaintRow, photoIds: number[] = []): PublicCase {
  return {
    caseNumber: c.caseNumber,
    categoryId: c.categoryId,
    categoryName: categoryById(c.categoryId)?.name ?? c.categoryId,
    communityId: c.communityId,
    communityName: communityById(c.communityId)?.name ?? c.communityId,
    place: publicPlace(c.placeId, c.communityId),
    placeId: c.placeId,
    lat: c.publicLat,
    lng: c.publicLng,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    open: isOpen(c.state),
    receivedAt: c.receivedAt,
    closedAt: c.closedAt,
    supporters: c.supporters,
    photos: photosArePublic(c.state) ? photoIds.map((id) => `/api/complaints/photos/${id}`) : [],
  };
}

/** RFC 4180 CSV; a cell starting with = + - @ gets a quote mark so spreadsheets do not run it. */
export function toCsv(rows: readonly object[], columns: readonly string[]): string {
  const cell = (value: unknown) => {
    let s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[columns.join(","), ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(","))].join("\r\n")}\r\n`;
}
