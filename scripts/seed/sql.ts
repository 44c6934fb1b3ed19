/** A SQL string literal for seed files: seed values are ours, but a quote must still not break a statement. */
export function sqlString(value: string | number): string {
  return `'${String(value).replaceAll("'", "''")}'`;
}
