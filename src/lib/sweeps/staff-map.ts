// The build-time district map a console page carries (src/components/sweeps/staff/DistrictMapData.astro).
import type { DistrictMap } from "../complaints/district-map";

/** The page's map, or undefined without one (the meeting points still work without it). */
export function readDistrictMap(id = "district-map"): DistrictMap | undefined {
  const text = document.getElementById(id)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as DistrictMap;
  } catch {
    return undefined;
  }
}
