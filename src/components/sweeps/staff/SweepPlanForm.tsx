import { type FormEvent, useState } from "react";
import { sweepDate } from "../../../lib/sweeps/format";
import { staffSweepsApi } from "../../../lib/sweeps/staff-api";
import {
  choosePlaces,
  defaultPlace,
  newPlanForm,
  type PlanForm,
  planInput,
  seriesDays,
} from "../../../lib/sweeps/staff-form";
import { readDistrictMap } from "../../../lib/sweeps/staff-map";
import { COMMUNITIES } from "../../../shared/geo";
import { CreateSweepsSchema, MAX_SERIES } from "../../../shared/sweeps/staff-schemas";
import type { StaffSweep } from "../../../shared/sweeps/wire";
import { chinaDay, formatDateZh } from "../../../shared/time";
import { ErrorSummary, type FieldTargets } from "../../forms/ErrorSummary";
import { Field, FieldError } from "../../forms/Field";
import { useForm } from "../../forms/useForm";
import { MeetingPointMap } from "./MeetingPointMap";
import { PlannedSweeps } from "./PlannedSweeps";
import { SWEEP_FIELD_TARGETS, SweepFields } from "./SweepFields";

const TARGETS: FieldTargets = {
  firstDay: { id: "plan-first-day", label: "首次日期" },
  weeks: { id: "plan-weeks", label: "连续周数" },
  places: { id: "plan-all", label: "社区与集合地点" },
  ...SWEEP_FIELD_TARGETS,
};

/** Plans one sweep or a weekly series in any of the 12 communities, as one action (one batch). */
export function SweepPlanForm() {
  const [map] = useState(readDistrictMap);
  const [plan, setPlan] = useState<PlanForm>(() => newPlanForm(chinaDay()));
  const [tapped, setTapped] = useState<string[]>([]);
  const [created, setCreated] = useState<StaffSweep[] | null>(null);
  const form = useForm({ targets: TARGETS });
  const set = (change: Partial<PlanForm>) => setPlan((p) => ({ ...p, ...change }));

  const chosen = plan.places.map((p) => p.communityId);
  const choose = (ids: string[]) => setPlan((p) => ({ ...p, places: choosePlaces(p.places, ids, COMMUNITIES, map) }));
  const weeks = Number(plan.weeks);
  const days = seriesDays(plan.firstDay, weeks);
  const count = plan.places.length * (Number.isInteger(weeks) && weeks > 0 ? weeks : 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check(CreateSweepsSchema, planInput(plan));
    if (!input) return;
    await form.run(async () => {
      const answer = await staffSweepsApi.create(planInput(plan));
      setCreated(answer.sweeps);
      form.focusLater("planned-heading");
    });
  }

  if (created) {
    return (
      <PlannedSweeps
        sweeps={created}
        onAgain={() => {
          setCreated(null);
          setPlan(newPlanForm(chinaDay()));
          setTapped([]);
          form.focusLater("plan-first-day");
        }}
      />
    );
  }

  return (
    <>
      <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
      <form className="form sweep-form" noValidate onSubmit={submit} aria-labelledby="staff-heading">
        <fieldset className="group">
          <legend>日期与重复</legend>
          <div className="field-row">
            <Field id="plan-first-day" label="首次日期" error={form.errors.firstDay}>
              {(a11y) => (
                <input
                  {...a11y}
                  type="date"
                  value={plan.firstDay}
                  onChange={(e) => set({ firstDay: e.target.value })}
                />
              )}
            </Field>
            <Field
              id="plan-weeks"
              label="连续周数"
              hint="1 为只办一次；大于 1 则每周同一天、同一时间再办一次，最多 12 周"
              error={form.errors.weeks}
            >
              {(a11y) => (
                <input
                  {...a11y}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={12}
                  value={plan.weeks}
                  onChange={(e) => set({ weeks: e.target.value })}
                />
              )}
            </Field>
          </div>
          <p className="muted" id="plan-days">
            活动日期：{days.map((d) => sweepDate({ startsAt: `${d}T04:00:00Z` })).join("、")}
          </p>
        </fieldset>

        <fieldset className="group" aria-describedby={form.errors.places ? "plan-all-error" : undefined}>
          <legend>社区</legend>
          <FieldError id="plan-all" error={form.errors.places} />
          <div className="check">
            <input
              id="plan-all"
              type="checkbox"
              checked={chosen.length === COMMUNITIES.length}
              onChange={(e) => choose(e.target.checked ? COMMUNITIES.map((c) => c.id) : [])}
            />
            <label htmlFor="plan-all">全部 {COMMUNITIES.length} 个社区</label>
          </div>
          <ul className="community-choices">
            {COMMUNITIES.map((c) => (
              <li key={c.id} className="check">
                <input
                  id={`plan-c-${c.id}`}
                  type="checkbox"
                  checked={chosen.includes(c.id)}
                  onChange={(e) => choose(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}
                />
                <label htmlFor={`plan-c-${c.id}`}>
                  {c.name}
                  <span className="muted">（{c.subdistrict}）</span>
                </label>
              </li>
            ))}
          </ul>
          <p role="status" className="plan-count">
            {count > 0
              ? `将创建 ${count} 场活动（${plan.places.length} 个社区 × ${days.length} 周）${count > MAX_SERIES ? `，超过一次最多 ${MAX_SERIES} 场，请减少社区或周数` : ""}。`
              : "尚未选择社区。"}
          </p>
        </fieldset>

        {plan.places.length > 0 && (
          <fieldset className="group">
            <legend>集合地点</legend>
            {plan.places.map((place) => {
              const c = COMMUNITIES.find((x) => x.id === place.communityId);
              return (
                <Field
                  key={place.communityId}
                  id={`plan-place-${place.communityId}`}
                  label={`${c?.name ?? place.communityId}的集合地点`}
                  hint={`坐标 ${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}${tapped.includes(place.communityId) ? "（在地图上选定）" : "（社区中心附近，可在地图上点按修改）"}`}
                >
                  {(a11y) => (
                    <input
                      {...a11y}
                      type="text"
                      maxLength={100}
                      autoComplete="off"
                      value={place.meetingPoint}
                      onChange={(e) =>
                        set({
                          places: plan.places.map((p) =>
                            p.communityId === place.communityId ? { ...p, meetingPoint: e.target.value } : p,
                          ),
                        })
                      }
                    />
                  )}
                </Field>
              );
            })}
          </fieldset>
        )}
        {map && (
          <MeetingPointMap
            map={map}
            onPick={(communityId, point) => {
              setPlan((p) => {
                const places = choosePlaces(
                  p.places,
                  [...p.places.map((x) => x.communityId), communityId],
                  COMMUNITIES,
                  map,
                );
                return { ...p, places: places.map((x) => (x.communityId === communityId ? { ...x, ...point } : x)) };
              });
              setTapped((t) => [...new Set([...t, communityId])]);
            }}
            onClear={(communityId) => {
              const c = COMMUNITIES.find((x) => x.id === communityId);
              if (!c) return;
              const { lat, lng } = defaultPlace(map, c);
              setPlan((p) => ({
                ...p,
                places: p.places.map((x) => (x.communityId === communityId ? { ...x, lat, lng } : x)),
              }));
              setTapped((t) => t.filter((id) => id !== communityId));
            }}
          />
        )}

        <SweepFields form={plan} errors={form.errors} set={set} />
        <p className="muted">
          首次日期 {formatDateZh(plan.firstDay || chinaDay())}{" "}
          起。开放报名须填写意外保险单号；没有保险单号时请不勾选“立即开放报名”，先保存为草稿。
        </p>
        <div className="actions">
          <button type="submit" aria-disabled={form.busy || undefined}>
            {form.busy ? "正在创建…" : count > 1 ? `创建 ${count} 场活动` : "创建活动"}
          </button>
        </div>
      </form>
    </>
  );
}
