import type { SweepMessage } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";

/** The messages sent to a person or a group's contact, as the API orders them; read here when no SMS is sent. */
export function MessageList({ messages }: { messages: SweepMessage[] }) {
  return (
    <>
      <h3>消息</h3>
      {messages.length === 0 ? (
        <p>还没有消息。</p>
      ) : (
        <ol className="messages">
          {messages.map((m) => (
            <li key={`${m.createdAt}-${m.kind}`}>
              <time dateTime={m.createdAt}>{formatDateTimeZh(m.createdAt)}</time>
              <p>{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
