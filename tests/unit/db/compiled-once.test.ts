import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { compiledOnce, toQuery } from "../../../functions/db/batch";

interface Values {
  id: string;
  n: number | null;
}

const v = (name: keyof Values) => sql.placeholder(name);

describe("compiledOnce", () => {
  it("gives the SQL the statements compile to, with each call's values in place of the placeholders", () => {
    let builds = 0;
    const statements = compiledOnce<Values, object>(() => {
      builds++;
      return [sql`UPDATE t SET n = ${v("n")} WHERE id = ${v("id")} AND old <> ${v("n")}`, sql`SELECT ${v("id")}`];
    });
    const db = {};
    const first = statements(db, { id: "a", n: 1 }).map(toQuery);
    const second = statements(db, { id: "b", n: null }).map(toQuery);
    expect(first).toEqual([
      { sql: "UPDATE t SET n = ? WHERE id = ? AND old <> ?", params: [1, "a", 1] },
      { sql: "SELECT ?", params: ["a"] },
    ]);
    expect(second.map((q) => q.params)).toEqual([[null, "b", null], ["b"]]);
    // Compiled on the first call for a database, not again.
    expect(builds).toBe(1);
    statements({}, { id: "c", n: 2 });
    expect(builds).toBe(2);
  });

  it("refuses a call that leaves a placeholder without a value", () => {
    const statements = compiledOnce<Values, object>(() => [sql`SELECT ${v("id")}, ${v("n")}`]);
    const [statement] = statements({}, { id: "a" } as Values);
    expect(() => statement && toQuery(statement)).toThrow(/placeholder "n"/);
  });
});
