/** What to bring for the service type (content/appointments/services.json), the agent's items marked. */
export function Checklist({
  bring,
  headingId,
}: {
  bring: readonly { item: string; note?: string; for?: "agent" }[];
  headingId: string;
}) {
  if (bring.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>请携带</h3>
      <ul className="checklist">
        {bring.map((b) => (
          <li key={b.item}>
            {b.for === "agent" && "委托他人办理的："}
            {b.item}
            {b.note && <span className="muted">（{b.note}）</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
