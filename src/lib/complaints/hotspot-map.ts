// The hot spots on the district map: counts per community (never a case's point) and their shades.
import type { HotspotCell } from "../../shared/complaints/wire";

const SHADES = 4;

/** Cases per community, summed over the categories: the hot spots are counted per community, never per point. */
export function perCommunity(cells: HotspotCell[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.communityId, (totals.get(c.communityId) ?? 0) + c.count);
  return totals;
}

/** Shade 1–4 by the share of the busiest community's count; 0 for none. */
export function shadeOf(count: number, max: number): number {
  return count > 0 && max > 0 ? Math.min(SHADES, Math.ceil((SHADES * count) / max)) : 0;
}

/** The counts each shade stands for ("1–3 件"), leaving out shades no whole count can reach. */
export function legend(max: number): { shade: number; label: string }[] {
  const rows: { shade: number; label: string }[] = [];
  for (let k = 1; k <= SHADES; k++) {
    const low = Math.floor((max * (k - 1)) / SHADES) + 1;
    const high = Math.floor((max * k) / SHADES);
    if (low <= high) rows.push({ shade: k, label: low === high ? `${low} 件` : `${low}–${high} 件` });
  }
  return rows;
}
