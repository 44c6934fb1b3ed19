import { useEffect, useRef } from "react";
import { type ACTION_SHORTCUTS, isTypingTarget, SEQUENCE_MS } from "../../../lib/complaints/console-shortcuts";
import type { StaffAction } from "../../../shared/complaints/states";

interface Handlers {
  onAction: (action: StaffAction) => void;
  onList: () => void;
}

/**
 * Listens for the case page's single-key shortcuts while `enabled`: `shortcuts` are the member's
 * own (shortcutsFor), so a key of another role's action does nothing. Keys typed into a field, with
 * a modifier, or while an input method composes are left alone (WCAG 2.1.4).
 */
export function useShortcuts(enabled: boolean, shortcuts: typeof ACTION_SHORTCUTS, handlers: Handlers): void {
  const latest = useRef({ handlers, shortcuts });
  latest.current = { handlers, shortcuts };
  useEffect(() => {
    if (!enabled) return;
    let gAt = Number.NEGATIVE_INFINITY;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "g") {
        gAt = event.timeStamp;
        return;
      }
      const afterG = event.timeStamp - gAt < SEQUENCE_MS;
      gAt = Number.NEGATIVE_INFINITY;
      if (key === "i" && afterG) {
        event.preventDefault();
        latest.current.handlers.onList();
        return;
      }
      const shortcut = latest.current.shortcuts.find((s) => s.key === key);
      if (!shortcut) return;
      // Keeps the letter out of the field the form is about to focus.
      event.preventDefault();
      latest.current.handlers.onAction(shortcut.action);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}
