import { UNIT_KIND_LABELS } from "../../lib/staff/display";
import { UNIT_KINDS } from "../../shared/staff/roles";
import type { Unit } from "../../shared/staff/wire";
import { Field } from "../forms/Field";
import { GroupedSelect, type GroupedSelectProps } from "../forms/GroupedSelect";

interface Props extends Omit<GroupedSelectProps, "groups" | "placeholder" | "required"> {
  units: Unit[];
  required: boolean;
  /** The text of the empty choice, when the default ("请选择单位" / "不指定单位") does not fit. */
  placeholder?: string;
}

/** A select of the units, grouped by kind (指挥中心, 中队, 社区工作站, 服务点); "" is no unit. */
export function UnitSelect({ units, required, placeholder, ...rest }: Props) {
  const groups = UNIT_KINDS.map((kind) => ({
    label: UNIT_KIND_LABELS[kind],
    options: units.filter((u) => u.kind === kind),
  }));
  const empty = placeholder ?? (required ? "请选择单位" : "不指定单位");
  return <GroupedSelect {...rest} groups={groups} placeholder={empty} required={required} />;
}

interface UnitFieldProps {
  id: string;
  value: string;
  units: Unit[];
  /** The account's role must have a unit: the label says 必填. */
  required: boolean;
  hint?: string;
  error?: string;
  onChange: (unitId: string) => void;
}

/** An account's unit, as the account forms ask for it. */
export function UnitField({ id, value, units, required, hint, error, onChange }: UnitFieldProps) {
  return (
    <Field id={id} label={required ? "所属单位（必填）" : "所属单位"} hint={hint} error={error}>
      {(a11y) => (
        <UnitSelect a11y={a11y} name="unitId" value={value} units={units} required={required} onChange={onChange} />
      )}
    </Field>
  );
}
