import { useState } from "react";
import type { Catalogue, CatalogueService } from "../../lib/appointments/catalogue";
import { distanceText, nearestPoint, noticeText } from "../../lib/appointments/format";
import type { ServiceId } from "../../shared/appointments/points";

/** The three service types as one radio group, each with its length (or visit windows) and notice period. */
export function ServicePicker({
  services,
  value,
  onChange,
}: {
  services: CatalogueService[];
  value: ServiceId | null;
  onChange: (id: ServiceId) => void;
}) {
  return (
    <fieldset>
      <legend>服务类型</legend>
      <div className="choices">
        {services.map((s) => (
          <div className="choice" key={s.id}>
            <input
              type="radio"
              id={`service-${s.id}`}
              name="service"
              value={s.id}
              checked={value === s.id}
              onChange={() => onChange(s.id)}
            />
            <label htmlFor={`service-${s.id}`}>
              {s.name}
              <span className="muted">
                {s.where === "shop"
                  ? `工作人员到店查看，约定半天：${s.windows.join("，")}`
                  : `在服务点窗口办理，每次 ${s.durationMinutes} 分钟`}
                ；至少提前 {noticeText(s.noticeHours)}预约
              </span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The point: one of the list, "earliest" (any point), or the nearest to the phone, found only when
 * the merchant presses the button and measured here: the position is never sent.
 */
export function PointPicker({
  points,
  value,
  onChange,
}: {
  points: Catalogue["points"];
  value: string;
  onChange: (id: string) => void;
}) {
  const [status, setStatus] = useState("");
  const locate = () => {
    if (!("geolocation" in navigator)) return setStatus("这个浏览器不能提供位置，请从列表中选择服务点。");
    setStatus("正在获取您的位置…");
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const found = nearestPoint(points, [coords.longitude, coords.latitude]);
        if (!found) return setStatus("");
        onChange(found.point.id);
        setStatus(
          `离您最近的是${found.point.name}（${distanceText(found.km)}），已为您选中。位置只在本机计算，不会发送。`,
        );
      },
      () => setStatus("没有获取到位置（可能未允许定位），请从列表中选择服务点。"),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };
  return (
    <>
      <div className="field">
        <label htmlFor="appointment-point">服务点</label>
        <select id="appointment-point" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="any">最早可约（任一服务点）</option>
          {points.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.address}）
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={locate}>
          找离我最近的服务点
        </button>
        <span role="status">{status}</span>
      </div>
    </>
  );
}
