import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { NEARBY_METRES } from "../../../src/shared/complaints/schemas";
import type { NearbyCase, NearbyCases } from "../../../src/shared/complaints/wire";
import { distanceMetres, publicCoordinate } from "../../../src/shared/geo";
import { freshLimiterWindow } from "../limiter-window";
import { fileOk, ORIGIN, syncUnits } from "./factories";

// The attack the issue ran: probe the nearby search along three rays around a reporter's point,
// find where the case drops out at the search radius, and take the centre of the circle through
// the three edge points. Against answers measured from the exact point it recovered the point to
// 0 m; against answers measured from the published (≈ 100 m) point it can only find that point.

interface Point {
  lat: number;
  lng: number;
}

const M_PER_DEG = 111_320;
/** The point `north` and `east` metres from `p` (flat earth: the error at 300 m is millimetres). */
const moved = (p: Point, north: number, east: number): Point => ({
  lat: p.lat + north / M_PER_DEG,
  lng: p.lng + east / (M_PER_DEG * Math.cos((p.lat * Math.PI) / 180)),
});
/** `p` in metres north and east of `origin`. */
const local = (origin: Point, p: Point) => ({
  y: (p.lat - origin.lat) * M_PER_DEG,
  x: (p.lng - origin.lng) * M_PER_DEG * Math.cos((origin.lat * Math.PI) / 180),
});

/** The centre of the circle through three points. */
function circumcentre(origin: Point, [a, b, c]: [Point, Point, Point]): Point {
  const [p, q, r] = [local(origin, a), local(origin, b), local(origin, c)];
  const d = 2 * (p.x * (q.y - r.y) + q.x * (r.y - p.y) + r.x * (p.y - q.y));
  const n = (s: { x: number; y: number }) => s.x ** 2 + s.y ** 2;
  const x = (n(p) * (q.y - r.y) + n(q) * (r.y - p.y) + n(r) * (p.y - q.y)) / d;
  const y = (n(p) * (r.x - q.x) + n(q) * (p.x - r.x) + n(r) * (q.x - p.x)) / d;
  return moved(origin, y, x);
}

/** Whether the case shows up in a probe at `p`: the only signal the attack needs. */
type Oracle = (p: Point) => Promise<boolean>;

/**
 * Three rays from `start`, each scanned every 10 m out to 400 m, then the edge where the case
 * drops out found to a centimetre by bisection: 153 probes. Returns the trilaterated point.
 */
async function trilaterate(start: Point, shows: Oracle): Promise<Point> {
  const edges: Point[] = [];
  for (const bearing of [0, 120, 240]) {
    const rad = (bearing * Math.PI) / 180;
    const at = (r: number) => moved(start, r * Math.cos(rad), r * Math.sin(rad));
    let inside = -1;
    for (let r = 0; r <= 400; r += 10) if (await shows(at(r))) inside = r;
    expect(inside, "the case shows near its own point").toBeGreaterThanOrEqual(0);
    expect(inside, "and drops out within the scan").toBeLessThan(400);
    let [lo, hi] = [inside, inside + 10];
    for (let i = 0; i < 10; i++) {
      const mid = (lo + hi) / 2;
      if (await shows(at(mid))) lo = mid;
      else hi = mid;
    }
    edges.push(at(lo));
  }
  return circumcentre(start, edges as [Point, Point, Point]);
}

let probes = 0;
/** Each probe from a new client address: a botnet, so the throttle does not hide what answers say. */
async function nearby(categoryId: string, p: Point): Promise<NearbyCases> {
  const res = await exports.default.fetch(
    `${ORIGIN}/api/complaints/nearby?categoryId=${categoryId}&lat=${p.lat}&lng=${p.lng}`,
    {
      headers: { "cf-connecting-ip": `2001:db8::${(++probes).toString(16)}` },
    },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as NearbyCases;
}

/** What a probe says about one case, without the fields that name it. */
function about(answer: NearbyCases, caseNumber: string) {
  const found = answer.cases.find((c) => c.caseNumber === caseNumber);
  if (!found) return null;
  const { caseNumber: _n, receivedAt: _r, ...said } = found as NearbyCase;
  return said;
}

describe("the nearby search and a reporter's exact point", () => {
  beforeAll(syncUnits);

  // A cell away from the community centres that other tests file at, and a category of its own.
  const category = "E0101";
  const centre: Point = { lat: 30.324, lng: 120.213 };

  it("sanity: the attack finds an exact point to a metre when answers are measured from it", async () => {
    const hidden = moved(centre, 31, -22);
    const start = moved(hidden, 40, 40);
    const found = await trilaterate(start, async (p) => distanceMetres(p, hidden) <= NEARBY_METRES);
    expect(distanceMetres(found, hidden)).toBeLessThan(1);
  });

  // 3 × 153 probes and three filings: 20 s on the two-core machine under load; 120 s leaves room.
  it("gives the same answers for two reports in one cell, and a trilateration gets no closer than the cell", async () => {
    // Near opposite corners of one 0.001° cell (≈ 130 m apart), and one exactly at its centre.
    const exact = {
      a: moved(centre, 50, 42),
      b: moved(centre, -50, -42),
      c: centre,
    };
    for (const p of Object.values(exact)) {
      expect({ lat: publicCoordinate(p.lat), lng: publicCoordinate(p.lng) }).toEqual(centre);
    }
    const filed = {
      a: await fileOk({ ...exact.a, categoryId: category, addressText: "河塘路口" }),
      b: await fileOk({ ...exact.b, categoryId: category, addressText: "河塘路口" }),
      c: await fileOk({ ...exact.c, categoryId: category, addressText: "河塘路口" }),
    };
    const estimates: Record<string, Point> = {};
    for (const target of ["a", "b", "c"] as const) {
      // The attacker is given the best prior there is: the rays start at the exact point itself.
      const answers: NearbyCases[] = [];
      const estimate = await trilaterate(exact[target], async (p) => {
        const answer = await nearby(category, p);
        answers.push(answer);
        return about(answer, filed[target].caseNumber) !== null;
      });
      estimates[target] = estimate;
      // Every probe said exactly the same about all three reports: answers depend on the cell alone.
      const said = (k: keyof typeof filed) => answers.map((x) => about(x, filed[k].caseNumber));
      expect(said("a")).toEqual(said("b"));
      expect(said("c")).toEqual(said("a"));
      expect(said("a").filter((x) => x !== null).length).toBeGreaterThan(0);
      // No closer to the exact point than the published point is (up to the bisection's centimetres).
      expect(distanceMetres(estimate, exact[target])).toBeGreaterThan(distanceMetres(centre, exact[target]) - 0.5);
    }
    expect(probes).toBeGreaterThan(450);
    // All three attacks end at the published point, so for the two corner reports they end ≥ 60 m off.
    for (const e of Object.values(estimates)) expect(distanceMetres(e, centre)).toBeLessThan(0.5);
    expect(distanceMetres(estimates.a as Point, exact.a)).toBeGreaterThan(60);
    expect(distanceMetres(estimates.b as Point, exact.b)).toBeGreaterThan(60);
  }, 120_000);

  it("says how far in bands of 100 m, measured from the published point", async () => {
    const filed = await fileOk({ ...moved(centre, -300, 400), categoryId: "E0106", addressText: "河塘路口" });
    const published = moved(centre, -300, 400);
    const cell = { lat: publicCoordinate(published.lat), lng: publicCoordinate(published.lng) };
    const bandAt = async (metres: number) =>
      (await nearby("E0106", moved(cell, metres, 0))).cases.find((c) => c.caseNumber === filed.caseNumber)
        ?.withinMetres;
    expect(await bandAt(0)).toBe(100);
    expect(await bandAt(99)).toBe(100);
    expect(await bandAt(101)).toBe(200);
    expect(await bandAt(199)).toBe(200);
    expect(await bandAt(201)).toBe(250);
    expect(await bandAt(249)).toBe(250);
    expect(await bandAt(251)).toBeUndefined();
  });

  it("throttles one client: 30 searches a minute, then 429 with Retry-After", { timeout: 60_000 }, async () => {
    // Up to 20 s waiting for a fresh window, then the requests.
    await freshLimiterWindow();
    const ip = "2001:db8:ffff::1";
    // All at once, so the burst cannot straddle two of the limiter's minutes.
    const answers = await Promise.all(
      Array.from({ length: 32 }, () =>
        exports.default.fetch(
          `${ORIGIN}/api/complaints/nearby?categoryId=${category}&lat=${centre.lat}&lng=${centre.lng}`,
          { headers: { "cf-connecting-ip": ip } },
        ),
      ),
    );
    const statuses = answers.map((r) => r.status).sort((a, b) => a - b);
    expect(statuses).toEqual([...Array(30).fill(200), 429, 429]);
    for (const r of answers.filter((a) => a.status === 429)) expect(r.headers.get("retry-after")).toBe("60");
  });
});
