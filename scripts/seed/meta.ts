import { sqlString } from "./sql.ts";

/** Records which demo seed this database carries. */
export function metaStatements(version: string): string[] {
  return [
    `INSERT INTO app_meta (key, value) VALUES ('demo_seed', ${sqlString(version)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ];
}
