import { groupCaseNumber } from "../../lib/complaints/format";

/**
 * A case number in large, spaced groups (261 127 - 0042) that read well over the phone; screen
 * readers get it digit by digit instead of as one large number.
 */
export function CaseNumber({ value }: { value: string }) {
  return (
    <span className="case-number" data-case-number={value}>
      <span aria-hidden="true">{groupCaseNumber(value)}</span>
      <span className="visually-hidden">{[...value].join(" ")}</span>
    </span>
  );
}
