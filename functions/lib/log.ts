/** Log levels the LOG_LEVEL variable accepts; "silent" keeps test output readable. */
type Level = "info" | "error";

/**
 * Writes one structured JSON line, the shape Workers Logs indexes. Never given personal data:
 * callers pass ids, paths and statuses only.
 */
export function logJson(env: { LOG_LEVEL?: string } | undefined, level: Level, record: Record<string, unknown>): void {
  if (env?.LOG_LEVEL === "silent") return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...record });
  if (level === "error") console.error(line);
  else console.log(line);
}
