import { useState } from "react";
import * as v from "valibot";
import { errorMessage, fieldErrorsOf } from "../../../../lib/kit/problem";
import type { StaffCalendarView } from "../../../../shared/appointments/calendar-staff-wire";
import {
  clockMinutes,
  WEEKDAY_KEYS,
  WEEKDAY_LABELS,
  type WeekdayKey,
  type WeeklyTemplate,
  WeeklyTemplateSchema,
} from "../../../../shared/appointments/template";
import { formatDateTimeZh } from "../../../../shared/time";
import { ErrorSummary } from "../../../forms/ErrorSummary";
import { staffCalendarApi } from "./api";

/** An interval as typed, with a key of its own (rows come and go). */
type Row = { key: number; from: string; to: string };
let nextKey = 0;
const row = (from: string, to: string): Row => ({ key: ++nextKey, from, to });
type Week = Record<WeekdayKey, Row[]>;

const weekOf = (t: WeeklyTemplate): Week =>
  Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, (t[k] ?? []).map((i) => row(i.from, i.to))])) as Week;

/** The week as the API takes it: days with intervals only. */
const templateOf = (w: Week): WeeklyTemplate =>
  Object.fromEntries(
    WEEKDAY_KEYS.filter((k) => w[k].length > 0).map((k) => [k, w[k].map(({ from, to }) => ({ from, to }))]),
  ) as WeeklyTemplate;

/** The total of the well-formed intervals, as typed: what the live sum shows. */
const liveHours = (w: Week) =>
  WEEKDAY_KEYS.flatMap((k) => w[k])
    .filter((i) => /^\d\d:\d\d$/.test(i.from) && /^\d\d:\d\d$/.test(i.to))
    .reduce((sum, i) => sum + Math.max(0, clockMinutes(i.to) - clockMinutes(i.from)), 0) / 60;

/**
 * The weekly template: intervals per weekday (the desks and the inspection teams work within them),
 * the weekly total shown as it is typed, and a week below the minimum refused before it is sent.
 */
export function TemplateEditor({ view, onSaved }: { view: StaffCalendarView; onSaved: (m: string) => Promise<void> }) {
  const minimum = view.calendar.minimumWeeklyHours;
  const [week, setWeek] = useState<Week>(() => weekOf(view.template.weekly));
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const hours = liveHours(week);

  const set = (day: WeekdayKey, rows: Row[]) => setWeek((w) => ({ ...w, [day]: rows }));

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = v.safeParse(WeeklyTemplateSchema(minimum), templateOf(week));
    if (!parsed.success) {
      setErrors({});
      setMessage(parsed.issues.map((i) => i.message).join("；"));
      document.getElementById("template-errors")?.focus();
      return;
    }
    setBusy(true);
    setMessage("");
    try {
      const saved = await staffCalendarApi.saveTemplate(view.point.id, {
        version: view.template.version,
        weekly: parsed.output,
      });
      await onSaved(`办公时段已保存（每周 ${saved.hours} 小时，第 ${saved.version} 版）。`);
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setMessage(errorMessage(err, "办公时段没有保存成功，请重试。"));
    } finally {
      setBusy(false);
    }
  }

  if (!view.canEdit) {
    return (
      <section aria-labelledby="template-heading">
        <h3 id="template-heading">每周办公时段</h3>
        <p>每周 {view.template.hours} 小时（只读）。</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="template-heading">
      <h3 id="template-heading">每周办公时段</h3>
      <p className="muted">
        {view.template.source === "data"
          ? "当前使用公告中的办公时间（尚未在此修改过）。"
          : `第 ${view.template.version} 版，${formatDateTimeZh(view.template.updatedAt ?? "")} 保存。`}
        咨询和收件窗口、现场查看组都在这些时段内预约；调休上班日按周二的时段开放。
      </p>
      <ErrorSummary id="template-errors" message={message || undefined} errors={errors} />
      <form className="template-editor" onSubmit={save} noValidate>
        {WEEKDAY_KEYS.map((day) => (
          <fieldset key={day}>
            <legend>{WEEKDAY_LABELS[day]}</legend>
            {week[day].length === 0 && <p className="muted">不开放</p>}
            {week[day].map((r, i) => (
              <div className="interval" key={r.key}>
                <label>
                  {WEEKDAY_LABELS[day]}第 {i + 1} 段开始
                  <input
                    type="time"
                    step={300}
                    value={r.from}
                    onChange={(e) =>
                      set(
                        day,
                        week[day].map((x, j) => (j === i ? { ...x, from: e.target.value } : x)),
                      )
                    }
                  />
                </label>
                <label>
                  结束
                  <input
                    type="time"
                    step={300}
                    value={r.to}
                    onChange={(e) =>
                      set(
                        day,
                        week[day].map((x, j) => (j === i ? { ...x, to: e.target.value } : x)),
                      )
                    }
                  />
                </label>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    set(
                      day,
                      week[day].filter((_, j) => j !== i),
                    )
                  }
                >
                  删除{WEEKDAY_LABELS[day]}第 {i + 1} 段
                </button>
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => set(day, [...week[day], row("09:00", "12:00")])}>
              添加{WEEKDAY_LABELS[day]}时段
            </button>
          </fieldset>
        ))}
        <p className="template-total" aria-live="polite">
          每周合计 <strong>{hours}</strong> 小时
          {hours < minimum ? `，少于规定的 ${minimum} 小时，不能保存` : ""}
        </p>
        <div className="actions">
          <button type="submit" aria-disabled={busy || undefined}>
            保存办公时段
          </button>
        </div>
      </form>
    </section>
  );
}
