import { useEffect, useState } from "react";
import { staffApi } from "../../lib/staff/api";
import type { Unit } from "../../shared/staff/wire";

/** The units, for roles allowed to read them (`units:read`); an empty list otherwise or on failure. */
export function useUnits(allowed: boolean): Unit[] {
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    if (!allowed) return;
    staffApi
      .listUnits()
      .then(setUnits)
      .catch(() => setUnits([]));
  }, [allowed]);
  return units;
}
