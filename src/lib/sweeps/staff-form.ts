// The staff console's sweep forms as the browser holds them (strings while typed), and the inputs
// the API takes (src/shared/sweeps/staff-schemas.ts checks both sides). Pure:
// tests/unit/sweeps/staff-form.test.ts.
import type { CommunityArea } from "../../shared/geo-math";
import type { CreateSweepsInput, UpdateSweepInput } from "../../shared/sweeps/staff-schemas";
import type { StaffSweep } from "../../shared/sweeps/wire";
import { addDays, chinaDay, formatChinaMinute } from "../../shared/time";
import { type DistrictMap, type Point, unproject } from "../complaints/district-map";

const HOUR = 3_600_000;

/** The fields every sweep has, as typed. */
export interface SweepFieldsForm {
  title: string;
  startTime: string;
  endTime: string;
  capacity: string;
  waitlistLimit: string;
  minAge: string;
  /** "" when no age needs a guardian present. */
  guardianPresentBelow: string;
  organiser: string;
  leaderContact: string;
  whatToBring: string;
  insuranceRef: string;
  cancelCutoffHours: string;
  open: boolean;
}

export interface MeetingPlace {
  communityId: string;
  meetingPoint: string;
  lat: number;
  lng: number;
}

/** The plan form: the fields, the first day, how many weeks, and a meeting place per community chosen. */
export interface PlanForm extends SweepFieldsForm {
  firstDay: string;
  /** "1" for one day only. */
  weeks: string;
  places: MeetingPlace[];
}

/** The edit form of one sweep: the version read goes back with it. */
export interface EditForm extends SweepFieldsForm, MeetingPlace {
  day: string;
  version: number;
}

/** "" → NaN, so the API's schema says "须为数字" rather than taking an empty field for 0. */
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s.trim()));

/** Five decimals (about a metre): a tap is never finer, and the API's number stays short. */
const metre = (n: number) => Math.round(n * 1e5) / 1e5;

const FIELD_DEFAULTS: SweepFieldsForm = {
  title: "志愿清扫",
  startTime: "08:30",
  endTime: "10:30",
  capacity: "20",
  waitlistLimit: "10",
  minAge: "16",
  guardianPresentBelow: "",
  organiser: "",
  leaderContact: "",
  whatToBring: "饮用水、遮阳帽；手套和反光背心现场发放",
  insuranceRef: "",
  cancelCutoffHours: "24",
  open: false,
};

/** A new plan: next Saturday, no community chosen yet, a draft until the insurance is in. */
export function newPlanForm(today: string): PlanForm {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return { ...FIELD_DEFAULTS, firstDay: addDays(today, (6 - weekday + 7) % 7 || 7), weeks: "1", places: [] };
}

/** Where a community's meeting place is until someone taps the map: its label's spot, inside it. */
export function communityPoint(map: DistrictMap | undefined, community: CommunityArea): Point {
  const label = map?.communities.find((c) => c.id === community.id)?.label;
  if (label) {
    const p = unproject(map.projection, label);
    return { lat: metre(p.lat), lng: metre(p.lng) };
  }
  // Without the map: the mean of the outline's corners (the communities here are convex enough).
  const ring = community.rings[0] ?? [];
  const mean = (i: 0 | 1) => ring.reduce((sum, p) => sum + p[i], 0) / Math.max(1, ring.length);
  return { lat: metre(mean(1)), lng: metre(mean(0)) };
}

/** A community's meeting place before anyone changed it: its station, at its default point. */
export function defaultPlace(map: DistrictMap | undefined, community: CommunityArea): MeetingPlace {
  return { communityId: community.id, meetingPoint: `${community.name}工作站门口`, ...communityPoint(map, community) };
}

/**
 * The places chosen, in the communities' order: a community added gets its default place, one
 * already chosen keeps what was typed for it.
 */
export function choosePlaces(
  current: MeetingPlace[],
  ids: readonly string[],
  communities: readonly CommunityArea[],
  map: DistrictMap | undefined,
): MeetingPlace[] {
  return communities
    .filter((c) => ids.includes(c.id))
    .map((c) => current.find((p) => p.communityId === c.id) ?? defaultPlace(map, c));
}

/** The days of a series: the first, then each week after it. */
export function seriesDays(firstDay: string, weeks: number): string[] {
  const n = Number.isInteger(weeks) && weeks > 0 ? Math.min(weeks, 52) : 1;
  return Array.from({ length: n }, (_, i) => addDays(firstDay, 7 * i));
}

function fieldsInput(f: SweepFieldsForm) {
  return {
    title: f.title,
    startTime: f.startTime,
    endTime: f.endTime,
    capacity: num(f.capacity),
    waitlistLimit: num(f.waitlistLimit),
    minAge: num(f.minAge),
    guardianPresentBelow: f.guardianPresentBelow.trim() === "" ? null : num(f.guardianPresentBelow),
    organiser: f.organiser,
    leaderContact: f.leaderContact,
    whatToBring: f.whatToBring,
    insuranceRef: f.insuranceRef,
    cancelCutoffHours: num(f.cancelCutoffHours),
    open: f.open,
  };
}

/** What POST /api/staff/sweeps takes. */
export function planInput(f: PlanForm): CreateSweepsInput {
  return { ...fieldsInput(f), firstDay: f.firstDay, weeks: num(f.weeks), places: f.places };
}

/** A sweep as its edit form starts: what the API holds, in China time. */
export function editFormOf(s: StaffSweep): EditForm {
  return {
    title: s.title,
    startTime: formatChinaMinute(s.startsAt).slice(11),
    endTime: formatChinaMinute(s.endsAt).slice(11),
    capacity: String(s.capacity),
    waitlistLimit: String(s.waitlistLimit),
    minAge: String(s.minAge),
    guardianPresentBelow: s.guardianPresentBelow === null ? "" : String(s.guardianPresentBelow),
    organiser: s.organiser,
    leaderContact: s.leaderContact,
    whatToBring: s.whatToBring,
    insuranceRef: s.insuranceRef,
    cancelCutoffHours: String(Math.max(0, Math.round((Date.parse(s.startsAt) - Date.parse(s.cancelCutoffAt)) / HOUR))),
    open: s.state === "open",
    communityId: s.communityId,
    meetingPoint: s.meetingPoint,
    lat: s.lat,
    lng: s.lng,
    day: chinaDay(s.startsAt),
    version: s.version,
  };
}

/** What PATCH /api/staff/sweeps/:id takes. */
export function editInput(f: EditForm): UpdateSweepInput {
  return {
    ...fieldsInput(f),
    communityId: f.communityId,
    meetingPoint: f.meetingPoint,
    lat: f.lat,
    lng: f.lng,
    day: f.day,
    version: f.version,
  };
}
