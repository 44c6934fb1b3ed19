import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { maskName, maskPhone } from "../../../src/shared/privacy";
import { can } from "../../../src/shared/staff/roles";
import { SweepIdSchema } from "../../../src/shared/sweeps/schemas";
import {
  CancelSweepSchema,
  CreateSweepsSchema,
  RosterQuerySchema,
  UpdateSweepSchema,
} from "../../../src/shared/sweeps/staff-schemas";
import {
  type CreatedSweeps,
  type Roster,
  SIGNUP_STATUS_LABELS,
  type StaffSweepList,
  type StaffSweepResult,
} from "../../../src/shared/sweeps/wire";
import { rosterOf, staffSweeps, sweepById } from "../../db/sweeps/index";
import { tellSignedUp } from "../../db/sweeps/outbox";
import { offerFreePlaces } from "../../db/sweeps/signups";
import { insertSweeps, updateSweep, withdrawOpenPlaces } from "../../db/sweeps/staff";
import type { AppEnv } from "../../env";
import { audit } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { loadSweep } from "../../lib/sweeps/day";
import { runRefusing } from "../../lib/sweeps/errors";
import { offerUntil } from "../../lib/sweeps/manage";
import { planSeries, planUpdate } from "../../lib/sweeps/plan";
import { staffSweep } from "../../lib/sweeps/view";
import { parse, validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";
import staffBalance from "./staff-balance";
import staffCertificates from "./staff-certificates";
import staffDay from "./staff-day";
import staffOutbox from "./staff-outbox";
import staffRoster from "./staff-roster";

/** Planning sweeps, mounted at /api/staff/sweeps (volunteer coordinators and admins). */
const sweeps = new Hono<AppEnv>();

const DAY = 86_400_000;

// The sub-features' staff routers (leader links, hours, certificates, targets and figures, the
// outbox) are mounted here, before `/:id`, which would otherwise match their first path segment.
// ---- sub-feature mounts ----
sweeps.route("/", staffRoster);
sweeps.route("/", staffDay);
sweeps.route("/", staffBalance);
sweeps.route("/", staffOutbox);
sweeps.route("/certificates", staffCertificates);
// ---- end of sub-feature mounts ----

/** How many were told: the rows the message statements (`tellSignedUp`) wrote. */
const toldCount = (results: { changes: number }[]) => results.reduce((n, r) => n + r.changes, 0);

/** The sweep named by the path (404 when there is none). */
const sweepOf = (c: { var: AppEnv["Variables"] }, id: string) =>
  loadSweep(c.var.db, parse(SweepIdSchema, id, "/params/id"));

/** Sweeps from a week ago on, every state. */
sweeps.get("/", async (c) => {
  const rows = await staffSweeps(c.var.db, new Date(Date.now() - 7 * DAY).toISOString()).all();
  return c.json<StaffSweepList>({ sweeps: rows.map(staffSweep) });
});

/** One sweep or a weekly series in all the places given: every sweep and one audit row, one batch. */
sweeps.post("/", validate("json", CreateSweepsSchema), async (c) => {
  const rows = planSeries(c.req.valid("json"));
  await runRefusing(c.var.platform.batch, [
    ...insertSweeps(c.var.db, rows),
    audit(c, "sweep.created", rows.map((r) => r.id).join(","), { count: rows.length }),
  ]);
  const created = await c.var.db.batch(rows.map((r) => sweepById(c.var.db, r.id)) as [ReturnType<typeof sweepById>]);
  return c.json<CreatedSweeps>({ sweeps: created.flat().map(staffSweep) }, 201);
});

/** Changes a sweep with the version the coordinator saw; the people signed up are told of a new time or place. */
sweeps.patch("/:id", validate("json", UpdateSweepSchema), async (c) => {
  const found = await sweepOf(c, c.req.param("id"));
  const input = c.req.valid("json");
  if (found.sweep.state === "cancelled") throw problem(409, { detail: "这场活动已取消，不能再修改。" });
  const active = found.confirmed + found.offered + found.waitlisted + found.held;
  if (!input.open && found.sweep.state === "open" && active > 0) {
    throw problem(409, { detail: "已有人报名，不能撤回为草稿；如需停办请取消活动。" });
  }
  const { values, told } = planUpdate(input, found.sweep);
  const now = values.updatedAt;
  const tell = told ? tellSignedUp(found.sweep.id, "sweep_changed", now) : [];
  const results = await runRefusing(c.var.platform.batch, [
    updateSweep(c.var.db, found.sweep.id, input.version, values),
    ...tell,
    // More places (or a sweep opened): the people waiting are offered them in the same batch.
    ...offerFreePlaces(sql`w.sweep_id = ${found.sweep.id}`, now, offerUntil(new Date(now))),
    audit(c, "sweep.updated", found.sweep.id, { version: input.version + 1, told }),
  ]);
  const after = await sweepOf(c, found.sweep.id);
  return c.json<StaffSweepResult>({ sweep: staffSweep(after), messaged: toldCount(results.slice(1, 1 + tell.length)) });
});

/**
 * Cancels a sweep, one batch: everyone still signed up is told (each person, each group's contact),
 * then open offers, held places and the waitlist are withdrawn, so nobody confirms a place that no
 * longer exists.
 */
sweeps.post("/:id/cancel", validate("json", CancelSweepSchema), async (c) => {
  const found = await sweepOf(c, c.req.param("id"));
  const { version, reason } = c.req.valid("json");
  if (found.sweep.state === "cancelled") throw problem(409, { detail: "这场活动已取消。" });
  const now = new Date().toISOString();
  const results = await runRefusing(c.var.platform.batch, [
    updateSweep(c.var.db, found.sweep.id, version, {
      state: "cancelled",
      cancelledAt: now,
      cancelReason: reason,
      updatedAt: now,
    }),
    ...tellSignedUp(found.sweep.id, "sweep_cancelled", now),
    withdrawOpenPlaces(found.sweep.id, now),
    audit(c, "sweep.cancelled", found.sweep.id, { reason }),
  ]);
  const after = await sweepOf(c, found.sweep.id);
  return c.json<StaffSweepResult>({ sweep: staffSweep(after), messaged: toldCount(results.slice(1, 3)) });
});

/** The roster in arrival order; names and phones in full only when asked for and permitted. Audited. */
sweeps.get("/:id/signups", validate("query", RosterQuerySchema), async (c) => {
  const staff = currentStaff(c);
  const found = await sweepOf(c, c.req.param("id"));
  const contactsShown = c.req.valid("query").contacts === "1" && can(staff.role, "sweeps:contact");
  const [, rows] = await Promise.all([
    c.var.platform.batch.run([audit(c, "sweep.roster_viewed", found.sweep.id, { contactsShown })]),
    rosterOf(c.var.db, found.sweep.id).all(),
  ]);
  return c.json<Roster>({
    sweep: staffSweep(found),
    contactsShown,
    signups: rows.map(({ signup: s, position }) => ({
      id: s.id,
      name: contactsShown ? s.name : maskName(s.name),
      phone: contactsShown ? s.phone : maskPhone(s.phone),
      organisation: s.organisation,
      birthMonth: s.birthMonth,
      volunteerNumber: s.volunteerNumber,
      status: s.status,
      statusLabel: SIGNUP_STATUS_LABELS[s.status],
      position: s.status === "waitlisted" ? position : null,
      offeredUntil: s.offeredUntil,
      createdAt: s.createdAt,
    })),
  });
});

export default sweeps;
