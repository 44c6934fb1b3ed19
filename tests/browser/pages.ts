import { DESK_CLERK, deskDemo } from "./appointments/desk-demo";
import { cancelledBookingPath, demoBookingPath } from "./appointments/public-demo";
import { demoTrackingPathWithContact } from "./complaints/personal-data-demo";
import { demoCaseNumber } from "./complaints/public-case-demo";
import { DEMO_CERTIFICATE_PATH, demoCertificate } from "./sweeps/certificate-demo";
import { minorSignUpByApi } from "./sweeps/consent-demo";
import { fullSweep, openSweep, signUpByApi } from "./sweeps/demo";
import { groupByApi } from "./sweeps/group-demo";
import { leaderDemo } from "./sweeps/lead-demo";
import { COORDINATOR, sweepAwaitingHours } from "./sweeps/staff-demo";

/** A seeded case with a public page (tests/browser/complaints/public-case-demo.ts). */
const DEMO_CASE = await demoCaseNumber();

/** A seeded case opened by its tracking link, whose reporter left a name and phone. */
const DEMO_TRACKING_WITH_CONTACT = await demoTrackingPathWithContact();

/** A seeded sweep with places left, and an adult's sign-up to it (tests/browser/sweeps/demo.ts). */
const DEMO_SWEEP = await openSweep();
const DEMO_MANAGE_PATH = await signUpByApi(DEMO_SWEEP.id);
/** A 15-year-old's sign-up, its place held for the guardian's consent (tests/browser/sweeps/consent-demo.ts). */
const DEMO_MINOR = await minorSignUpByApi();
/** The seeded sweep that is full with its waitlist open. */
const DEMO_FULL_SWEEP = await fullSweep();
/** A class of three signed up on a seeded sweep, opened by its group link (tests/browser/sweeps/group-demo.ts). */
const DEMO_GROUP_PATH = (await groupByApi(3)).groupPath;
/** The seeded volunteer's certificate (tests/browser/sweeps/certificate-demo.ts). */
const DEMO_CERTIFICATE = await demoCertificate();
/** A sweep starting within the hour, one sign-up, and its leader link (tests/browser/sweeps/lead-demo.ts). */
const DEMO_LEAD = await leaderDemo();

/** Last Saturday's seeded sweep, its hours waiting for a coordinator's approval. */
const DEMO_SWEEP_AWAITING_HOURS = await sweepAwaitingHours();

/** A booked consultation and a cancelled one, each opened by its manage link (tests/browser/appointments/public-demo.ts). */
const DEMO_APPOINTMENT_PATH = await demoBookingPath();
const DEMO_CANCELLED_APPOINTMENT_PATH = await cancelledBookingPath();

/** Two of today's bookings at the demo clerk's point, one of them late (tests/browser/appointments/desk-demo.ts). */
await deskDemo();

/** One URL per page template of the publishing site: the accessibility and header tests visit each. */
export const PAGE_TEMPLATES = [
  { name: "home", path: "/" },
  { name: "notice list", path: "/notices/" },
  { name: "notice list, page 2", path: "/notices/2/" },
  { name: "notice list by kind", path: "/notices/kind/campaign/" },
  { name: "notice", path: "/notices/guiyuan-night-market-order/" },
  { name: "regulation list", path: "/regulations/" },
  { name: "regulation list by validity", path: "/regulations/validity/repealed/" },
  { name: "regulation, repealed", path: "/regulations/construction-dust-interim-2025/" },
  { name: "regulation, in force", path: "/regulations/city-appearance-street-order/" },
  { name: "open letter", path: "/letter/" },
  { name: "privacy notice", path: "/privacy/" },
  { name: "site map", path: "/sitemap/" },
  { name: "feeds", path: "/feeds/" },
  { name: "developers, the public API and its contents", path: "/developers/" },
  { name: "developers, one section of the API reference", path: "/developers/complaints/" },
  { name: "search with results", path: "/search/?q=%E5%A4%9C%E5%B8%82" },
  { name: "404", path: "/no-such-page/" },
  { name: "complaints, public view", path: "/complaints/" },
  { name: "complaints, filing", path: "/complaints/new/" },
  { name: "complaints, tracking", path: "/complaints/track/" },
  { name: "complaints, figures", path: "/complaints/figures/" },
  { name: "staff sign-in", path: "/staff/" },
  { name: "volunteer sweeps", path: "/volunteer/" },
  { name: "volunteer, manage page opened without its link", path: "/volunteer/manage/" },
  { name: "volunteer, guardian's consent page opened without its link", path: "/volunteer/consent/" },
  { name: "volunteer, group page opened without its link", path: "/volunteer/group/" },
  { name: "volunteer, certificate page opened without its link", path: "/volunteer/certificate/" },
  { name: "volunteer, certificate verification", path: "/volunteer/verify/" },
  { name: "volunteer, leader's page opened without its link", path: "/volunteer/lead/" },
  { name: "appointments, booking", path: "/appointments/" },
  { name: "appointments, service points and hours", path: "/appointments/points/" },
  { name: "appointments, manage page opened without its link", path: "/appointments/manage/" },
  { name: "appointments, an application's progress by number and phone", path: "/appointments/application/" },
] as const;

/** A filing draft as the device keeps it, opened on the place step with a point tapped on the map. */
const DRAFT_WITH_MAP_POINT = JSON.stringify({
  step: 1,
  idempotencyKey: "axe-map-state-0000-0000",
  categoryId: "C0305",
  addressText: "桂园路北侧",
  communityId: "jingui",
  point: { lat: 30.2863, lng: 120.1937 },
  pointSource: "map",
});

/**
 * States of a page the accessibility test opens too: `storage` is put into localStorage before the
 * page loads, and `ready` is what shows once the island has drawn the state.
 */
export const PAGE_STATES = [
  {
    name: "complaints, filing: a place tapped on the district map",
    path: "/complaints/new/",
    storage: { "complaint-draft": DRAFT_WITH_MAP_POINT },
    ready: ".map-picker .map-marker",
  },
  {
    name: "complaints, public view: the hot spots drawn on the district map",
    path: "/complaints/#hotspots-heading",
    storage: {},
    ready: ".hotspot-map .map-note",
  },
  {
    name: "complaints, a case's public page (a seeded case awaiting verification)",
    path: `/complaints/c/${DEMO_CASE}/`,
    storage: {},
    ready: "#public-case-heading",
  },
  {
    name: "complaints, case lookup with a followed case",
    path: "/complaints/c/",
    storage: {
      "complaint-followed": JSON.stringify([{ caseNumber: DEMO_CASE, title: "demo", seenSteps: 1 }]),
    },
    ready: ".followed-cases .card strong",
  },
  {
    name: "complaints, tracking by link: the personal data the case holds and the delete button",
    path: DEMO_TRACKING_WITH_CONTACT,
    storage: {},
    ready: "#contact-delete",
  },
  {
    name: "volunteer, the sweeps listed",
    path: "/volunteer/",
    storage: {},
    ready: ".sweep-card",
  },
  {
    name: "volunteer, a sweep's page with its sign-up form",
    path: `/volunteer/sweep/?id=${DEMO_SWEEP.id}`,
    storage: {},
    ready: "#signup-heading",
  },
  {
    name: "volunteer, a full sweep's page: the waitlist form and sweeps suggested instead",
    path: `/volunteer/sweep/?id=${DEMO_FULL_SWEEP.id}`,
    storage: {},
    ready: "#suggested-heading",
  },
  {
    name: "volunteer, a sign-up's manage page opened by its link",
    path: DEMO_MANAGE_PATH,
    storage: {},
    ready: "#manage-heading",
  },
  {
    name: "volunteer, a guardian's consent page opened by its link: what is asked, consent and decline",
    path: DEMO_MINOR.consentPath ?? "",
    storage: {},
    ready: "#consent-heading",
  },
  {
    name: "volunteer, a minor's manage page: the place held for the guardian's consent",
    path: DEMO_MINOR.managePath,
    storage: {},
    ready: "#consent-status-heading",
  },
  {
    name: "volunteer, a group's page opened by its link: its held places and the deadline",
    path: DEMO_GROUP_PATH,
    storage: {},
    ready: "#group-heading",
  },
  {
    name: "volunteer, a certificate opened from the manage link, ready to print",
    path: DEMO_CERTIFICATE_PATH,
    storage: {},
    ready: ".certificate .seal-box",
  },
  {
    name: "volunteer, a certificate verified from its QR code's link: valid",
    path: DEMO_CERTIFICATE.verifyPath,
    storage: {},
    ready: ".verdict-valid",
  },
  {
    name: "volunteer, the leader's page opened by its link: counts, the code box, the roll, the walk-in form",
    path: DEMO_LEAD.leaderPath,
    storage: {},
    ready: ".leader-counts",
  },
  {
    name: "appointments, booking: an intake chosen from the address, its free slots by day",
    path: "/appointments/?service=intake",
    storage: {},
    ready: "#appointment-slots",
  },
  {
    name: "appointments, service points with this week's real hours",
    path: "/appointments/points/",
    storage: {},
    ready: "[data-week][data-loaded]",
  },
  {
    name: "appointments, figures: last month's table per point and per service",
    path: "/appointments/figures/",
    storage: {},
    ready: ".figures-table",
  },
  {
    name: "appointments, a booking's manage page opened by its link: reschedule and cancel",
    path: DEMO_APPOINTMENT_PATH,
    storage: {},
    ready: "#reschedule-heading",
  },
  {
    name: "appointments, a cancelled booking's manage page",
    path: DEMO_CANCELLED_APPOINTMENT_PATH,
    storage: {},
    ready: "#manage-heading",
  },
  // The service point's desk (src/pages/staff/appointments/), as the demo clerk of linhe.
  {
    name: "staff, the service point's desk: today's bookings, free places and walk-ins",
    path: "/staff/appointments/",
    storage: {},
    ready: ".desk-list",
    staff: DESK_CLERK,
  },
  // Signboard applications (src/pages/staff/appointments/applications.astro): intake, the queue, the overdue board.
  {
    name: "staff, signboard applications: intake, the point's queue and the overdue board",
    path: "/staff/appointments/applications/",
    storage: {},
    ready: ".applications-intake",
    staff: DESK_CLERK,
  },
  // The staff calendar (src/pages/staff/appointments/calendar.astro): weeks, template, closures.
  {
    name: "staff, a service point's calendar: weeks against 10 hours, template and closures",
    path: "/staff/appointments/calendar/",
    storage: {},
    ready: ".calendar-weeks",
    staff: DESK_CLERK,
  },
  // The service points' figures (src/pages/staff/appointments/figures.astro): last month at the clerk's point.
  {
    name: "staff, the service points' figures: the period, the point's table and what each figure means",
    path: "/staff/appointments/figures/",
    storage: {},
    ready: ".figures-table",
    staff: DESK_CLERK,
  },
  // The sweeps console (src/pages/staff/sweeps/), opened signed in as the demo coordinator.
  {
    name: "staff, the sweeps console's list",
    path: "/staff/sweeps/",
    storage: {},
    ready: "#upcoming-caption",
    staff: COORDINATOR,
  },
  {
    name: "staff, planning sweeps: the form with the district map",
    path: "/staff/sweeps/new/",
    storage: {},
    ready: ".map-picker .district-map",
    staff: COORDINATOR,
  },
  {
    name: "staff, a full sweep's page: facts, edit and cancel, the masked roster",
    path: `/staff/sweeps/sweep/?id=${DEMO_FULL_SWEEP.id}`,
    storage: {},
    ready: "#roster-caption",
    staff: COORDINATOR,
  },
  {
    name: "staff, a sweep of last Saturday: its hours to review and approve",
    path: `/staff/sweeps/sweep/?id=${DEMO_SWEEP_AWAITING_HOURS.id}`,
    storage: {},
    ready: "#hours-caption",
    staff: COORDINATOR,
  },
  {
    name: "staff, the sweeps' outbox",
    path: "/staff/sweeps/outbox/?status=sent",
    storage: {},
    ready: "#outbox-caption",
    staff: COORDINATOR,
  },
  {
    name: "staff, the sweeps' figures: coverage, balance, tables and targets",
    path: "/staff/sweeps/figures/",
    storage: {},
    ready: "#coverage-caption",
    staff: COORDINATOR,
  },
  {
    name: "staff, certificates: find and revoke",
    path: "/staff/sweeps/certificates/",
    storage: {},
    ready: "#cert-query",
    staff: COORDINATOR,
  },
  // Open311 API keys (src/pages/staff/open311/keys/), as the demo admin: the list and the issue form.
  {
    name: "staff, Open311 API keys: the list and the issue form",
    path: "/staff/open311/keys/",
    storage: {},
    ready: "#key-holder",
    staff: "admin@demo.qingxi.example",
  },
] as const;
