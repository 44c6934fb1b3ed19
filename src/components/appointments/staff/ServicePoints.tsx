import { useEffect, useState } from "react";
import { errorMessage } from "../../../lib/kit/problem";
import type { DeskPointList } from "../../../shared/appointments/wire";

// The staff appointments pages' common start (desk, calendar, applications): the service points the
// account reaches, the first chosen, and the select between them when there is more than one.

type Point = DeskPointList["points"][number];

/**
 * Loads the points the account reaches (the page's own call of GET /api/staff/appointments/points,
 * so no other page's API comes with it) and picks the first; no point, or a failure, is said
 * through `onError`.
 */
export function useServicePoints(load: () => Promise<DeskPointList>, onError: (message: string) => void) {
  const [points, setPoints] = useState<Point[]>([]);
  const [pointId, setPointId] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once, with the page's fixed call.
  useEffect(() => {
    load()
      .then((list) => {
        setPoints(list.points);
        setPointId(list.points[0]?.id ?? "");
        if (list.points.length === 0) onError("您的账号没有对应的服务点，请联系管理员。");
      })
      .catch((err) => onError(errorMessage(err)));
  }, []);

  return { points, pointId, setPointId };
}

interface SelectProps {
  id: string;
  points: Point[];
  value: string;
  onChange: (pointId: string) => void;
}

/** The 服务点 select. */
export function PointSelect({ id, points, value, onChange }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>服务点</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {points.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
