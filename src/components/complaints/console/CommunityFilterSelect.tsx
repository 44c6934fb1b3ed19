import { COMMUNITIES } from "../../../shared/geo";
import type { FieldA11y } from "../../forms/Field";

const SUBDISTRICTS = [...new Set(COMMUNITIES.map((c) => c.subdistrict))];

interface Props {
  a11y: FieldA11y;
  value: string;
  onChange: (communityId: string) => void;
}

/** Every community, grouped by sub-district, with "全部社区" first. */
export function CommunityFilterSelect({ a11y, value, onChange }: Props) {
  return (
    <select {...a11y} name="communityId" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">全部社区</option>
      {SUBDISTRICTS.map((sd) => (
        <optgroup key={sd} label={sd}>
          {COMMUNITIES.filter((c) => c.subdistrict === sd).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
