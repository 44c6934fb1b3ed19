import { chosenPlace, type Draft, draftCommunityId, resolvedPlace } from "../../lib/complaints/draft";
import { useFilingData } from "../../lib/complaints/filing-data";
import { placesIn } from "../../shared/complaints/place-lookup";
import { Field } from "../forms/Field";
import { PlaceSelect } from "./PlaceSelect";

interface Props {
  draft: Draft;
  error?: string;
  update: (change: Partial<Draft>) => void;
}

/**
 * The public place: a road or place of the case's community, from the gazetteer. It is all the public
 * sees of where the problem is, so what the resident typed above can stay between them and the staff.
 * Without a choice, a point names the nearest road or place; without either, staff choose on accepting.
 */
export function PlacePicker({ draft, error, update }: Props) {
  const data = useFilingData();
  const communityId = draftCommunityId(data, draft);
  if (!communityId) return null;
  const resolved = resolvedPlace(data, draft);
  const chosen = chosenPlace(data, draft);
  const hint = chosen
    ? "公开时只显示这里选择的道路或地点和所在社区，不显示您填写的地址。"
    : resolved
      ? `公开时只显示道路或地点和所在社区。未选择时，按您标出的位置公开为“${resolved.name}”。`
      : "公开时只显示道路或地点和所在社区。找不到合适的可以不选，由工作人员核实后填写。";
  return (
    <Field id="place" label="公开显示的道路或地点" hint={hint} error={error}>
      {(a11y) => (
        <PlaceSelect
          a11y={a11y}
          places={placesIn(data.places, communityId)}
          value={chosen?.id ?? ""}
          placeholder={resolved ? `按位置就近：${resolved.name}` : "不确定，由工作人员填写"}
          onChange={(placeId) => update({ placeId })}
        />
      )}
    </Field>
  );
}
