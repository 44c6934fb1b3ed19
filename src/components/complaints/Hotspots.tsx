import { useEffect, useState } from "react";
import { hotspots } from "../../lib/complaints/api";
import type { DistrictMap } from "../../lib/complaints/district-map";
import type { Hotspots as HotspotData } from "../../shared/complaints/wire";
import { HotspotChart } from "./HotspotChart";
import { HotspotMap } from "./HotspotMap";
import { HotspotTable } from "./HotspotTable";

const PERIODS = [30, 90] as const;

/**
 * Where complaints gather: counts per community and category over the last 30 or 90 days, on the
 * district map (drawn at build time, passed in by the page) and in the table that is its accessible form.
 */
export default function Hotspots({ map }: { map?: DistrictMap }) {
  const [days, setDays] = useState<30 | 90>(30);
  const [data, setData] = useState<HotspotData | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    let live = true;
    setError("");
    hotspots(days)
      .then((d) => live && setData(d))
      .catch(() => live && setError("热点统计加载失败，请稍后再试。"));
    return () => {
      live = false;
    };
  }, [days]);

  const shown = data?.days === days ? data : null;
  return (
    <div className="hotspots">
      <fieldset className="choices inline">
        <legend>统计时段</legend>
        {PERIODS.map((d) => (
          <div className="choice" key={d}>
            <input type="radio" id={`days-${d}`} name="days" checked={days === d} onChange={() => setDays(d)} />
            <label htmlFor={`days-${d}`}>近 {d} 天</label>
          </div>
        ))}
      </fieldset>
      <div role="alert">{error && <p className="field-error">{error}</p>}</div>
      <p role="status" className="muted">
        {!shown ? "正在加载…" : shown.cells.length === 0 ? `近 ${days} 天没有投诉。` : ""}
      </p>
      {map && <HotspotMap map={map} cells={shown?.cells ?? null} days={days} />}
      {shown && shown.cells.length > 0 && (
        <>
          <HotspotChart cells={shown.cells} days={days} />
          <HotspotTable cells={shown.cells} caption={`近 ${days} 天（${shown.since} 起）各社区各类问题的投诉件数`} />
        </>
      )}
    </div>
  );
}
