// The merchant's lookup of an application by number and phone, apart from the staff steps' schemas
// so the lookup page's island loads only this (and the phone's schema), not the steps' data.
import * as v from "valibot";
import { mobileSchema } from "../complaints/schemas.ts";

/** SQ and 8 Crockford base32 characters; typed in lower case or with spaces, read as written on the notice. */
export const ApplicationNumberSchema = v.pipe(
  v.string("请填写申请编号"),
  v.transform((s) => s.replace(/[\s-]/g, "").toUpperCase()),
  v.regex(/^SQ[0-9A-HJKMNP-TV-Z]{8}$/, "申请编号为 SQ 加 8 位字母或数字，请核对受理回执"),
);

/** POST /api/appointments/applications/lookup: the number and the phone the intake booking gave. */
export const ApplicationLookupSchema = v.object({
  applicationNumber: ApplicationNumberSchema,
  phone: mobileSchema("请填写预约时留下的 11 位手机号码"),
});
export type ApplicationLookupInput = v.InferInput<typeof ApplicationLookupSchema>;
