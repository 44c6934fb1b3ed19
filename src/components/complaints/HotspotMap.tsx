import type { DistrictMap as MapData } from "../../lib/complaints/district-map";
import { legend, perCommunity, shadeOf } from "../../lib/complaints/hotspot-map";
import type { HotspotCell } from "../../shared/complaints/wire";
import { DistrictMap } from "./DistrictMap";

interface Props {
  map: MapData;
  cells: HotspotCell[] | null;
  days: number;
}

/**
 * The hot spots on the district map: each community shaded and labelled by its number of cases in
 * the period (the same cells as the table; no case's point is drawn). The table below is the
 * accessible form; the map's description names the busiest communities.
 */
export function HotspotMap({ map, cells, days }: Props) {
  const totals = perCommunity(cells ?? []);
  const max = Math.max(0, ...totals.values());
  const busiest = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([id, n]) => `${map.communities.find((c) => c.id === id)?.name ?? id} ${n} 件`);
  const description = !cells
    ? "各社区的投诉件数正在加载。"
    : busiest.length === 0
      ? `近 ${days} 天各社区都没有投诉。`
      : `颜色越深，投诉越多。最多的是：${busiest.join("，")}。各社区各类别的件数见下表。`;
  return (
    <figure className="hotspot-map">
      <DistrictMap
        map={map}
        id="hotspot-map"
        title={`近 ${days} 天各社区的投诉件数（地图）`}
        description={description}
        shade={(id) => {
          const k = shadeOf(totals.get(id) ?? 0, max);
          return k ? `shade-${k}` : undefined;
        }}
        note={cells ? (id) => `${totals.get(id) ?? 0} 件` : undefined}
      />
      {max > 0 && (
        <figcaption>
          <ul className="map-legend">
            <li>
              <span className="map-swatch" />0 件
            </li>
            {legend(max).map((row) => (
              <li key={row.shade}>
                <span className={`map-swatch shade-${row.shade}`} />
                {row.label}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
