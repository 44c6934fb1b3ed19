import { Fragment } from "react";
import { actionLabel } from "../../../lib/complaints/console-actions";
import type { ACTION_SHORTCUTS } from "../../../lib/complaints/console-shortcuts";
import type { StaffAction } from "../../../shared/complaints/states";

interface Props {
  enabled: boolean;
  /** The keys of the actions this member's role may take (shortcutsFor). */
  shortcuts: typeof ACTION_SHORTCUTS;
  /** The actions open on this case now: the others are listed as not available now. */
  available: readonly StaffAction[];
  /** What "g then i" goes back to, e.g. "待立案". */
  listLabel: string;
  onToggle: (enabled: boolean) => void;
}

/** The member's shortcuts, listed on the page, and the switch that turns them off on this device. */
export function ShortcutHelp({ enabled, shortcuts, available, listLabel, onToggle }: Props) {
  return (
    <section aria-labelledby="shortcuts-heading" className="card shortcut-help">
      <h3 id="shortcuts-heading">键盘快捷键</h3>
      <div className="check">
        <input id="shortcuts-on" type="checkbox" checked={enabled} onChange={(e) => onToggle(e.target.checked)} />
        <label htmlFor="shortcuts-on">启用单键快捷键（本机记住此设置）</label>
      </div>
      <p className="hint muted">
        快捷键只打开对应操作的表单并把光标移到第一项，不会直接提交；在输入框、下拉框里输入时不起作用。
      </p>
      <dl className="shortcut-list">
        {shortcuts.map(({ key, action }) => (
          <Fragment key={key}>
            <dt>
              <kbd>{key.toUpperCase()}</kbd>
            </dt>
            <dd>
              {actionLabel(action)}
              {!available.includes(action) && <span className="muted">（本案件当前不可用）</span>}
            </dd>
          </Fragment>
        ))}
        <dt>
          <kbd>G</kbd> 然后 <kbd>I</kbd>
        </dt>
        <dd>返回“{listLabel}”列表</dd>
      </dl>
    </section>
  );
}
