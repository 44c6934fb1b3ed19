import { useState } from "react";
import type { DistrictMap, Point } from "../../../lib/complaints/district-map";
import { COMMUNITIES } from "../../../shared/geo";
import { communityIn } from "../../../shared/geo-math";
import { MapPicker, type MapPickerTexts } from "../../complaints/MapPicker";

interface Pick {
  point: Point | null;
  pointSource: "map" | null;
  communityId?: string;
}

const TEXTS: MapPickerTexts = {
  heading: "在地图上选择集合地点（可选）",
  note: "点按地图上的集合地点，它所在的社区随之确定，该社区的集合点坐标即改为此处。不点按时使用社区中心附近的位置。使用键盘或读屏软件时，请选择社区并填写集合地点的文字说明。",
  title: "青溪区地图，点按选择集合地点",
  picked: (c) => `地图上的标记：集合地点位于${c.subdistrict}${c.name}，已设为该社区的集合点。`,
};

const metre = (n: number) => Math.round(n * 1e5) / 1e5;

interface Props {
  map: DistrictMap;
  /** A tap inside a community: its meeting point is there now. */
  onPick: (communityId: string, point: Point) => void;
  /** The marker cleared: the community's meeting point goes back to its default. */
  onClear: (communityId: string) => void;
}

/** The complaints' map picker, choosing a sweep's meeting point: the community follows from the tap. */
export function MeetingPointMap({ map, onPick, onClear }: Props) {
  const [pick, setPick] = useState<Pick>({ point: null, pointSource: null });
  const community = pick.point ? communityIn(COMMUNITIES, pick.point.lng, pick.point.lat) : undefined;
  return (
    <MapPicker<Pick>
      map={map}
      point={pick.point}
      community={community}
      source={pick.pointSource}
      texts={TEXTS}
      pick={(tapped) => {
        const point = { lat: metre(tapped.lat), lng: metre(tapped.lng) };
        const inside = communityIn(COMMUNITIES, point.lng, point.lat);
        return inside && { point, pointSource: "map", communityId: inside.id };
      }}
      update={(change) => {
        if (change.point && change.communityId) {
          onPick(change.communityId, change.point);
          setPick({ point: change.point, pointSource: "map", communityId: change.communityId });
        } else {
          if (pick.communityId) onClear(pick.communityId);
          setPick({ point: null, pointSource: null });
        }
      }}
    />
  );
}
