import { type FormEvent, useState } from "react";
import { rateCase } from "../../lib/complaints/api";
import { refusalOf } from "../../lib/kit/problem";
import { RateSchema } from "../../shared/complaints/schemas";
import { RATING_LABELS, RATINGS, type Rating } from "../../shared/complaints/states";
import type { TrackingView } from "../../shared/complaints/wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field, FieldError } from "../forms/Field";
import { useForm } from "../forms/useForm";

interface Props {
  token: string;
  onDone: (view: TrackingView, message: string) => void;
}

/** A missing rating puts focus on the first choice of the group. */
const FIELDS = { rating: `rating-${RATINGS[0]}`, comment: "rating-comment" };

/** 满意 / 基本满意 / 不满意 with an optional comment, once the case is closed. */
export function RatingForm({ token, onDone }: Props) {
  const [rating, setRating] = useState<Rating | "">("");
  const [comment, setComment] = useState("");
  const form = useForm({ targets: FIELDS });
  const errors = form.errors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    const checked = form.check(RateSchema, { rating, comment }, { quiet: true });
    if (!checked) return;
    await form.run(async () => onDone(await rateCase(token, checked.rating, checked.comment ?? ""), "感谢您的评价。"), {
      onError: (err) => refusalOf(err, "评价没有提交成功，请稍后再试。"),
    });
  };

  return (
    <form className="case-form" noValidate onSubmit={submit} aria-labelledby="rating-heading">
      <h3 id="rating-heading">评价办理结果</h3>
      <ErrorSummary message={form.message} />
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
      <Field id={FIELDS.comment} label="补充说明（选填，不超过 500 字）" error={errors.comment || undefined}>
        {(a11y) => (
          <textarea {...a11y} rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
        )}
      </Field>
      <button type="submit" aria-disabled={form.busy}>
        {form.busy ? "正在提交…" : "提交评价"}
      </button>
    </form>
  );
}
