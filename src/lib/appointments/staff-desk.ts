// The desk page's logic, kept out of the islands so it can be tested: what a step's answer does to
// the day shown, what the live region says, which steps a row offers, the free slots for walk-ins.
import type { DeskDay, DeskEntry, DeskSlot, DeskStepResult } from "../../shared/appointments/wire";
import { formatChinaTime } from "../../shared/time";
import type { DeskAction } from "./staff-desk-api";

const TAKEN = new Set(["booked", "attended"]);

/** "09:30–10:00", China time. */
export const clockRange = (start: string, end: string) =>
  `${formatChinaTime(start).slice(11, 16)}–${formatChinaTime(end).slice(11, 16)}`;

/** The day with one booking's new state (a walk-in added), its counts and free places recomputed. */
export function withEntry(day: DeskDay, entry: DeskEntry): DeskDay {
  const all = [...day.desk, ...day.inspection];
  const known = all.some((e) => e.id === entry.id);
  const entries = (known ? all.map((e) => (e.id === entry.id ? entry : e)) : [...all, entry]).sort(
    (a, b) => a.start.localeCompare(b.start) || a.id - b.id,
  );
  const taken = new Map<string, number>();
  for (const e of entries) if (TAKEN.has(e.status)) taken.set(e.slotId, (taken.get(e.slotId) ?? 0) + 1);
  const slots: DeskSlot[] = day.slots.map((s) => {
    const n = taken.get(s.slotId) ?? 0;
    return { ...s, taken: n, free: Math.max(0, s.capacity - n) };
  });
  const count = (f: (e: DeskEntry) => boolean) => entries.filter(f).length;
  return {
    ...day,
    desk: entries.filter((e) => e.service !== "inspection"),
    inspection: entries.filter((e) => e.service === "inspection"),
    slots,
    counts: {
      booked: count((e) => e.status === "booked"),
      attended: count((e) => e.status === "attended"),
      noShow: count((e) => e.status === "no_show"),
      walkIn: count((e) => e.walkIn && e.status === "attended"),
      cancelled: count((e) => e.status === "cancelled" || e.status === "late_cancelled"),
    },
  };
}

/** The sentence the live region says after a step. */
export function announce(action: DeskAction, { entry, changed }: DeskStepResult): string {
  const who = `${entry.name}（${entry.bookingNumber}）`;
  if (!changed) {
    if (action === "check-in") return `${who} 已经签到过了。`;
    if (action === "no-show") return `${who} 已标记为未到。`;
    return `${who} 已是待到状态。`;
  }
  if (action === "check-in") return `${who} 签到成功。`;
  if (action === "no-show") return `${who} 已标记为未到。`;
  return entry.status === "cancelled" ? `已撤销 ${who} 的现场登记。` : `已撤销 ${who} 的上一步，恢复为待到。`;
}

/** The steps a row offers now: check-in on the day, no-show once its slot started, undo after either. */
export function stepsFor(e: DeskEntry, day: Pick<DeskDay, "today" | "now" | "canAct">): DeskAction[] {
  if (!day.canAct) return [];
  if (e.status === "booked") {
    const steps: DeskAction[] = [];
    if (day.today) steps.push("check-in");
    if (e.start <= day.now) steps.push("no-show");
    return steps;
  }
  if (e.status === "attended" || e.status === "no_show") return ["undo"];
  return [];
}

/** Today's desk slots a walk-in may still be put onto: not ended, with a place free. */
export function walkInSlots(day: DeskDay, now = new Date().toISOString()): DeskSlot[] {
  if (!day.today || !day.canAct) return [];
  return day.slots.filter((s) => s.service !== "inspection" && s.free > 0 && s.end > now);
}

/** People whose name, phone, shop or booking number holds the search text; everyone for an empty search. */
export function matching(entries: readonly DeskEntry[], search: string): DeskEntry[] {
  const text = search.trim().toUpperCase();
  if (!text) return [...entries];
  return entries.filter((e) =>
    [e.name, e.phone, e.shopName, e.bookingNumber].some((s) => s.toUpperCase().includes(text)),
  );
}
