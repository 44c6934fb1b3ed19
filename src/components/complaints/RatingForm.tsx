import { type FormEvent, useState } from "react";
import * as v from "valibot";
import { rateCase } from "../../lib/complaints/api";
import { ApiError } from "../../lib/complaints/api-error";
import type { TrackingView } from "../../lib/complaints/types";
import { RateSchema } from "../../shared/complaints/schemas";
import { RATING_LABELS, RATINGS, type Rating } from "../../shared/complaints/states";
import { Field, FieldError } from "../forms/Field";

interface Props {
  token: string;
  onDone: (view: TrackingView, message: string) => void;
}

/** 满意 / 基本满意 / 不满意 with an optional comment, once the case is closed. */
export function RatingForm({ token, onDone }: Props) {
  const [rating, setRating] = useState<Rating | "">("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const checked = v.safeParse(RateSchema, { rating, comment });
    if (!checked.success) {
      const nested = v.flatten<typeof RateSchema>(checked.issues).nested ?? {};
      return setErrors({ rating: nested.rating?.[0] ?? "", comment: nested.comment?.[0] ?? "" });
    }
    setSending(true);
    try {
      onDone(await rateCase(token, checked.output.rating, checked.output.comment ?? ""), "感谢您的评价。");
    } catch (err) {
      setErrors({ form: err instanceof ApiError ? err.message : "评价没有提交成功，请稍后再试。" });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="case-form" noValidate onSubmit={submit} aria-labelledby="rating-heading">
      <h3 id="rating-heading">评价办理结果</h3>
      <div role="alert">{errors.form && <p className="field-error">{errors.form}</p>}</div>
      <fieldset className="choices" aria-describedby={errors.rating ? "rating-error" : undefined}>
        <legend>您对办理结果满意吗？</legend>
        <FieldError id="rating" error={errors.rating || undefined} />
        {RATINGS.map((r) => (
          <div className="choice" key={r}>
            <input type="radio" id={`rating-${r}`} name="rating" checked={rating === r} onChange={() => setRating(r)} />
            <label htmlFor={`rating-${r}`}>{RATING_LABELS[r]}</label>
          </div>
        ))}
      </fieldset>
      <Field id="rating-comment" label="补充说明（选填，不超过 500 字）" error={errors.comment || undefined}>
        {(a11y) => (
          <textarea {...a11y} rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
        )}
      </Field>
      <button type="submit" aria-disabled={sending}>
        {sending ? "正在提交…" : "提交评价"}
      </button>
    </form>
  );
}
