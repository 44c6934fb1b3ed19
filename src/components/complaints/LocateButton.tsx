import { useState } from "react";
import type { Draft } from "../../lib/complaints/draft";
import { pointCommunity } from "../../lib/complaints/draft";
import { useFilingData } from "../../lib/complaints/filing-data";
import { FieldError } from "../forms/Field";

type Point = NonNullable<Draft["point"]>;

interface Props {
  point: Point | null;
  error?: string;
  onPoint: (point: Point | null) => void;
}

const FAILED: Record<number, string> = {
  1: "没有得到读取位置的许可。请在下方选择问题所在社区。",
  2: "暂时无法确定位置。请在下方选择问题所在社区。",
  3: "获取位置超时。请重试，或在下方选择问题所在社区。",
};

/**
 * Reads the device's position once, and only when tapped: its own short notice comes first
 * (a location is sensitive information; this is separate from the privacy consent).
 */
export function LocateButton({ point, error, onPoint }: Props) {
  const data = useFilingData();
  const [status, setStatus] = useState("");
  const community = point ? pointCommunity(data, { point }) : undefined;
  const placed = point
    ? community
      ? `已获取位置：问题位于${community.subdistrict}${community.name}。`
      : "获取到的位置不在青溪区范围内。请确认问题地点，并在下方选择所在社区。"
    : "";

  const locate = () => {
    if (!("geolocation" in navigator)) return setStatus("这个浏览器不能提供位置。请在下方选择问题所在社区。");
    setStatus("正在获取位置…");
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setStatus("");
        onPoint({ lat: coords.latitude, lng: coords.longitude });
      },
      (e) => setStatus(FAILED[e.code] ?? FAILED[2] ?? ""),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <section className="locate" aria-labelledby="locate-heading">
      <h3 id="locate-heading">使用我的位置（可选）</h3>
      <p id="locate-note" className="muted">
        点“使用我的位置”后，浏览器会询问是否允许读取本机位置。位置只读取这一次，用于确定问题所在社区、查找附近的同类问题；不点则不会读取。请在问题现场使用。
      </p>
      <FieldError id="lat" error={error} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          id="locate"
          aria-describedby={error ? "lat-error locate-note" : "locate-note"}
          onClick={locate}
        >
          使用我的位置
        </button>
        {point && (
          <button type="button" className="secondary" onClick={() => onPoint(null)}>
            不用位置，改选社区
          </button>
        )}
      </div>
      <p role="status" className="locate-status">
        {status || placed}
      </p>
    </section>
  );
}
