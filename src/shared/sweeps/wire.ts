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
  /** minAge < 18: minors may sign up, with their guardian's consent. */
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
  /** Places taken (TAKEN_STATUSES: confirmed, offered, held). */
  taken: number;
  /** Staff's target for the period (pro rata), else the community's own capacity; null without sweeps or target. */
  target: number | null;
  targetKind: TargetKind;
  targetSet: boolean;
  /** taken (or its hours) ÷ target, from 0; null when the community has no sweep in the period. */
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
  /** `pending_consent`: a minor's place, held until the guardian consents (by `heldUntil`). */
  status: "confirmed" | "waitlisted" | "pending_consent";
  /** 1-based place on the waitlist; null when confirmed. */
  position: number | null;
  /** 128-bit secret, shown once; the manage link carries it in the URL fragment. */
  manageToken: string;
  /** "/volunteer/manage/#t=…" */
  managePath: string;
  /** A minor's: the guardian's own consent link ("/volunteer/consent/#t=…"), shown once; null for an adult. */
  consentPath: string | null;
  /** Until when a `pending_consent` place is held for the guardian's consent; else null. */
  heldUntil: string | null;
  /** Below the sweep's `guardianPresentBelow`: a guardian must come along on the day. */
  guardianMustAttend: boolean;
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
  /** A minor's guardian consent (null for an adult); the guardian link itself is never stored, only re-issued. */
  consent: ManageConsent | null;
  messages: SweepMessage[];
  /** On the day and after: the check-in code, attendance and hours (the on-the-day part). */
  day: ManageDay;
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

// ---- balance over communities: targets, coverage and staff figures (/api/staff/sweeps/targets, /figures) ----

/** A community's target for a period, as staff set it (PUT /api/staff/sweeps/targets). */
export interface SweepTarget {
  communityId: string;
  communityName: string;
  /** Places signed up, or volunteer-hours attended (the period's `kind`); > 0. */
  target: number;
}

/** One period's targets: a batch of PUT replaces all of them at once. Days are China-time days. */
export interface SweepTargetPeriod {
  /** Inclusive first day. */
  periodStart: string;
  /** Exclusive end day (the day after the last). */
  periodEnd: string;
  kind: TargetKind;
  /** Communities without a row here are held to their own planned places (the default). */
  targets: SweepTarget[];
  updatedAt: string;
}

/** GET /api/staff/sweeps/targets?from&to: the periods overlapping [from, to], by start. */
export interface SweepTargetList {
  periods: SweepTargetPeriod[];
}

/** PUT /api/staff/sweeps/targets (200): the period as stored. */
export interface SweepTargetsResult {
  period: SweepTargetPeriod;
}

/**
 * Coverage of one community over a period (src/shared/sweeps/balance.ts): what counts ÷ its target.
 * What counts: places taken of sweeps not yet over (TAKEN_STATUSES), plus places attended of sweeps
 * that are over; for an hours target, those places' scheduled hours (upcoming) and attended hours (past).
 */
export interface CoverageFigure {
  communityId: string;
  communityName: string;
  /** Places of the community's open sweeps in the period. */
  capacity: number;
  /** Places taken of its sweeps not yet over. */
  taken: number;
  /** Places attended (checked in) of its sweeps that are over. */
  attended: number;
  /** Attended hours of its sweeps that are over, plus scheduled hours of the places taken of the others. */
  hours: number;
  kind: TargetKind;
  /** Places or hours counted against the target (taken + attended, or hours). */
  value: number;
  /** The staff's target (pro rata to the period shown), else the community's own capacity; null without either. */
  target: number | null;
  /** Whether `target` is a staff target rather than the default. */
  targetSet: boolean;
  /** value ÷ target; null when there is no target (no sweeps and none set). */
  ratio: number | null;
}

/** One row of a figures table (a community, an organisation, a month): counts only, never a name. */
export interface FiguresRow {
  /** communityId, "YYYY-MM", or the organisation as typed ("其他" for the rest). */
  key: string;
  label: string;
  /** Distinct persons (by phone hash) with a place taken or attended. */
  volunteers: number;
  /** Sign-ups holding a place (TAKEN_STATUSES). */
  signups: number;
  attended: number;
  noShows: number;
  /** Recorded service hours (attended minutes ÷ 60). */
  hours: number;
}

/** GET /api/staff/sweeps/coverage?from&to: coverage and balance alone (what figures also carries). */
export interface SweepCoverage {
  from: string;
  to: string;
  coverage: CoverageFigure[];
  /** Coefficient of variation (population SD ÷ mean) of the communities' coverage ratios; 0 = even. */
  balance: number | null;
}

/** GET /api/staff/sweeps/figures?from&to (sweeps starting in [from, to], China-time days). */
export interface SweepFigures {
  from: string;
  to: string;
  totals: FiguresRow & {
    /** Open sweeps in the period. */
    sweeps: number;
    lateCancels: number;
    /** no_show ÷ (attended + no_show); null when nobody was marked. */
    noShowRate: number | null;
    /** late_cancelled ÷ (places taken + cancelled + late_cancelled); null without sign-ups. */
    lateCancelRate: number | null;
  };
  byCommunity: FiguresRow[];
  /** The largest organisations (schools) by volunteers, then one "其他" row for the rest. */
  byOrganisation: FiguresRow[];
  byMonth: FiguresRow[];
  coverage: CoverageFigure[];
  /** Coefficient of variation (population SD ÷ mean) of the communities' coverage ratios; 0 = even. */
  balance: number | null;
}

// ---- minors and guardian consent (/api/sweeps/consent, /api/sweeps/manage/guardian-link) ----

/** A minor's consent as the manage page shows it. */
export interface ManageConsent {
  /** Masked ("王*"): the volunteer typed it; shown to recognise, not to disclose. */
  guardianName: string;
  consentedAt: string | null;
  /** While `pending_consent`: the place goes back to the pool at this instant. */
  heldUntil: string | null;
  guardianMustAttend: boolean;
  /** Whether a new guardian link may be issued (a sign-up still active, the sweep not begun). */
  canReissue: boolean;
}

/** What is processed about the child, and why (shown on the consent screen). */
export interface ConsentProcessing {
  item: string;
  purpose: string;
}

/** GET /api/sweeps/consent (header x-consent-token): what the guardian is asked to agree to. */
export interface ConsentView {
  sweep: PublicSweep;
  child: { name: string; organisation: string; ageBand: string };
  /** Under SENSITIVE_AGE (14) on the sweep's day: the child's data is sensitive (PIPL art. 28, 31). */
  sensitive: boolean;
  guardianMustAttend: boolean;
  processing: ConsentProcessing[];
  status: SignupStatus;
  statusLabel: string;
  heldUntil: string | null;
  consentedAt: string | null;
  /** Consent may be given now (not yet given, the hold not lapsed, the sign-up active). */
  canConsent: boolean;
  /** The guardian may decline (or withdraw consent) now: the sign-up active and the sweep not begun. */
  canDecline: boolean;
}

/** POST /api/sweeps/consent */
export interface ConsentResult {
  status: SignupStatus;
  consentedAt: string;
}

/** DELETE /api/sweeps/consent: declined, the place offered on to the next person waiting. */
export interface DeclineResult {
  status: "cancelled";
  offeredToNext: boolean;
}

/** POST /api/sweeps/manage/guardian-link: a new guardian link; the old one stops working. */
export interface GuardianLinkResult {
  consentPath: string;
  heldUntil: string | null;
}

// ---- on the day: the leader's page, check-in and out, walk-ins, no-shows, hours ----

/** The manage page's view of the day: the code to show the leader, then attendance and hours. */
export interface ManageDay {
  /** 8 characters (Crockford base 32), shown large and as a QR; null unless the place is confirmed. */
  checkinCode: string | null;
  attendance: Attendance | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  /** Recorded service minutes (clipped and rounded); null until checked out. */
  minutes: number | null;
  /** Staff approved the sweep's hours. */
  hoursApproved: boolean;
}

/** One confirmed person on the leader's roster: the name in full (the leader calls the roll), the phone masked. */
export interface LeaderRosterEntry {
  id: number;
  name: string;
  phone: string;
  organisation: string;
  status: SignupStatus;
  statusLabel: string;
  minor: boolean;
  /** Below the sweep's guardianPresentBelow on its day: the guardian must be there. */
  guardianPresentNeeded: boolean;
  walkIn: boolean;
  attendance: Attendance | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  minutes: number | null;
}

export interface LeaderCounts {
  confirmed: number;
  checkedIn: number;
  checkedOut: number;
  noShow: number;
  /** Free places a walk-in may take. */
  placesLeft: number;
}

/** GET /api/sweeps/lead (header x-leader-token) and GET /api/staff/sweeps/:id/day */
export interface LeaderRoster {
  sweep: PublicSweep;
  /** Check-in opens this instant (an hour before the start) and closes at the sweep's end. */
  checkInOpensAt: string;
  /** Hours approved: attendance is then changed only by a staff correction. */
  hoursApproved: boolean;
  counts: LeaderCounts;
  entries: LeaderRosterEntry[];
}

/** POST …/checkin, …/checkout, …/no-show, …/undo */
export interface AttendanceResult {
  entry: LeaderRosterEntry;
  /** false when the person was already in that state (a repeated tap or retry changed nothing). */
  changed: boolean;
}

/** POST …/walk-ins (201): the person is confirmed and checked in; their own manage link, shown once. */
export interface WalkInResult {
  entry: LeaderRosterEntry;
  managePath: string;
}

/** POST /api/staff/sweeps/:id/leader-link: a new link (any earlier one stops working). */
export interface LeaderLink {
  token: string;
  /** "/volunteer/lead/#t=…" */
  leaderPath: string;
}

/** A person who was there (or should have been), as staff review hours. */
export interface HoursRow {
  id: number;
  /** Masked unless the role may see contacts. */
  name: string;
  organisation: string;
  walkIn: boolean;
  attendance: Attendance | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  minutes: number | null;
}

/** GET /api/staff/sweeps/:id/hours */
export interface SweepHours {
  sweep: StaffSweep;
  hoursApprovedAt: string | null;
  hoursApprovedBy: number | null;
  contactsShown: boolean;
  /** Attended people without recorded minutes (checked in, never out): correct them before approving. */
  missingMinutes: number;
  totalMinutes: number;
  /** The rule in words (HOURS_ROUNDING). */
  rule: string;
  rows: HoursRow[];
}

/** POST /api/staff/sweeps/:id/hours/approve */
export interface HoursApproved {
  hoursApprovedAt: string;
  /** People told their hours were approved (one message each). */
  messaged: number;
}

/** PATCH /api/staff/sweeps/:id/signups/:signupId/minutes */
export interface MinutesCorrected {
  row: HoursRow;
  /** The correction came after approval: the audit log records it as a correction of approved hours. */
  afterApproval: boolean;
}

// ---- messages: the outbox and its sender (/api/staff/sweeps/outbox) ----

/** unsent: waiting for the sender (or no sender is configured); sent: the gateway took it; failed: given up. */
export const OUTBOX_STATUSES = ["unsent", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxEntry {
  id: number;
  sweepId: string;
  sweepTitle: string;
  startsAt: string;
  kind: MessageKind;
  recipient: MessageRecipient;
  /** The phone it goes to, masked ("138****1234") unless contacts are shown; "" when there is none. */
  to: string;
  /** The text as the gateway gets it (names in it masked unless contacts are shown). */
  text: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
}

/** GET /api/staff/sweeps/outbox?status=&sweepId=&contacts=1 (newest first; audited when contacts are shown). */
export interface Outbox {
  status: OutboxStatus;
  /** false: no SMS gateway is configured, nothing is sent; people read their messages on the manage page. */
  senderEnabled: boolean;
  /** Attempts after which a message is given up (`failed`). */
  maxAttempts: number;
  contactsShown: boolean;
  messages: OutboxEntry[];
}

// ---- certificates (志愿服务记录证明): the volunteer's, the public verification, staff ----

/** One attended sweep on a certificate (China-time day; minutes as approved, hours from them). */
export interface CertificateService {
  date: string;
  title: string;
  communityName: string;
  minutes: number;
  hours: number;
}

/** What a certificate says, frozen at issue and signed as canonical JSON (src/shared/sweeps/certificate.ts). */
export interface CertificatePayload {
  version: 1;
  number: string;
  /** China-time day of issue. */
  issuedOn: string;
  /** Name, school or organisation, optional national volunteer number (no ID numbers are collected). */
  volunteer: { name: string; organisation: string; volunteerNumber: string | null };
  services: CertificateService[];
  totalMinutes: number;
  totalHours: number;
  issuer: { organisation: string; responsible: string; handler: string; contact: string };
  remarks: string;
}

/** A certificate as its holder sees it: what it says, its number and check code, whether revoked. */
export interface CertificateDoc {
  number: string;
  checkCode: string;
  payload: CertificatePayload;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  /** "/volunteer/verify/#n=…&c=…": what the printed QR code opens. */
  verifyPath: string;
}

/** GET /api/sweeps/manage/certificate (the latest; null when none was issued) and POST (201 new, 200 the same one again). */
export interface MyCertificate {
  certificate: CertificateDoc | null;
}

/** GET /api/sweeps/certificates/:number?code= (an unknown number and a wrong code are the same 404). */
export interface CertificateVerification {
  number: string;
  /** The stored payload's signature verifies with the Worker's key (and names this number). */
  valid: boolean;
  revoked: boolean;
  revokedAt: string | null;
  revokeReason: string | null;
  /** The verdict in words: 有效, 已作废, or that the content is not what was issued. */
  verdict: string;
  /** What the certificate says; null only when the stored text is no longer a payload at all. */
  payload: CertificatePayload | null;
}

/** GET /api/staff/sweeps/certificates?phone= | ?number= */
export interface StaffCertificateList {
  certificates: {
    number: string;
    name: string;
    totalHours: number;
    issuedAt: string;
    revokedAt: string | null;
    revokeReason: string | null;
  }[];
}

/** POST /api/staff/sweeps/certificates/:number/revoke */
export interface RevokedCertificate {
  number: string;
  revokedAt: string;
  revokeReason: string;
}

// ---- groups (a class signed up by one contact; /api/sweeps/:id/groups and /api/sweeps/group) ----

/** POST /api/sweeps/:id/groups (201): all `size` places held for the group until `completeBy`. */
export interface GroupSignupResult {
  sweepId: string;
  size: number;
  /** Members' details (and minors' guardian consent) are due before this instant; then unfilled places return. */
  completeBy: string;
  /** 128-bit secret, shown once; the group link carries it in the URL fragment. */
  groupToken: string;
  /** "/volunteer/group/#t=…" */
  groupPath: string;
}

/** How far a member's guardian consent is: none needed (adult), waiting, given; null before details. */
export type MemberConsent = "not_needed" | "pending" | "given" | null;

/** One place of a group, as its contact sees it (their own class's names). */
export interface GroupMemberView {
  id: number;
  /** 1-based, in the order the places were taken. */
  slot: number;
  status: SignupStatus;
  statusLabel: string;
  /** Empty until the member's details are completed. */
  name: string;
  minor: boolean;
  consent: MemberConsent;
}

/** GET /api/sweeps/group (header x-group-token). */
export interface GroupView {
  sweep: PublicSweep;
  group: {
    organisation: string;
    contactName: string;
    size: number;
    completeBy: string;
    cancelled: boolean;
    /** Whether places can still be completed or given back (not cancelled, the sweep not begun). */
    canChange: boolean;
  };
  members: GroupMemberView[];
  /** The messages to the group's contact (places held, released, the sweep changed or cancelled), newest first. */
  messages: SweepMessage[];
}

/** PUT /api/sweeps/group/members/:memberId: the member's own manage link, and a minor's guardian link. */
export interface GroupMemberResult {
  member: GroupMemberView;
  /** "/volunteer/manage/#t=…", for the contact to forward to the member. */
  managePath: string;
  /** "/volunteer/consent/#t=…", for the contact to forward to a minor's guardian; null for an adult. */
  consentPath: string | null;
}

/** DELETE /api/sweeps/group/members/:memberId and DELETE /api/sweeps/group */
export interface GroupCancelResult {
  /** Places given back. */
  released: number;
  /** Whether freed places were offered to people on the waitlist. */
  offeredToNext: boolean;
}

/** The 409 problem of a group that does not fit names these (extension member `suggestions`). */
export interface GroupSuggestion {
  id: string;
  title: string;
  communityName: string;
  startsAt: string;
  placesLeft: number;
}
