import { lazy } from "react";
import type { DistrictMap } from "../../lib/complaints/district-map";
import { type Draft, pickOnMap, pointCommunity } from "../../lib/complaints/draft";
import { useFilingData } from "../../lib/complaints/filing-data";
import type { FieldErrors } from "../../lib/kit/problem";
import { CommunitySelect } from "../forms/CommunitySelect";
import { Field } from "../forms/Field";
import { Deferred } from "./Deferred";
import { LocateButton } from "./LocateButton";
import { PlacePicker } from "./PlacePicker";

// The map is loaded when the place step shows, not with the page: the list below places a case
// without it, so a connection that drops before it arrives costs the map only.
const MapPicker = lazy(() => import("./MapPicker").then((m) => ({ default: m.MapPicker<Draft> })));

interface Props {
  draft: Draft;
  errors: FieldErrors;
  update: (change: Partial<Draft>) => void;
  /** The district map, drawn at build time; the filing page passes it in. */
  map?: DistrictMap;
}

/**
 * Where the problem is: an address or landmark in words (always), and the community, from the
 * device's position, a tap on our own district map (MapPicker) or chosen from the list, which
 * stays the way for keyboard and screen-reader users.
 */
export function PlaceStep({ draft, errors, update, map }: Props) {
  const data = useFilingData();
  return (
    <>
      <Field
        id="address"
        label="地址或地标"
        hint="如“临河路与桂园街交叉口东北角”“丹枫公园南门”。只给工作人员看，不会公开。"
        error={errors.addressText}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            autoComplete="off"
            maxLength={120}
            value={draft.addressText}
            onChange={(e) => update({ addressText: e.target.value })}
          />
        )}
      </Field>
      {map && (
        <Deferred
          loading={<p className="muted">正在加载地图…</p>}
          failed={
            <p className="muted">
              地图没有加载成功。请使用本机位置，或在下方列表中选择社区；也可以稍后刷新页面再试，已填写的内容不会丢失。
            </p>
          }
        >
          <MapPicker
            map={map}
            point={draft.point}
            community={pointCommunity(data, draft)}
            source={draft.pointSource}
            pick={(tapped) => pickOnMap(data, tapped)}
            update={update}
          />
        </Deferred>
      )}
      <LocateButton
        point={draft.pointSource === "map" ? null : draft.point}
        error={errors.lat}
        onPoint={(point) => update({ point, pointSource: point && "device" })}
      />
      {/* The community chosen by hand: the way to place a case without GPS. */}
      {!pointCommunity(data, draft) && (
        <Field id="community" label="所在社区" hint="不确定时，选择离问题地点最近的社区。" error={errors.communityId}>
          {(a11y) => (
            <CommunitySelect
              a11y={a11y}
              communities={data.communities}
              value={draft.communityId}
              placeholder="请选择社区"
              onChange={(communityId) => update({ communityId })}
            />
          )}
        </Field>
      )}
      <PlacePicker draft={draft} error={errors.placeId} update={update} />
    </>
  );
}
