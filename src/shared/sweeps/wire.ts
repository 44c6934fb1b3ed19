// The response shapes of the sweeps API (/api/sweeps public, /api/staff/sweeps staff), declared once:
// the Worker's views are typed to return them and the /volunteer/ islands read them, so a change
// that breaks either side fails `npm run check`. Instants are ISO strings in UTC; days are China-time days.

export const SWEEP_STATES = ["draft", "open", "cancelled"] as const;
export type SweepState = (typeof SWEEP_STATES)[number];

export const SIGNUP_STATUSES = [
  "confirmed",
  "waitlisted",
  "offered",
  /** A minor's place, held until the guardian consents (or the hold lapses: `released`). */
  "pending_consent",
  /** A group's place, held until the member's details are completed through the group's link. */
  "reserved",
  "cancelled",
  "late_cancelled",
  /** A hold (consent or group details) that lapsed: the place went back to the pool. */
  "released",
] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: "已确认",
  waitlisted: "候补中",
  offered: "候补递补，待确认",
  pending_consent: "名额保留中，待监护人同意",
  reserved: "团体名额，待填写本人信息",
  cancelled: "已取消",
  late_cancelled: "已取消（截止后取消）",
  released: "保留期已过，名额已释放",
};

/** The statuses that take one of a sweep's places (capacity counts these; migrations/0016). */
export const TAKEN_STATUSES = ["confirmed", "offered", "pending_consent", "reserved"] as const;

/** On the day: a confirmed person attended (checked in) or did not come. */
export const ATTENDANCE = ["attended", "no_show"] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Who a message is for: the volunteer, their guardian (consent), or a group's contact. */
export const MESSAGE_RECIPIENTS = ["volunteer", "guardian", "group"] as const;
export type MessageRecipient = (typeof MESSAGE_RECIPIENTS)[number];

/** What a community's target counts: places signed up, or volunteer-hours attended. */
export const TARGET_KINDS = ["places", "hours"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const MESSAGE_KINDS = [
  "confirmed",
  "waitlisted",
  "offered",
  "offer_expired",
  "cancelled",
  "sweep_changed",
  "sweep_cancelled",
  "consent_needed",
  "consented",
  "released",
  "group_details_needed",
  "reminder",
  "hours_approved",
  "certificate_ready",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A sweep as anyone may see it: counts only, never a volunteer's name or phone. */
export interface PublicSweep {
  id: string;
  title: string;
  communityId: string;
  communityName: string;
  startsAt: string;
  endsAt: string;
  /** The meeting place in words, and its published point (a public place, not a person's). */
  meetingPoint: string;
  lat: number;
  lng: number;
  capacity: number;
  /** Confirmed places plus places offered to the waitlist and not yet answered. */
  placesTaken: number;
  placesLeft: number;
  waitlistLimit: number;
  waitlisted: number;
  /** false when the sweep is full and its waitlist too: a sign-up then answers 409. */
  waitlistOpen: boolean;
  minAge: number;
  /** Below this age a guardian must come along; null when never required. */
  guardianPresentBelow: number | null;
  /** minAge < 18 (minors' sign-up online needs the guardian flow, which comes later). */
  minorsWelcome: boolean;
  /** e.g. "临河中队 · 青溪区团委" */
  organiser: string;
  /** The leader's public contact (a name and a work phone), as the organiser publishes it. */
  leaderContact: string;
  whatToBring: string;
  insuranceRef: string;
  /** After this instant a cancellation counts as a late cancel. */
  cancelCutoffAt: string;
  state: SweepState;
  /** Raised by every change: a calendar entry's SEQUENCE is version − 1, so calendars take the update. */
  version: number;
  /** Among the least-covered communities of the listed period ("最需要志愿者"). */
  mostNeeded: boolean;
}

/** Coverage of one community over a period: confirmed places ÷ places of its open sweeps. */
export interface CommunityCoverage {
  communityId: string;
  communityName: string;
  capacity: number;
  confirmed: number;
  /** confirmed ÷ capacity, 0–1; null when the community has no sweep in the period. */
  ratio: number | null;
}

/** GET /api/sweeps: upcoming open sweeps, least-covered community first. */
export interface SweepList {
  sweeps: PublicSweep[];
  coverage: CommunityCoverage[];
}

/** GET /api/sweeps/:id */
export interface SweepDetail {
  sweep: PublicSweep;
}

/** POST /api/sweeps/:id/signups (201). */
export interface SignupResult {
  sweepId: string;
  status: "confirmed" | "waitlisted";
  /** 1-based place on the waitlist; null when confirmed. */
  position: number | null;
  /** 128-bit secret, shown once; the manage link carries it in the URL fragment. */
  manageToken: string;
  /** "/volunteer/manage/#t=…" */
  managePath: string;
}

export interface SweepMessage {
  kind: MessageKind;
  /** The text the person reads (Chinese). */
  text: string;
  createdAt: string;
  /** null until a sender delivered it (no sender yet: the manage page is where it is read). */
  sentAt: string | null;
}

/** GET /api/sweeps/manage (header x-manage-token): the holder's own sign-up. */
export interface ManageView {
  sweep: PublicSweep;
  signup: {
    status: SignupStatus;
    statusLabel: string;
    /** Place on the waitlist while waitlisted, else null. */
    position: number | null;
    /** While offered: confirm before this instant, else the place goes to the next person. */
    offeredUntil: string | null;
    name: string;
    createdAt: string;
    /** Whether a cancellation is still possible (not yet cancelled, sweep not begun or cancelled). */
    canCancel: boolean;
    /** Whether cancelling now would count as late. */
    cancelIsLate: boolean;
  };
  messages: SweepMessage[];
}

/** DELETE /api/sweeps/manage */
export interface CancelResult {
  status: "cancelled" | "late_cancelled";
  /** Whether the freed place was offered to the next person on the waitlist. */
  offeredToNext: boolean;
}

/** POST /api/sweeps/manage/confirm */
export interface ConfirmOfferResult {
  status: "confirmed";
}

// ---- staff (/api/staff/sweeps) ----

export interface StaffSweep extends PublicSweep {
  offered: number;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/staff/sweeps (all states, upcoming and recent). */
export interface StaffSweepList {
  sweeps: StaffSweep[];
}

/** POST /api/staff/sweeps (201): one sweep or a weekly series, written in one batch. */
export interface CreatedSweeps {
  sweeps: StaffSweep[];
}

/** PATCH /api/staff/sweeps/:id and POST /api/staff/sweeps/:id/cancel */
export interface StaffSweepResult {
  sweep: StaffSweep;
  /** How many signed-up people were given a message about the change or cancellation. */
  messaged: number;
}

export interface RosterEntry {
  id: number;
  /** Masked ("张*") unless the role may see contacts. */
  name: string;
  /** Masked ("138****1234") unless the role may see contacts. */
  phone: string;
  organisation: string;
  birthMonth: string;
  volunteerNumber: string | null;
  status: SignupStatus;
  statusLabel: string;
  position: number | null;
  offeredUntil: string | null;
  createdAt: string;
}

/** GET /api/staff/sweeps/:id/signups (audited). */
export interface Roster {
  sweep: StaffSweep;
  contactsShown: boolean;
  signups: RosterEntry[];
}
