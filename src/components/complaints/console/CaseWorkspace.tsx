import { useCallback, useEffect, useMemo, useState } from "react";
import {
  currentDeadline,
  FILTER_KEYS,
  listFilterOfCase,
  queryOfFilter,
  VIEW_LABELS,
} from "../../../lib/complaints/console";
import { ACTION_SPECS, actionLabel } from "../../../lib/complaints/console-actions";
import { casesApi } from "../../../lib/complaints/console-api";
import {
  rememberShortcuts,
  shortcutOf,
  shortcutsEnabled,
  shortcutsFor,
} from "../../../lib/complaints/console-shortcuts";
import { ApiError, errorMessage } from "../../../lib/kit/problem";
import type { CaseDetail } from "../../../shared/complaints/console-wire";
import type { StaffAction } from "../../../shared/complaints/states";
import { can } from "../../../shared/staff/roles";
import type { Me } from "../../../shared/staff/wire";
import { useFocusLater } from "../../forms/useFocusLater";
import { StatusMessage } from "../../staff/StatusMessage";
import { useUnits } from "../../staff/useUnits";
import { focusIdOf } from "./ActionFieldControl";
import { ActionPanel } from "./ActionPanel";
import { CaseFacts } from "./CaseFacts";
import { CasePhotos } from "./CasePhotos";
import { CaseTags } from "./CaseTags";
import { CaseTimeline } from "./CaseTimeline";
import { DeadlineFact } from "./DeadlineFact";
import { dispatchTargets } from "./dispatch-targets";
import { ShortcutHelp } from "./ShortcutHelp";
import { NO_KEYBOARD, useMediaQuery } from "./useMediaQuery";
import { useNow } from "./useNow";
import { useShortcuts } from "./useShortcuts";

/** The case id of the page address (`?id=123`), or null. */
function caseIdFromAddress(): number | null {
  const id = new URLSearchParams(location.search).get("id") ?? "";
  return /^\d{1,10}$/.test(id) ? Number(id) : null;
}

/** Where focus goes when an action's form opens: its first field, or its submit button. */
function firstFocusOf(action: StaffAction): string {
  const first = ACTION_SPECS[action].fields[0];
  return first ? focusIdOf(first) : "action-submit";
}

type Loaded = { phase: "loading" } | { phase: "failed"; message: string } | { phase: "ready"; detail: CaseDetail };

/** The deadline the case works against now, first on the page: on a phone it is all the facts there is room for. */
function CurrentDeadline({ detail, now }: { detail: CaseDetail; now: number }) {
  const running = currentDeadline(detail);
  if (!running) return null;
  return (
    <p className="case-deadline">
      <strong>{running.kind === "accept" ? "立案时限" : "处置时限"}</strong>：
      <DeadlineFact due={running.due} doneAt={null} running now={now} />
    </p>
  );
}

/**
 * One case: the actions open to this member and their shortcuts first (beside the case on a wide
 * screen, above it on a phone), then its facts, photos and timeline.
 */
export function CaseWorkspace({ me }: { me: Me }) {
  const [id] = useState(caseIdFromAddress);
  const [loaded, setLoaded] = useState<Loaded>({ phase: "loading" });
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [status, setStatus] = useState("");
  const [shortcutsOn, setShortcutsOn] = useState(shortcutsEnabled);
  // No shortcuts, nor their legend, without a keyboard: the legend is where they are turned off.
  const noKeyboard = useMediaQuery(NO_KEYBOARD);
  const shortcuts = useMemo(() => shortcutsFor(me.role), [me.role]);
  const shortcutsActive = shortcutsOn && !noKeyboard && shortcuts.length > 0;
  const allUnits = useUnits(can(me.role, "units:read"));
  const units = useMemo(() => dispatchTargets(allUnits), [allUnits]);
  const now = useNow();
  const focusLater = useFocusLater();
  // The list this page was opened from, with its filters (carried in `list`), else the role's first view.
  const [listFilter] = useState(() => listFilterOfCase(location.search, me.role));
  const listHref = `/staff/complaints/${queryOfFilter(listFilter)}`;
  const listLabel = VIEW_LABELS[listFilter.view];
  const listFiltered = FILTER_KEYS.some((key) => listFilter[key]);
  const detail = loaded.phase === "ready" ? loaded.detail : null;

  const fetchDetail = useCallback(async () => {
    if (id === null) throw new ApiError(404, { detail: "页面地址中没有案件编号。" });
    const fresh = await casesApi.get(id);
    setLoaded({ phase: "ready", detail: fresh });
    return fresh;
  }, [id]);

  useEffect(() => {
    fetchDetail().catch((err) =>
      setLoaded({
        phase: "failed",
        message:
          err instanceof ApiError && err.status === 404 ? "找不到这个案件，或者您无权查看它。" : errorMessage(err),
      }),
    );
  }, [fetchDetail]);

  const openAction = (action: StaffAction) => {
    if (!detail?.actions.includes(action)) {
      const key = shortcutOf(action)?.toUpperCase();
      setStatus(`快捷键 ${key}：现在不能“${actionLabel(action)}”。`);
      return;
    }
    setOpen(action);
    focusLater(firstFocusOf(action));
  };

  const closeAction = () => {
    const was = open;
    setOpen(null);
    if (was) focusLater(`open-${was}`);
  };

  const done = (fresh: CaseDetail, message: string) => {
    setLoaded({ phase: "ready", detail: fresh });
    setOpen(null);
    setStatus(`${message}案件状态：${fresh.stateLabel}。`);
    focusLater("actions-heading");
  };

  const reloadAfterConflict = async () => {
    const fresh = await fetchDetail();
    setStatus(`已重新加载案件的最新情况。案件状态：${fresh.stateLabel}。`);
    if (open && fresh.actions.includes(open)) focusLater(firstFocusOf(open));
    else {
      setOpen(null);
      focusLater("actions-heading");
    }
  };

  const toggleShortcuts = (on: boolean) => {
    setShortcutsOn(on);
    rememberShortcuts(on);
    setStatus(on ? "已启用键盘快捷键。" : "已关闭键盘快捷键。");
  };

  useShortcuts(shortcutsActive && detail !== null, shortcuts, {
    onAction: openAction,
    onList: () => location.assign(listHref),
  });

  return (
    <>
      <p>
        <a href={listHref}>
          返回“{listLabel}”列表{listFiltered && "（保留筛选条件）"}
        </a>
      </p>
      <StatusMessage text={status} />
      {loaded.phase === "loading" && <p className="muted">正在加载案件…</p>}
      {loaded.phase === "failed" && (
        <div role="alert" className="error-summary">
          <p>{loaded.message}</p>
        </div>
      )}
      {detail && (
        <article className="case-page" aria-labelledby="case-title">
          <h2 id="case-title">
            案件 <span className="mono">{detail.caseNumber}</span>
          </h2>
          <p className="case-state">
            当前状态：<strong>{detail.stateLabel}</strong> <CaseTags c={detail} />
          </p>
          <CurrentDeadline detail={detail} now={now} />
          <div className="case-grid">
            <div className="case-side">
              <ActionPanel
                detail={detail}
                open={open}
                units={units}
                shortcutsOn={shortcutsActive}
                onOpen={openAction}
                onClose={closeAction}
                onDone={done}
                onReload={reloadAfterConflict}
              />
              {!noKeyboard && shortcuts.length > 0 && (
                <ShortcutHelp
                  enabled={shortcutsOn}
                  shortcuts={shortcuts}
                  available={detail.actions}
                  listLabel={listLabel}
                  onToggle={toggleShortcuts}
                />
              )}
            </div>
            <CaseFacts detail={detail} mayRevealContact={can(me.role, "complaints:contact")} now={now} />
            <div className="case-story">
              <section aria-labelledby="description-heading">
                <h3 id="description-heading">问题描述</h3>
                <p className="case-description">{detail.description}</p>
              </section>
              <CasePhotos photos={detail.photos} />
              <CaseTimeline entries={detail.timeline} />
            </div>
          </div>
        </article>
      )}
    </>
  );
}
