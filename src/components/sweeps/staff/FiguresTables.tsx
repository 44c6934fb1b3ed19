import type { CoverageFigure, FiguresRow } from "../../../shared/sweeps/wire";

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A figures table (by community, organisation or month): counts only. */
export function FiguresRowsTable({
  id,
  caption,
  head,
  rows,
}: {
  id: string;
  caption: string;
  head: string;
  rows: FiguresRow[];
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="sweep-figures">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">志愿者（人）</th>
            <th scope="col">报名（人次）</th>
            <th scope="col">到场（人次）</th>
            <th scope="col">缺席（人次）</th>
            <th scope="col">服务时长（小时）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.volunteers}</td>
              <td>{r.signups}</td>
              <td>{r.attended}</td>
              <td>{r.noShows}</td>
              <td>{num(r.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Coverage per community against its target, with a bar for the eye and the numbers for everyone. */
export function CoverageTable({ coverage, balance }: { coverage: CoverageFigure[]; balance: number | null }) {
  const kind = coverage[0]?.kind === "hours" ? "小时" : "名额";
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="coverage-caption" tabIndex={0}>
      <table className="sweep-figures coverage">
        <caption id="coverage-caption">
          各社区覆盖率（按{kind}计），覆盖率最低的在前；均衡度（覆盖率的变异系数）：
          {balance === null ? "无法计算" : balance.toFixed(2)}
        </caption>
        <thead>
          <tr>
            <th scope="col">社区</th>
            <th scope="col">计划名额</th>
            <th scope="col">已占名额（未结束）</th>
            <th scope="col">到场（已结束）</th>
            <th scope="col">服务时长（小时）</th>
            <th scope="col">计入</th>
            <th scope="col">目标</th>
            <th scope="col">覆盖率</th>
          </tr>
        </thead>
        <tbody>
          {[...coverage]
            .sort((a, b) => (a.ratio ?? Number.POSITIVE_INFINITY) - (b.ratio ?? Number.POSITIVE_INFINITY))
            .map((c) => (
              <tr key={c.communityId}>
                <th scope="row">{c.communityName}</th>
                <td>{c.capacity}</td>
                <td>{c.taken}</td>
                <td>{c.attended}</td>
                <td>{num(c.hours)}</td>
                <td>{num(c.value)}</td>
                <td>
                  {c.target === null ? "—" : num(c.target)}
                  {c.target !== null && <span className="muted">{c.targetSet ? "（设定）" : "（默认）"}</span>}
                </td>
                <td className="ratio">
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.round((c.ratio ?? 0) * 100))}%` }} />
                  </span>
                  {pct(c.ratio)}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
