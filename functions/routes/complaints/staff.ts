import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type * as v from "valibot";
import type { CaseListPage, Contact } from "../../../src/shared/complaints/console-wire";
import {
  ACTION_SCHEMAS,
  type ActionInput,
  CaseIdParamSchema,
  CaseListQuerySchema,
  CasePhotoParamSchema,
  MAX_RESULT_PHOTO_CHARS,
  PeriodSchema,
} from "../../../src/shared/complaints/staff-schemas";
import {
  type Actor,
  actorOf,
  type CaseState,
  nextState,
  STAFF_ACTIONS,
  type StaffAction,
} from "../../../src/shared/complaints/states";
import { can } from "../../../src/shared/staff/roles";
import { findCasePhoto, listCases } from "../../db/complaints/handling";
import { transitionBatch } from "../../db/complaints/index";
import { findFilingAccount } from "../../db/open311/requests";
import { listUnits } from "../../db/staff/units";
import type { AppEnv } from "../../env";
import { audit } from "../../lib/audit-context";
import { planAction } from "../../lib/complaints/case-actions";
import { exportCases } from "../../lib/complaints/case-export";
import { loadCase } from "../../lib/complaints/case-scope";
import { caseSummary, readCaseDetail, refusal } from "../../lib/complaints/case-view";
import { servePhoto } from "../../lib/complaints/request";
import { runTransition, STALE_DETAIL } from "../../lib/complaints/transition";
import { problem } from "../../lib/problem";
import { validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/** Case handling for staff, mounted at /api/staff/complaints. Unit handlers reach only their unit's cases. */
const cases = new Hono<AppEnv>();

cases.get("/", validate("query", CaseListQuerySchema), async (c) => {
  const staff = currentStaff(c);
  const q = c.req.valid("query");
  const ownUnit = staff.role === "unit_handler" ? staff.unitId : null;
  const db = c.var.db;
  const [rows, units] = await db.batch([listCases(db, q, { ownUnit }), listUnits(db)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const page = rows.slice(0, q.limit);
  const more = rows.length > q.limit;
  const last = page.at(-1);
  const next = !more || !last ? null : q.view === "all" ? { before: last.id } : { offset: (q.offset ?? 0) + q.limit };
  return c.json<CaseListPage>({ cases: page.map((r) => caseSummary(r, names)), next });
});

cases.get("/export.csv", validate("query", PeriodSchema), async (c) => {
  const staff = currentStaff(c);
  const { from, to } = c.req.valid("query");
  return exportCases(c, { from, to, withContact: can(staff.role, "complaints:export_contact") });
});

cases.get("/:id", validate("param", CaseIdParamSchema), async (c) => {
  const staff = currentStaff(c);
  const found = await loadCase(c, c.req.valid("param").id);
  return c.json(await readCaseDetail(c.var.db, found.id, staff));
});

/**
 * The reporter's full contact, audited: the name and phone only when a callback was asked for, and
 * the account id an app sent through Open311 (the case view masks both).
 */
cases.get("/:id/contact", validate("param", CaseIdParamSchema), async (c) => {
  const found = await loadCase(c, c.req.valid("param").id);
  const accountId = (await findFilingAccount(c.var.db, found.id).get())?.accountId ?? null;
  const callback = found.callbackWanted && !!found.reporterPhone;
  if (!callback && !accountId) throw problem(404, { detail: "市民未留联系方式或已匿名化。" });
  await audit(c, "complaint.contact_viewed", found.caseNumber);
  return c.json<Contact>({
    name: callback ? found.reporterName : null,
    phone: callback ? found.reporterPhone : null,
    ...(accountId ? { accountId } : {}),
  });
});

cases.get("/:id/photos/:photoId", validate("param", CasePhotoParamSchema), async (c) => {
  const { id, photoId } = c.req.valid("param");
  const found = await loadCase(c, id);
  const photo = await findCasePhoto(c.var.db, found.id, photoId).get();
  if (!photo) throw problem(404, { detail: "照片不存在。" });
  return servePhoto(c.var.platform.files, photo.r2Key, "private, no-store");
});

// Reporting a case handled may carry a photo: that endpoint's own, larger body limit.
cases.use(
  "/:id/handle",
  bodyLimit({
    maxSize: MAX_RESULT_PHOTO_CHARS + 64 * 1024,
    onError: () => {
      throw problem(413, { detail: "照片不能超过 5 MB。" });
    },
  }),
);
// One endpoint per action of the transition table, so the permission table and its test see each.
for (const action of STAFF_ACTIONS) {
  cases.post(
    `/:id/${action}`,
    validate("param", CaseIdParamSchema),
    validate("json", ACTION_SCHEMAS[action] as v.GenericSchema<unknown, ActionInput<StaffAction>>),
    async (c) => {
      const staff = currentStaff(c);
      const input = c.req.valid("json");
      const found = await loadCase(c, c.req.valid("param").id);
      if (input.version !== found.version) throw problem(409, { detail: STALE_DETAIL });
      const refused = refusal(found, staff, action);
      if (refused) throw problem(409, { detail: refused });
      // refusal() found the role acting and the state allowed: the table gives the state it leads to.
      const to = nextState(action, found.state, actorOf(staff.role) as Actor) as CaseState;
      const db = c.var.db;
      const now = Date.now();
      const { files, batch } = c.var.platform;
      const plan = await planAction(action, input, { db, files, c: found, now });
      const at = new Date(now).toISOString();
      try {
        await runTransition(batch, [
          ...transitionBatch(db, {
            complaintId: found.id,
            version: found.version,
            set: plan.set,
            event: {
              at,
              action,
              fromState: found.state,
              toState: to,
              actorKind: "staff",
              actorId: staff.id,
              unitId: plan.set.unitId ?? found.unitId,
              note: plan.note ?? null,
              isPublic: plan.isPublic,
              notePublic: plan.notePublic,
            },
          }),
          audit(c, `complaint.${action}`, found.caseNumber, { from: found.state, to, ...plan.audit }),
          ...(plan.extra ?? []),
        ]);
      } catch (err) {
        await files.delete((plan.stored ?? []).map((p) => p.r2Key));
        throw err;
      }
      return c.json(await readCaseDetail(db, found.id, staff));
    },
  );
}

export default cases;
