import { Hono } from "hono";
import { ApplicationLookupSchema } from "../../../src/shared/appointments/applications-schemas";
import type { PublicApplicationView } from "../../../src/shared/appointments/applications-wire";
import { applicationByNumber } from "../../db/appointments/applications";
import type { AppEnv } from "../../env";
import { publicApplicationView, readRecord } from "../../lib/appointments/applications-view";
import { clientAddress } from "../../lib/audit-context";
import { logJson } from "../../lib/log";
import { personKey } from "../../lib/person-key";
import { problem } from "../../lib/problem";
import { throttle } from "../../lib/throttle";
import { validate } from "../../lib/validate";

/**
 * The merchant's lookup of an application by its number and the phone the intake booking gave,
 * mounted at /api/appointments/applications. The phone comes in the body, never in a URL; the
 * answer holds no name and no phone.
 */
const applications = new Hono<AppEnv>();

const NOT_FOUND = "申请编号与手机号不匹配。";

/**
 * The complaints' tracking lookup's rules (routes/complaints/track.ts): every lookup counts against
 * the client, a failed one against the number too, and the right pair always gets in. The phone is
 * compared as its person key (HMAC), which retention keeps after the phone itself is removed.
 */
applications.post("/lookup", validate("json", ApplicationLookupSchema), async (c) => {
  c.header("cache-control", "no-store");
  const { applicationNumber, phone } = c.req.valid("json");
  const limiter = c.var.platform.limiters.track;
  await throttle(limiter, [`application-lookup:${clientAddress(c)}`]);
  const app = await applicationByNumber(c.var.db, applicationNumber).get();
  const record = app ? await readRecord(c.var.db, app) : null;
  const key = await personKey(c.env, "appointment", phone);
  if (!record || record.booking.personKey !== key) {
    if (!(await limiter.limit(`application-lookup-failed:${applicationNumber}`)).success) {
      logJson(c.env, "info", { requestId: c.var.requestId, msg: "application lookups failing for one number" });
      throw problem(429, {
        detail: "这个申请编号的查询失败次数过多，请一分钟后再试。",
        headers: { "retry-after": "60" },
      });
    }
    throw problem(404, { detail: NOT_FOUND });
  }
  return c.json<PublicApplicationView>(publicApplicationView(record));
});

export default applications;
