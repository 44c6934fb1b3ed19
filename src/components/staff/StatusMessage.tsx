/** A polite live region, kept in the page while empty so that what appears in it is announced. */
export function StatusMessage({ text }: { text: string }) {
  return (
    <p role="status" className={text ? "status-message" : "status-message empty"}>
      {text}
    </p>
  );
}
