// Inputs of the public appointments endpoints, shared by the API (validation) and the /appointments/
// islands (the same messages next to the fields).
import * as v from "valibot";
import { MOBILE } from "../complaints/filing-schema.ts";
import { FromDaySchema } from "../period.ts";
import { normalisePhone } from "../sweeps/schemas.ts";
import { PlainLine } from "../text.ts";
import { SERVICE_IDS } from "./points.ts";

const Line = (missing: string, min: number, max: number, tooLong: string) =>
  v.pipe(v.string(missing), PlainLine, v.trim(), v.minLength(min, missing), v.maxLength(max, tooLong));

/** A form sends "" for a field left empty, which means absent. */
const Optional = (schema: v.GenericSchema<string, string>) =>
  v.optional(
    v.pipe(
      v.string(),
      PlainLine,
      v.trim(),
      v.transform((s) => (s === "" ? undefined : s)),
      v.optional(schema),
    ),
  );

const SlotIdSchema = v.pipe(
  v.string("请选择预约时段"),
  v.regex(
    /^[a-z0-9-]{2,40}:(consultation|intake|inspection):\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+08:00$/,
    "预约时段无效，请重新选择",
  ),
);

/** POST /api/appointments/bookings. */
export const BookingSchema = v.object({
  slotId: SlotIdSchema,
  name: Line("请填写姓名", 1, 40, "姓名不超过 40 个字"),
  phone: v.pipe(v.string("请填写 11 位手机号码"), v.transform(normalisePhone), v.regex(MOBILE, "请填写 11 位手机号码")),
  shopName: Line("请填写店铺名称", 1, 60, "店铺名称不超过 60 个字"),
  shopAddress: Line("请填写店铺地址", 4, 80, "店铺地址不超过 80 个字"),
  licenceNumber: Optional(v.pipe(v.string(), v.regex(/^[0-9A-Z]{15,18}$/, "营业执照号应为 15–18 位数字或大写字母"))),
  applicationNumber: Optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{4,30}$/, "申请编号应为 4–30 位字母、数字或连字符")),
  ),
});
export type BookingInput = v.InferInput<typeof BookingSchema>;
export type Booking = v.InferOutput<typeof BookingSchema>;

/** POST /api/appointments/manage/reschedule. */
export const RescheduleSchema = v.object({ slotId: SlotIdSchema });

/** GET /api/appointments/slots?point=&service=&from=: `point=any` lists every point's (the nearest in time first). */
export const SlotsQuerySchema = v.object({
  point: v.pipe(v.string("请选择服务点"), v.regex(/^(any|[a-z0-9-]{2,40})$/, "服务点无效")),
  service: v.picklist(SERVICE_IDS, "请选择服务类型"),
  from: v.optional(FromDaySchema),
});
