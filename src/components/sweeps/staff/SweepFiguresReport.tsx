import { useCallback, useEffect, useState } from "react";
import { type Refusal, refusalOf } from "../../../lib/kit/problem";
import { staffSweepsMoreApi } from "../../../lib/sweeps/staff-api";
import { can } from "../../../shared/staff/roles";
import type { Me } from "../../../shared/staff/wire";
import { FIGURE_DEFINITIONS } from "../../../shared/sweeps/figures";
import type { SweepFigures, SweepTargetList } from "../../../shared/sweeps/wire";
import { addDays, chinaDay, isDay } from "../../../shared/time";
import type { FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { FilterForm } from "../../forms/FilterForm";
import { useLatestRequest } from "../../forms/useLatestRequest";
import { StatusMessage } from "../../staff/StatusMessage";
import { CoverageTable, FiguresRowsTable } from "./FiguresTables";
import { TargetsForm } from "./TargetsForm";

const PERIOD_TARGETS: FieldTargets = {
  from: { id: "figures-from", label: "开始日期" },
  to: { id: "figures-to", label: "结束日期" },
};

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

function initialPeriod() {
  const q = new URLSearchParams(location.search);
  const today = chinaDay();
  const from = q.get("from") ?? "";
  const to = q.get("to") ?? "";
  return isDay(from) && isDay(to) ? { from, to } : { from: addDays(today, -30), to: addDays(today, 30) };
}

/** The sweeps' figures for a period: totals, coverage and balance, by community, school and month; targets. */
export function SweepFiguresReport({ me }: { me: Me }) {
  const [period, setPeriod] = useState(initialPeriod);
  const [draft, setDraft] = useState(period);
  const [figures, setFigures] = useState<SweepFigures | null>(null);
  const [targets, setTargets] = useState<SweepTargetList | null>(null);
  const [error, setError] = useState<Refusal>();
  const [status, setStatus] = useState("正在加载…");
  const { load: latest } = useLatestRequest();

  const load = useCallback(
    (p: { from: string; to: string }) => {
      setStatus("正在加载…");
      history.replaceState(null, "", `${location.pathname}?${new URLSearchParams(p)}`);
      void latest(
        () => Promise.all([staffSweepsMoreApi.figures(p.from, p.to), staffSweepsMoreApi.targets(p.from, p.to)]),
        ([f, t]) => {
          setFigures(f);
          setTargets(t);
          setError(undefined);
          setStatus(`已显示 ${p.from} 至 ${p.to} 的统计：${f.totals.sweeps} 场活动。`);
        },
        (err) => {
          setError(refusalOf(err));
          setStatus("");
        },
      );
    },
    [latest],
  );

  useEffect(() => {
    load(period);
  }, [load, period]);

  const current = targets?.periods.find((p) => p.periodStart === period.from && p.periodEnd === addDays(period.to, 1));
  return (
    <>
      {can(me.role, "sweeps:manage") && (
        <p>
          <a href="/staff/sweeps/">← 返回活动列表</a>
        </p>
      )}
      <FilterForm
        label="统计时段"
        targets={PERIOD_TARGETS}
        message={error?.message}
        errors={error?.errors ?? {}}
        onSubmit={() => setPeriod({ ...draft })}
        onClear={() => {
          const p = { from: addDays(chinaDay(), -30), to: addDays(chinaDay(), 30) };
          setDraft(p);
          setPeriod(p);
        }}
        note={<p className="muted">按活动开始日期（北京时间）统计，最长一年。</p>}
      >
        <Field id="figures-from" label="开始日期" error={error?.errors.from}>
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          )}
        </Field>
        <Field id="figures-to" label="结束日期" error={error?.errors.to}>
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          )}
        </Field>
      </FilterForm>
      <StatusMessage text={status} />
      {figures && (
        <>
          <section aria-labelledby="totals-heading">
            <h2 id="totals-heading">总体</h2>
            <dl className="facts totals">
              <dt>活动</dt>
              <dd>{figures.totals.sweeps} 场</dd>
              <dt>志愿者</dt>
              <dd>{figures.totals.volunteers} 人</dd>
              <dt>报名</dt>
              <dd>{figures.totals.signups} 人次</dd>
              <dt>到场</dt>
              <dd>{figures.totals.attended} 人次</dd>
              <dt>服务时长</dt>
              <dd>{figures.totals.hours} 小时</dd>
              <dt>缺席率</dt>
              <dd>{pct(figures.totals.noShowRate)}</dd>
              <dt>逾期取消率</dt>
              <dd>{pct(figures.totals.lateCancelRate)}</dd>
              <dt>均衡度</dt>
              <dd>{figures.balance === null ? "无法计算" : `${figures.balance.toFixed(2)}（0 表示各社区完全均衡）`}</dd>
            </dl>
          </section>
          <section aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">覆盖与均衡</h2>
            <CoverageTable coverage={figures.coverage} balance={figures.balance} />
          </section>
          <section aria-labelledby="by-heading">
            <h2 id="by-heading">分项统计</h2>
            <FiguresRowsTable id="by-community" caption="按社区" head="社区" rows={figures.byCommunity} />
            <FiguresRowsTable
              id="by-organisation"
              caption="按学校或单位（人数少的并入“其他”）"
              head="学校或单位"
              rows={figures.byOrganisation}
            />
            <FiguresRowsTable id="by-month" caption="按月份" head="月份" rows={figures.byMonth} />
          </section>
          {can(me.role, "sweeps:manage") && (
            <TargetsForm
              key={`${period.from}/${period.to}/${current?.updatedAt ?? ""}`}
              from={period.from}
              to={period.to}
              current={current}
              onSaved={() => load(period)}
            />
          )}
          <section aria-labelledby="definitions-heading">
            <h2 id="definitions-heading">指标定义</h2>
            <dl className="definitions">
              {Object.entries(FIGURE_DEFINITIONS).map(([key, text]) => {
                const [name, ...rest] = text.split("：");
                return (
                  <div key={key}>
                    <dt>{name}</dt>
                    <dd>{rest.join("：")}</dd>
                  </div>
                );
              })}
            </dl>
          </section>
        </>
      )}
    </>
  );
}
