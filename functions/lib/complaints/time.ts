/** China Standard Time (UTC+8, no daylight saving): case numbers and daily counts follow it. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2026-11-27" in China time. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** "261127": the date part of a case number. */
export function caseNumberDay(at: Date): string {
  return chinaDay(at).slice(2).replaceAll("-", "");
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
