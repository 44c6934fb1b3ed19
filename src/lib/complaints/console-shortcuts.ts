// The case page's single-key shortcuts (WCAG 2.1.4 Character Key Shortcuts: they can be turned off,
// and they never fire while the member types in a field). Pure parts: tests/unit/complaints/console.test.ts.
import { type Actor, actorOf, type StaffAction, TRANSITIONS } from "../../shared/complaints/states";
import type { Role } from "../../shared/staff/roles";

/** Each key opens the form of one action (never submits it). */
export const ACTION_SHORTCUTS: readonly { key: string; action: StaffAction }[] = [
  { key: "a", action: "accept" },
  { key: "d", action: "dispatch" },
  { key: "s", action: "start" },
  { key: "h", action: "handle" },
  { key: "c", action: "close_fixed" },
  { key: "r", action: "reply" },
];

/** "g" then "i" within this many milliseconds goes back to the case list. */
export const SEQUENCE_MS = 1500;

/**
 * The shortcuts of the actions a role may take at all (by the state table), so the legend lists no
 * key the member can never use; whether one applies now is the case's own `actions`.
 */
export function shortcutsFor(role: Role): typeof ACTION_SHORTCUTS {
  const actor = actorOf(role);
  if (!actor) return [];
  return ACTION_SHORTCUTS.filter((s) => (TRANSITIONS[s.action].by as readonly Actor[]).includes(actor));
}

export function shortcutOf(action: StaffAction): string | undefined {
  return ACTION_SHORTCUTS.find((s) => s.action === action)?.key;
}

/** True where a key press is typing: text fields, selects, editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}

const STORAGE_KEY = "staff-shortcuts";

/** On unless the member turned them off on this device. */
export function shortcutsEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== "off";
  } catch {
    return true;
  }
}

export function rememberShortcuts(enabled: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, enabled ? "on" : "off");
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
