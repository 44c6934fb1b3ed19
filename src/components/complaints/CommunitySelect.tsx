import { COMMUNITIES } from "../../shared/geo";
import { Field } from "../forms/Field";

const SUBDISTRICTS = [...new Set(COMMUNITIES.map((c) => c.subdistrict))];

interface Props {
  value: string;
  error?: string;
  onChange: (communityId: string) => void;
}

/** The community chosen by hand, grouped by sub-district: the way to place a case without GPS. */
export function CommunitySelect({ value, error, onChange }: Props) {
  return (
    <Field id="community" label="所在社区" hint="不确定时，选择离问题地点最近的社区。" error={error}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">请选择社区</option>
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
      )}
    </Field>
  );
}
