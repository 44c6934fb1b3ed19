// The leader page's logic, kept out of the island so it can be tested: what a step's answer does
// to the roster shown, what is announced, who the search finds.
import { formatMinutes } from "../../shared/sweeps/hours";
import type { AttendanceResult, LeaderRoster, LeaderRosterEntry } from "../../shared/sweeps/wire";
import type { DayAction } from "./lead-api";

/** The roster with one person's new state (a walk-in added), its counts recomputed. */
export function withEntry(roster: LeaderRoster, entry: LeaderRosterEntry): LeaderRoster {
  const known = roster.entries.some((e) => e.id === entry.id);
  const entries = known ? roster.entries.map((e) => (e.id === entry.id ? entry : e)) : [...roster.entries, entry];
  return {
    ...roster,
    entries,
    counts: {
      confirmed: entries.length,
      checkedIn: entries.filter((e) => e.checkedInAt !== null).length,
      checkedOut: entries.filter((e) => e.checkedOutAt !== null).length,
      noShow: entries.filter((e) => e.attendance === "no_show").length,
      placesLeft: Math.max(0, roster.counts.placesLeft - (known ? 0 : 1)),
    },
  };
}

/** The sentence the live region says after a step. */
export function announce(action: DayAction, { entry, changed }: AttendanceResult): string {
  const who = entry.name;
  if (!changed) {
    if (action === "checkin") return `${who} 已经签到过了。`;
    if (action === "checkout") return `${who} 已经签退过了。`;
    return `${who} 已标记为未到场。`;
  }
  if (action === "checkin") return `${who} 签到成功。`;
  if (action === "checkout") return `${who} 签退成功，服务时长 ${formatMinutes(entry.minutes ?? 0)}。`;
  if (action === "no-show") return `${who} 已标记为未到场。`;
  return `已撤销 ${who} 的上一步记录。`;
}

/** People whose name (or organisation) holds the search text; everyone for an empty search. */
export function matching(entries: readonly LeaderRosterEntry[], search: string): LeaderRosterEntry[] {
  const text = search.trim();
  if (!text) return [...entries];
  return entries.filter((e) => e.name.includes(text) || e.organisation.includes(text));
}

/** What a person's row says about them. */
export function entryState(e: LeaderRosterEntry): string {
  if (e.attendance === "no_show") return "未到场";
  if (e.checkedOutAt) return `已签退 · ${formatMinutes(e.minutes ?? 0)}`;
  if (e.checkedInAt) return "已签到";
  return "未签到";
}
