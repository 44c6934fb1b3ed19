import type { Open311Key } from "../../shared/open311/keys";
import { formatChinaMinute } from "../../shared/time";

interface Props {
  keys: Open311Key[];
  revokingId: number | null;
  onRevoke: (id: number) => void;
}

const when = (at: string | null) => (at ? formatChinaMinute(at) : "—");

/** Every key: its holder, prefix, who issued it and when, its last use, and its state. */
export function KeyTable({ keys, revokingId, onRevoke }: Props) {
  return (
    // Scrolls sideways on a phone instead of the page; focusable so a keyboard can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="keys-caption" tabIndex={0}>
      <table>
        <caption id="keys-caption">全部开放接口密钥（共 {keys.length} 个）</caption>
        <thead>
          <tr>
            <th scope="col">持有人</th>
            <th scope="col">密钥开头</th>
            <th scope="col">签发</th>
            <th scope="col">最近使用</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className={k.revokedAt ? "disabled" : undefined}>
              <th scope="row">{k.holder}</th>
              <td className="mono">{k.prefix}…</td>
              <td>
                {when(k.createdAt)}
                {k.createdBy && <span className="muted">（{k.createdBy}）</span>}
              </td>
              <td>{when(k.lastUsedAt)}</td>
              <td>{k.revokedAt ? `已吊销 ${when(k.revokedAt)}${k.revokedBy ? `（${k.revokedBy}）` : ""}` : "有效"}</td>
              <td>
                {!k.revokedAt && (
                  <button
                    type="button"
                    id={`revoke-${k.id}`}
                    className="secondary small"
                    aria-expanded={revokingId === k.id}
                    aria-controls={revokingId === k.id ? "revoke-confirm" : undefined}
                    onClick={() => onRevoke(k.id)}
                  >
                    吊销<span className="visually-hidden">{k.holder} 的密钥</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
