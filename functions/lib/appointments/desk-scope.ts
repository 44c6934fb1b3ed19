import { deskPointIdsFor } from "../../../src/shared/appointments/desk";
import { pointById } from "../../../src/shared/appointments/points";
import type { DeskPointList } from "../../../src/shared/appointments/wire";
import type { SignedInStaff } from "../../env";
import { problem } from "../problem";

// Unit scoping of the desk, as complaints scope cases: a service point's clerk reaches only the
// point their unit runs; another point answers exactly as an unknown one (404), so the API does not
// even confirm which points exist beyond one's own.

/** The point named by the path, if this staff member may reach it; otherwise 404. */
export function deskPointOf(staff: Pick<SignedInStaff, "role" | "unitId">, pointId: string) {
  const point = pointById(pointId);
  if (!point || !deskPointIdsFor(staff).includes(point.id)) throw problem(404, { detail: "没有找到这个服务点。" });
  return point;
}

/** The points a staff member may open, in the data's order. */
export function deskPoints(staff: Pick<SignedInStaff, "role" | "unitId">): DeskPointList {
  return {
    points: deskPointIdsFor(staff).map((id) => {
      const p = pointById(id);
      if (!p) throw new Error(`no point ${id}`);
      return { id: p.id, name: p.name, subdistrict: p.subdistrict, address: p.address };
    }),
  };
}
