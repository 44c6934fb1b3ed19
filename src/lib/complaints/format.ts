// How the complaint pages write times, days and case numbers for the people who read them.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026年11月27日 14:05", China time. */
export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));

/** "2026-11-27": the day in China, however the device's clock is set. */
export const chinaDay = (at: Date) => new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

/** The `from`–`to` days (China time) of the last `days` days, today included. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  return { from: chinaDay(new Date(now.getTime() - (days - 1) * 86_400_000)), to: chinaDay(now) };
}

/** "261127-0042" → "261 127 - 0042": short groups to read out over the phone. */
export const groupCaseNumber = (caseNumber: string) => caseNumber.replace(/^(\d{3})(\d{3})-/, "$1 $2 - ");
