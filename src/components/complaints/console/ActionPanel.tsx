import { actionLabel } from "../../../lib/complaints/console-actions";
import { shortcutOf } from "../../../lib/complaints/console-shortcuts";
import type { CaseDetail } from "../../../shared/complaints/console-wire";
import type { StaffAction } from "../../../shared/complaints/states";
import type { Unit } from "../../../shared/staff/wire";
import { ActionForm } from "./ActionForm";

interface Props {
  detail: CaseDetail;
  /** The action whose form is open. */
  open: StaffAction | null;
  units: Unit[];
  shortcutsOn: boolean;
  onOpen: (action: StaffAction) => void;
  onClose: () => void;
  onDone: (detail: CaseDetail, message: string) => void;
  onReload: () => Promise<void>;
}

/** The actions the API allows this member now (`detail.actions`), and the form of the one chosen. */
export function ActionPanel({ detail, open, units, shortcutsOn, onOpen, onClose, onDone, onReload }: Props) {
  const current = open && detail.actions.includes(open) ? open : null;
  return (
    <section aria-labelledby="actions-heading" className="card action-panel">
      <h3 id="actions-heading" tabIndex={-1}>
        办理操作
      </h3>
      {detail.actions.length === 0 ? (
        <p className="muted">您现在不能对本案件进行操作。</p>
      ) : (
        <ul className="action-list">
          {detail.actions.map((action) => {
            const key = shortcutOf(action);
            return (
              <li key={action}>
                <button
                  type="button"
                  id={`open-${action}`}
                  className={current === action ? undefined : "secondary"}
                  aria-expanded={current === action}
                  aria-controls={current === action ? "action-form" : undefined}
                  aria-keyshortcuts={shortcutsOn && key ? key.toUpperCase() : undefined}
                  onClick={() => (current === action ? onClose() : onOpen(action))}
                >
                  {actionLabel(action)}
                  {shortcutsOn && key && (
                    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is not focusable; screen readers get the key from aria-keyshortcuts instead of in the button's name.
                    <kbd aria-hidden="true">{key.toUpperCase()}</kbd>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {current && (
        <ActionForm
          key={current}
          action={current}
          detail={detail}
          units={units}
          onDone={onDone}
          onCancel={onClose}
          onReload={onReload}
        />
      )}
    </section>
  );
}
