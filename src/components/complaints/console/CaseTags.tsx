import type { CaseSummary } from "../../../shared/complaints/console-wire";

/** "待批准延期 3 天" / "待批准挂账": what a unit asked for and the command centre has yet to decide. */
export function pendingText(c: Pick<CaseSummary, "pendingRequest" | "pendingDays">): string | null {
  if (c.pendingRequest === "extension") return `待批准延期${c.pendingDays ? ` ${c.pendingDays} 天` : ""}`;
  if (c.pendingRequest === "suspension") return "待批准挂账";
  return null;
}

/** The marks a case carries in the list and on its page: 紧急, 超期, a pending request. */
export function CaseTags({ c, urgent = true }: { c: CaseSummary; urgent?: boolean }) {
  const pending = pendingText(c);
  return (
    <>
      {urgent && c.urgent && <span className="tag urgent">紧急</span>}
      {c.overdue && <span className="tag late">超期</span>}
      {pending && <span className="tag pending">{pending}</span>}
    </>
  );
}
