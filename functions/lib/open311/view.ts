import { casePagePath } from "../../../src/shared/complaints/case-page";
import { CATEGORIES, type Category } from "../../../src/shared/complaints/categories";
import { FIXMYSTREET_STATUS, open311Status } from "../../../src/shared/open311/status";
import type { Open311Request, Open311Service, Open311ServiceDefinition } from "../../../src/shared/open311/wire";
import { chinaIso } from "../../../src/shared/time";
import type { PublishedRequestRow } from "../../db/open311/published";
import { photosArePublic, publicCase } from "../complaints/public-view";

/** A category as an Open311 service: its synonyms are the keywords, its major class the group. */
export function open311Service(c: Category): Open311Service {
  return {
    service_code: c.id,
    service_name: c.name,
    description: c.label,
    // The filing form asks every category the same fields (src/shared/complaints/filing-schema.ts),
    // all of which GeoReport v2 names itself: no category has attributes of its own.
    metadata: false,
    type: "realtime",
    keywords: c.synonyms.join(","),
    group: c.majorName,
  };
}

export const open311Services = (): Open311Service[] => CATEGORIES.map(open311Service);

export function open311ServiceDefinition(c: Category): Open311ServiceDefinition {
  return { service_code: c.id, attributes: [] };
}

/**
 * A published case as an Open311 request. Built on `publicCase`, so it drops what every public view
 * drops (name, phone, exact point, the address and description as typed), and adds only public
 * facts: the state's label and staff's latest public reply, the handling deadline, the unit once
 * dispatched, our own public photo. `origin` (scheme and host, no slash) makes the links absolute,
 * as Open311 clients need.
 */
export function open311Request(row: PublishedRequestRow, origin: string): Open311Request {
  const c = row.complaint;
  const pub = publicCase(c, row.photoId === null ? [] : [row.photoId]);
  const closed = open311Status(c.state) === "closed";
  const address = pub.place === pub.communityName ? pub.place : `${pub.place}，${pub.communityName}`;
  return {
    service_request_id: pub.caseNumber,
    status: open311Status(c.state),
    status_notes: row.reply ? `${pub.stateLabel}。最新答复：${row.reply}` : pub.stateLabel,
    service_name: pub.categoryName,
    service_code: pub.categoryId,
    description: null,
    // Named once dispatched: before, the unit is only where routing points (as on the case page).
    agency_responsible: c.dueAt && c.unitId ? row.unitName : null,
    service_notice: null,
    requested_datetime: chinaIso(pub.receivedAt),
    // The spec: a closed request's update time is when it closed.
    updated_datetime: chinaIso((closed ? pub.closedAt : null) ?? row.lastPublicAt ?? pub.receivedAt),
    expected_datetime: c.dueAt ? chinaIso(c.dueAt) : null,
    address,
    address_id: pub.placeId,
    zipcode: null,
    lat: pub.lat,
    long: pub.lng,
    media_url: photosArePublic(c.state) && pub.photos[0] ? `${origin}${pub.photos[0]}` : null,
    extended_attributes: {
      fixmystreet_status: FIXMYSTREET_STATUS[c.state],
      public_url: `${origin}${casePagePath(pub.caseNumber)}`,
    },
  };
}
