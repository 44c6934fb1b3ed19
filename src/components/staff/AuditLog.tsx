import { useCallback, useEffect, useState } from "react";
import { errorMessage, type Refusal, refusalOf } from "../../lib/kit/problem";
import { type AuditFilter, staffApi } from "../../lib/staff/api";
import type { AuditEntry } from "../../shared/staff/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { useLatestRequest } from "../forms/useLatestRequest";
import { AuditFilters } from "./AuditFilters";
import { AuditTable } from "./AuditTable";
import { StatusMessage } from "./StatusMessage";

const FILTER_KEYS = ["actor", "action", "from", "to", "limit"] as const;
/** The keys that narrow the log down (the page size does not). */
const NARROWING = ["actor", "action", "from", "to"] as const;

/** The filter in the page address, so a filtered view can be reloaded and shared. */
function filterFromAddress(): AuditFilter {
  const query = new URLSearchParams(location.search);
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

function writeAddress(filter: AuditFilter): void {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) query.set(key, filter[key]);
  const qs = query.toString();
  history.replaceState(null, "", `${location.pathname}${qs ? `?${qs}` : ""}`);
}

/** What the table shows: entries and the cursor after them, with the filter they were found by. */
interface Shown {
  filter: AuditFilter;
  entries: AuditEntry[];
  next: number | null;
}

/** The admin's audit log: filters, the table, and "更早的记录" paging through the API's cursor. */
export function AuditLog() {
  const [initial] = useState(filterFromAddress);
  const [shown, setShown] = useState<Shown | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<Refusal>();
  // Only the answer to the newest search is shown, whatever order the answers arrive in.
  const { busy, load } = useLatestRequest();
  const focusLater = useFocusLater();

  const search = useCallback(
    async (filter: AuditFilter) => {
      setStatus("正在查询…");
      writeAddress(filter);
      await load(
        () => staffApi.listAudit(filter),
        (page) => {
          setShown({ filter, ...page });
          setError(undefined);
          setStatus(
            page.entries.length
              ? `找到 ${page.entries.length}${page.next ? " 条以上" : " 条"}记录。`
              : "没有符合条件的记录。",
          );
        },
        (err) => {
          setShown(null);
          setStatus("");
          setError(refusalOf(err));
        },
      );
    },
    [load],
  );

  useEffect(() => {
    void search(initial);
  }, [search, initial]);

  async function loadEarlier() {
    if (busy || !shown || shown.next === null) return;
    const next = shown.next;
    await load(
      () => staffApi.listAudit(shown.filter, next),
      (page) => {
        setShown({ filter: shown.filter, entries: [...shown.entries, ...page.entries], next: page.next });
        setStatus(`又加载了 ${page.entries.length} 条更早的记录${page.next ? "。" : "，已到最早的记录。"}`);
        // The button goes away on the last page: leave focus on the results rather than nowhere.
        if (!page.next) focusLater("audit-results");
      },
      (err) => setStatus(`加载失败：${errorMessage(err)}`),
    );
  }

  const entries = shown?.entries;
  const next = shown?.next ?? null;
  const filtered = NARROWING.some((key) => shown?.filter[key]);
  return (
    <>
      <AuditFilters
        initial={initial}
        serverErrors={error?.errors ?? {}}
        serverMessage={error?.message}
        onSearch={search}
      />
      <StatusMessage text={status} />
      <section id="audit-results" tabIndex={-1} aria-labelledby="audit-results-heading">
        <h2 id="audit-results-heading">操作记录</h2>
        {entries && entries.length > 0 && <AuditTable entries={entries} filtered={filtered} />}
        {entries && entries.length === 0 && <p>没有符合条件的记录。</p>}
        {next !== null && (
          <p>
            <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={loadEarlier}>
              {busy ? "正在加载…" : "更早的记录"}
            </button>
          </p>
        )}
        {entries && entries.length > 0 && next === null && <p className="muted">已显示最早的记录。</p>}
      </section>
    </>
  );
}
