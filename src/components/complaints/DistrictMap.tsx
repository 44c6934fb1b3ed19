import type { MouseEvent, ReactNode } from "react";
import { type DistrictMap as MapData, type MapRoad, type Point, unproject } from "../../lib/complaints/district-map";
import "../../styles/district-map.css";

interface Props {
  map: MapData;
  /** The map's name and what it shows, read by screen readers (the map is one image to them). */
  title: string;
  description: string;
  id: string;
  /** A class per community (the hot spots' shades); plain otherwise. */
  shade?: (communityId: string) => string | undefined;
  /** A second line under a community's name (a count). */
  note?: (communityId: string) => string | undefined;
  /** Makes the map a picker: a click or tap anywhere gives its latitude and longitude. */
  onTap?: (point: Point) => void;
  /** Drawn on top, in viewBox units (a marker). */
  children?: ReactNode;
}

/** A road's name along it; a road running up the map gets its characters stacked, as Chinese signs do. */
function RoadLabel({ road }: { road: MapRoad }) {
  const { x, y, angle } = road.label;
  if (Math.abs(angle) >= 60) {
    const chars = [...road.name];
    const top = y - ((chars.length - 1) * 10) / 2;
    return (
      <text className="map-road-label" x={x} y={top}>
        {chars.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a name's characters, in a fixed order.
          <tspan key={i} x={x} y={top + i * 10}>
            {c}
          </tspan>
        ))}
      </text>
    );
  }
  return (
    <text className="map-road-label" x={x} y={y} transform={angle ? `rotate(${angle} ${x} ${y})` : undefined}>
      {road.name}
    </text>
  );
}

/**
 * The district drawn from our own boundaries and gazetteer (computed at build time, passed in as
 * props): communities, roads, their names and a scale bar. No tiles, no request of its own. The
 * SVG scales with its box (viewBox), so it fits a 360 px phone as well as a desktop.
 */
export function DistrictMap({ map, title, description, id, shade, note, onTap, children }: Props) {
  const tap = (e: MouseEvent<SVGSVGElement>) => {
    const svg = e.currentTarget;
    const ctm = svg.getScreenCTM();
    if (!onTap || !ctm) return;
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    onTap(unproject(map.projection, at));
  };
  const { scale } = map;
  const barY = map.height - 10;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the map is for pointers; keyboard and screen-reader users choose from the lists beside it.
    <svg
      className={onTap ? "district-map picking" : "district-map"}
      viewBox={`0 0 ${map.width} ${map.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      onClick={onTap ? tap : undefined}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {map.communities.map((c) => (
        <path key={c.id} d={c.d} className={`map-community ${shade?.(c.id) ?? ""}`} data-community={c.id} />
      ))}
      {map.roads.map((r) => (
        <path key={r.id} d={r.d} className="map-road" />
      ))}
      {map.places.map((p) => (
        <circle key={p.id} cx={p.x} cy={p.y} r="1.6" className="map-place" />
      ))}
      {map.roads.map((r) => (
        <RoadLabel key={r.id} road={r} />
      ))}
      {map.communities.map((c) => {
        const extra = note?.(c.id);
        return (
          <text key={c.id} className="map-community-label" x={c.label.x} y={c.label.y - (extra ? 6 : 0)}>
            {c.short}
            {extra && (
              <tspan x={c.label.x} dy="15" className="map-note">
                {extra}
              </tspan>
            )}
          </text>
        );
      })}
      <g className="map-scale">
        <path d={`M10 ${barY - 4}V${barY}H${10 + scale.length}V${barY - 4}`} />
        <text x={14 + scale.length} y={barY}>
          {scale.label}
        </text>
      </g>
      <text className="map-north" x={map.width - 12} y="22">
        北↑
      </text>
      {children}
    </svg>
  );
}
