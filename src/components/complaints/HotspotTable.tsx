import { useState } from "react";
import type { HotspotCell } from "../../shared/complaints/wire";

/** Rows shown before "显示全部": the busiest pairs, as many as a phone screen holds. */
const FIRST_ROWS = 10;

interface Props {
  cells: HotspotCell[];
  caption: string;
}

/**
 * Every community–category count, busiest first: the accessible form of the chart. One row per
 * pair, both named as row headers, so a screen reader reads "柳岸社区 垃圾箱损坏 2" for each cell
 * and a phone needs no sideways scrolling (a full community × category grid would be mostly zeros).
 * The busiest rows come first; the rest on request.
 */
export function HotspotTable({ cells, caption }: Props) {
  const [all, setAll] = useState(false);
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const rows = all ? cells : cells.slice(0, FIRST_ROWS);
  return (
    <>
      <table className="hotspot-table" id="hotspot-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">社区</th>
            <th scope="col">问题类别</th>
            <th scope="col">件数</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={`${c.communityId}-${c.categoryId}`}>
              <th scope="row">{c.communityName}</th>
              <th scope="row">{c.categoryName}</th>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              合计（全部 {cells.length} 项）
            </th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
      {cells.length > FIRST_ROWS && (
        <button type="button" className="secondary" aria-controls="hotspot-table" onClick={() => setAll(!all)}>
          {all ? `只显示前 ${FIRST_ROWS} 项` : `显示全部 ${cells.length} 项`}
        </button>
      )}
    </>
  );
}
