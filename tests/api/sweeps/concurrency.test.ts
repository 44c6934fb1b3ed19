import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../../functions/lib/tokens";
import type { SignupResult, SweepDetail } from "../../../src/shared/sweeps/wire";
import { makeSweep, ORIGIN, signUp, validSignup } from "./factories";

// The rest of issue 11's concurrency list lives beside the behaviour it tests: 50 concurrent
// cancellations promote each waiting person at most once (manage.test.ts), the same person twice and
// overlapping sweeps answer 409 (signup.test.ts).

const PLACES = 20;
const PEOPLE = 200;

interface Row {
  id: number;
  status: string;
  manage_hash: string;
}

describe("200 people sign up for 20 places at once", () => {
  // 200 sign-ups took 2.5 s on the two-core machine; five times that, and more.
  it("confirms exactly 20, waitlists the other 180 in arrival order, and tells each answer its row's place", async () => {
    // A waitlist just long enough for everyone: the last person takes its last place.
    const s = await makeSweep({ capacity: PLACES, waitlistLimit: PEOPLE - PLACES });
    const answers = await Promise.all(
      Array.from({ length: PEOPLE }, () =>
        signUp(s.id, validSignup()).then(async (r) => ({ status: r.status, body: (await r.json()) as SignupResult })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PEOPLE).fill(201));

    const { results: rows } = await env.DB.prepare(
      "SELECT id, status, manage_hash FROM sweep_signups WHERE sweep_id = ? ORDER BY id",
    )
      .bind(s.id)
      .all<Row>();
    expect(rows).toHaveLength(PEOPLE);
    // Arrival order is the row id: the first 20 rows hold the places, everyone after waits.
    expect(rows.map((r) => r.status)).toEqual([
      ...Array(PLACES).fill("confirmed"),
      ...Array(PEOPLE - PLACES).fill("waitlisted"),
    ]);

    // Each answer names its own row's status, and a waiting person's position is that row's rank
    // among the waiting rows by id (1..180, no gap, no repeat).
    const rankByHash = new Map(rows.filter((r) => r.status === "waitlisted").map((r, i) => [r.manage_hash, i + 1]));
    const statusByHash = new Map(rows.map((r) => [r.manage_hash, r.status]));
    for (const { body } of answers) {
      const hash = await sha256Hex(body.manageToken);
      expect(body.status).toBe(statusByHash.get(hash));
      expect(body.position).toBe(body.status === "waitlisted" ? rankByHash.get(hash) : null);
    }
    const positions = answers.flatMap((a) => (a.body.position === null ? [] : [a.body.position]));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: PEOPLE - PLACES }, (_, i) => i + 1));

    // One message per sign-up, saying what the answer said.
    const { results: messages } = await env.DB.prepare(
      `SELECT s.status, m.kind FROM sweep_messages m JOIN sweep_signups s ON s.id = m.signup_id WHERE s.sweep_id = ?`,
    )
      .bind(s.id)
      .all<{ status: string; kind: string }>();
    expect(messages).toHaveLength(PEOPLE);
    expect(messages.every((m) => m.kind === m.status)).toBe(true);

    // The public view counts the same.
    const view = (await (await exports.default.fetch(`${ORIGIN}/api/sweeps/${s.id}`)).json()) as SweepDetail;
    expect(view.sweep).toMatchObject({ placesTaken: PLACES, placesLeft: 0, waitlisted: PEOPLE - PLACES });
    expect(view.sweep.waitlistOpen).toBe(false);
  }, 30_000);

  it("refuses every sign-up past the waitlist's limit with 409 and writes nothing for them", async () => {
    const s = await makeSweep({ capacity: 5, waitlistLimit: 10 });
    const answers = await Promise.all(Array.from({ length: 40 }, () => signUp(s.id, validSignup())));
    const codes = answers.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(15);
    expect(codes.filter((c) => c === 409)).toHaveLength(25);
    for (const r of answers.filter((a) => a.status === 409)) {
      expect(r.headers.get("content-type")).toContain("application/problem+json");
    }
    const { results } = await env.DB.prepare(
      "SELECT status, count(*) AS n FROM sweep_signups WHERE sweep_id = ? GROUP BY status ORDER BY status",
    )
      .bind(s.id)
      .all();
    expect(results).toEqual([
      { status: "confirmed", n: 5 },
      { status: "waitlisted", n: 10 },
    ]);
  }, 20_000);
});
