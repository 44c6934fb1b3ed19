import type { HotspotCell } from "../../shared/complaints/wire";

const SHOWN = 8;
const ROW = 44;
const WIDTH = 320;

/**
 * The busiest community–category pairs as horizontal bars. Its title and description say what
 * it shows; the table below is the accessible form with every number.
 */
export function HotspotChart({ cells, days }: { cells: HotspotCell[]; days: number }) {
  const top = cells.slice(0, SHOWN);
  const max = Math.max(1, ...top.map((c) => c.count));
  const summary = top
    .slice(0, 3)
    .map((c) => `${c.communityName}${c.categoryName} ${c.count} 件`)
    .join("，");
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby="chart-title chart-desc"
      viewBox={`0 0 ${WIDTH} ${top.length * ROW + 4}`}
    >
      <title id="chart-title">近 {days} 天投诉最多的社区和问题类别（柱状图）</title>
      <desc id="chart-desc">最多的是：{summary}。各社区各类别的全部件数见下表。</desc>
      {top.map((c, i) => {
        const width = Math.max(2, (c.count / max) * (WIDTH - 40));
        return (
          <g key={`${c.communityId}-${c.categoryId}`} transform={`translate(0 ${i * ROW})`}>
            <text x="0" y="15" className="chart-label">
              {c.communityName} · {c.categoryName}
            </text>
            <rect x="0" y="22" width={width} height="16" rx="2" className="chart-bar" />
            <text x={width + 6} y="35" className="chart-value">
              {c.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
