import { accountState } from "../../lib/staff/display";
import { ROLE_LABELS } from "../../shared/staff/roles";
import type { StaffAccount, Unit } from "../../shared/staff/wire";

interface Props {
  accounts: StaffAccount[];
  units: Unit[];
  selfId: number;
  editingId: number | null;
  onManage: (id: number) => void;
}

/** Every account with its role, unit and state; "管理" opens the editor below the table. */
export function AccountTable({ accounts, units, selfId, editingId, onManage }: Props) {
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : "—");
  return (
    // Scrolls sideways on a phone instead of the page; focusable so a keyboard can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="accounts-caption" tabIndex={0}>
      <table>
        <caption id="accounts-caption">全部工作人员账号（共 {accounts.length} 个）</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">工作邮箱</th>
            <th scope="col">角色</th>
            <th scope="col">所属单位</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className={a.disabledAt ? "disabled" : undefined}>
              <th scope="row">
                {a.displayName}
                {a.id === selfId && <span className="muted">（本人）</span>}
              </th>
              <td className="mono">{a.email}</td>
              <td>{ROLE_LABELS[a.role]}</td>
              <td>{unitName(a.unitId)}</td>
              <td>{accountState(a)}</td>
              <td>
                <button
                  type="button"
                  id={`manage-${a.id}`}
                  className="secondary small"
                  aria-expanded={editingId === a.id}
                  aria-controls={editingId === a.id ? "account-editor" : undefined}
                  onClick={() => onManage(a.id)}
                >
                  管理<span className="visually-hidden">{a.displayName}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
