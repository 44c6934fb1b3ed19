/**
 * A page's live regions, present from the first render so screen readers announce what is put in
 * them: progress and outcomes politely, a failure at once.
 */
export function PageStatus({ status, error }: { status: string; error: string }) {
  return (
    <>
      <p role="status">{status}</p>
      <div role="alert">{error && <p className="error-summary">{error}</p>}</div>
    </>
  );
}
