import { type FormEvent, useEffect, useState } from "react";
import { book, nearestFreeOf } from "../../lib/appointments/api";
import type { CatalogueService } from "../../lib/appointments/catalogue";
import {
  type BookingDraft,
  bookingInput,
  clearBookingDraft,
  loadBookingDraft,
  newBookingDraft,
  saveBookingDraft,
} from "../../lib/appointments/draft";
import { ApiError, refusalOf } from "../../lib/kit/problem";
import { BookingSchema } from "../../shared/appointments/schemas";
import type { BookingResult, FreeSlot } from "../../shared/appointments/wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { PhoneInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";

// The answer comes in the form's chunk (BookingApp loads both lazily, as one file).
export { Booked } from "./Booked";

const FIELDS = {
  slotId: { id: "appointment-slots", label: "预约时段" },
  name: { id: "appointment-name", label: "姓名" },
  phone: { id: "appointment-phone", label: "手机号码" },
  shopName: { id: "appointment-shop-name", label: "店铺名称" },
  shopAddress: { id: "appointment-shop-address", label: "店铺地址" },
  licenceNumber: { id: "appointment-licence", label: "营业执照号（统一社会信用代码，选填）" },
  applicationNumber: { id: "appointment-application", label: "申请编号（选填）" },
};

type TextKey = Exclude<keyof BookingDraft, "idempotencyKey">;

interface Props {
  service: CatalogueService;
  slot: FreeSlot | null;
  onBooked: (result: BookingResult, shopAddress: string) => void;
  /** A 409: the slot went to someone else; the API's nearest free slots. */
  onTaken: (alternatives: FreeSlot[]) => void;
}

/**
 * The merchant's details and the booking itself. The draft and its Idempotency-Key stay in the
 * browser until the answer comes, so a retry after a lost answer cannot book twice; an answer that
 * refused (nothing was written) starts a new key, as does another slot.
 */
export function BookingForm({ service, slot, onBooked, onTaken }: Props) {
  const [draft, setDraft] = useState<BookingDraft>(() => newBookingDraft(""));
  const form = useForm({ targets: FIELDS, focusOtherwise: "booking-errors" });
  const errors = form.errors;
  const inspection = service.where === "shop";

  useEffect(() => {
    setDraft(loadBookingDraft() ?? newBookingDraft(crypto.randomUUID()));
  }, []);

  const update = (change: (d: BookingDraft) => BookingDraft) =>
    setDraft((d) => {
      const next = change(d);
      saveBookingDraft(next);
      return next;
    });
  const set = (key: TextKey) => (value: string) => update((d) => ({ ...d, [key]: value }));
  const renewKey = () => update((d) => newBookingDraft(crypto.randomUUID(), d));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.busy || !draft.idempotencyKey) return;
    const input = form.check(BookingSchema, bookingInput(draft, slot?.id ?? ""), {
      extra: slot ? {} : { slotId: "请先在上面选择预约时段" },
    });
    if (!input) return;
    await form.run(
      async () => {
        const result = await book(input, draft.idempotencyKey);
        clearBookingDraft();
        onBooked(result, input.shopAddress);
      },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.kind === "network")
            return { message: "网络中断，没有收到答复。请检查网络后再点“确认预约”：重试不会重复预约。", errors: {} };
          // Refused: nothing was written, so the next attempt is a new request (unless the first is still running).
          if (err instanceof ApiError && err.retryAfter === null) renewKey();
          const alternatives = nearestFreeOf(err);
          if (err instanceof ApiError && err.status === 409 && alternatives.length > 0) onTaken(alternatives);
          return refusalOf(err, "预约没有成功，请稍后再试。");
        },
      },
    );
  }

  const text = (key: TextKey, hint: string, autoComplete: string, maxLength: number) => (
    <Field id={FIELDS[key].id} label={FIELDS[key].label} hint={hint || undefined} error={errors[key]}>
      {(a11y) => (
        <input
          {...a11y}
          type="text"
          autoComplete={autoComplete}
          maxLength={maxLength}
          value={draft[key]}
          onChange={(e) => set(key)(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary id="booking-errors" message={form.message} errors={errors} targets={FIELDS} />
      {text("name", "", "name", 40)}
      <Field id={FIELDS.phone.id} label={FIELDS.phone.label} hint="用于预约通知和联系，不会公开。" error={errors.phone}>
        {(a11y) => <PhoneInput {...a11y} value={draft.phone} onChange={set("phone")} />}
      </Field>
      {text("shopName", "与营业执照上的字号一致", "organization", 60)}
      {text(
        "shopAddress",
        inspection ? "工作人员到这个地址上门查看，请写到门牌号。" : "设置招牌的店铺地址，写到门牌号。",
        "street-address",
        80,
      )}
      {text("licenceNumber", "18 位统一社会信用代码或 15 位注册号，填写后办理更快。", "off", 18)}
      {text(
        "applicationNumber",
        inspection
          ? "已递交申请的，请填写受理通知书上的申请编号；还没有编号的，按店铺地址上门。"
          : "已递交过申请的可填写。",
        "off",
        30,
      )}
      <p className="muted">
        姓名、手机号和店铺信息只用于办理本次预约和店招审批，详见<a href="/privacy/">个人信息处理说明</a>。
      </p>
      <div className="actions">
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在提交…" : "确认预约"}
        </button>
      </div>
    </form>
  );
}
