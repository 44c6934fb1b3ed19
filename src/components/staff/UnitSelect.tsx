import type { Unit } from "../../lib/staff/api";
import { UNIT_KIND_LABELS } from "../../lib/staff/display";
import { UNIT_KINDS } from "../../shared/staff/roles";
import type { FieldA11y } from "../forms/Field";
import { GroupedSelect } from "../forms/GroupedSelect";

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
  const groups = UNIT_KINDS.map((kind) => ({
    label: UNIT_KIND_LABELS[kind],
    options: units.filter((u) => u.kind === kind),
  }));
  return (
    <GroupedSelect
      a11y={a11y}
      name={name}
      value={value}
      groups={groups}
      placeholder={placeholder ?? (required ? "请选择单位" : "不指定单位")}
      required={required}
      onChange={onChange}
    />
  );
}
