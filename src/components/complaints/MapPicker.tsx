import { useState } from "react";
import { type DistrictMap as MapData, type Point, project } from "../../lib/complaints/district-map";
import type { CommunityArea } from "../../shared/geo-math";
import { DistrictMap } from "./DistrictMap";

/** What the picker reads and clears in its form's state: the point and where it came from. */
export interface MapPick {
  point: Point | null;
  pointSource: string | null;
}

/** The picker's words: a complaint's place by default; a sweep's meeting point gives its own. */
export interface MapPickerTexts {
  heading: string;
  note: string;
  title: string;
  /** The status line once a point is tapped inside a community. */
  picked: (community: CommunityArea) => string;
}

const COMPLAINT_TEXTS: MapPickerTexts = {
  heading: "在地图上选点（可选）",
  note: "点按地图上问题所在的位置，所在社区随之确定。地图由本站绘制，不读取您的位置，也不连接其他网站。使用键盘或读屏软件时，请在下方列表中选择。",
  title: "青溪区地图，点按选择问题地点",
  picked: (community) => `地图上的标记：问题位于${community.subdistrict}${community.name}。`,
};

interface Props<C extends MapPick> {
  map: MapData;
  point: C["point"];
  /** The community the point lies in (pointCommunity), undefined outside the district. */
  community: CommunityArea | undefined;
  source: C["pointSource"];
  /** What a tap changes in the form's state (pickOnMap), undefined outside the district. */
  pick: (tapped: Point) => Partial<C> | undefined;
  update: (change: Partial<C>) => void;
  texts?: MapPickerTexts;
}

/**
 * The place chosen by a tap on the district map: a marker shows the point (a device position too,
 * so the resident sees where it put them and can tap to correct it), and the community follows
 * from the boundary the point lies in. Nothing is read from the device and nothing is fetched.
 * The complaint's place step and the staff console's sweep meeting points both use it (`texts`).
 */
export function MapPicker<C extends MapPick>({
  map,
  point,
  community,
  source,
  pick,
  update,
  texts = COMPLAINT_TEXTS,
}: Props<C>) {
  const [outside, setOutside] = useState(false);
  const at = point && community ? project(map.projection, point) : null;

  const tap = (tapped: Point) => {
    const change = pick(tapped);
    setOutside(!change);
    if (change) update(change);
  };

  let status = "";
  if (outside) status = "这里不在青溪区范围内，请点按区界以内的位置。";
  else if (community && source === "map") status = texts.picked(community);

  return (
    <section className="map-picker" aria-labelledby="map-heading">
      <h3 id="map-heading">{texts.heading}</h3>
      <p id="map-note" className="muted">
        {texts.note}
      </p>
      <DistrictMap
        map={map}
        id="pick-map"
        title={texts.title}
        description="各社区的边界和主要道路。使用键盘或读屏软件时，请用地图下方的社区列表选择地点。"
        onTap={tap}
      >
        {at && (
          <g className="map-marker" data-marker={`${at.x.toFixed(1)} ${at.y.toFixed(1)}`}>
            <circle className="map-marker-ring" cx={at.x} cy={at.y} r="9" />
            <circle cx={at.x} cy={at.y} r="4" />
          </g>
        )}
      </DistrictMap>
      <p role="status" className="locate-status">
        {status}
      </p>
      {source === "map" && community && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOutside(false);
            update({ point: null, pointSource: null } as Partial<C>);
          }}
        >
          清除地图上的标记
        </button>
      )}
    </section>
  );
}
