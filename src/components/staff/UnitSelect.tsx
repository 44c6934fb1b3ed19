import type { Unit } from "../../lib/staff/api";
import { UNIT_KIND_LABELS } from "../../lib/staff/display";
import { UNIT_KINDS } from "../../shared/staff/roles";
import type { FieldA11y } from "../forms/Field";

interface Props {
  a11y: FieldA11y;
  name: string;
  value: string;
  units: Unit[];
  required: boolean;
  /** The text of the empty choice, when the default ("请选择单位" / "不指定单位") does not fit. */
  placeholder?: string;
  onChange: (value: string) => void;
}

/** A select of the units, grouped by kind (指挥中心, 中队, 社区工作站, 服务点); "" is no unit. */
export function UnitSelect({ a11y, name, value, units, required, placeholder, onChange }: Props) {
  return (
    <select {...a11y} name={name} required={required} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder ?? (required ? "请选择单位" : "不指定单位")}</option>
      {UNIT_KINDS.map((kind) => {
        const ofKind = units.filter((u) => u.kind === kind);
        return (
          ofKind.length > 0 && (
            <optgroup key={kind} label={UNIT_KIND_LABELS[kind]}>
              {ofKind.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          )
        );
      })}
    </select>
  );
}
