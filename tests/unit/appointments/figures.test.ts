import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  applicationFigures,
  type BookingTally,
  bookingFigures,
  type DecidedApplication,
  FIGURES_MIN_COUNT,
  intakeToDecision,
  type LaterVisit,
  onTime,
  PublicFiguresQuerySchema,
  type StepEvent,
  shapeFigures,
  tripsOf,
} from "../../../src/shared/appointments/figures";

// China-time 10:00 and 15:00 of a day, as the database stores instants (UTC).
const at10 = (day: string) => `${day}T02:00:00.000Z`;
const at15 = (day: string) => `${day}T07:00:00.000Z`;

const app = (over: Partial<DecidedApplication> = {}): DecidedApplication => ({
  id: 1,
  applicationNumber: "SQ0000AAAA",
  pointId: "linhe",
  receivedAt: at10("2026-09-29"),
  decidedAt: at15("2026-10-13"),
  intakeStart: at10("2026-09-29"),
  ...over,
});

const visit = (over: Partial<LaterVisit> = {}): LaterVisit => ({
  applicationId: 1,
  pointId: "linhe",
  slotStart: at10("2026-10-09"),
  applicationNumber: null,
  ...over,
});

describe("working days from intake to decision", () => {
  it("counts 6 across 国庆: 30 Sep, 8, 9, the make-up Saturday 10, 12 and 13 October", () => {
    expect(intakeToDecision(app())).toBe(6);
  });

  it("counts across 春节 (15–23 February off, Saturday 28 February worked)", () => {
    // Received Friday 13 February, decided Monday 2 March: 14th (make-up Saturday), 24, 25, 26, 27, 28 (make-up), 2 March.
    expect(intakeToDecision(app({ receivedAt: at10("2026-02-13"), decidedAt: at15("2026-03-02") }))).toBe(7);
  });

  it("takes the China-time day of each instant (16:30 UTC is the next morning in China)", () => {
    // Received 08:30 on Monday 30 November in China (00:30 UTC), decided 00:30 on Wednesday 2 December in China.
    expect(
      intakeToDecision(app({ receivedAt: "2026-11-30T00:30:00.000Z", decidedAt: "2026-12-01T16:30:00.000Z" })),
    ).toBe(2);
  });

  it("is unknown, not guessed, past the holiday data", () => {
    expect(intakeToDecision(app({ receivedAt: at10("2026-12-28"), decidedAt: at15("2027-01-12") }))).toBeNull();
  });
});

const ev = (step: string, dueOn: string | null, createdAt: string): StepEvent => ({
  applicationId: 1,
  step,
  dueOn,
  createdAt,
});

describe("on time", () => {
  // Received Tuesday 29 September: 5 working days across 国庆 end on Monday 12 October.
  const received = ev("received", "2026-10-12", at10("2026-09-29"));

  it("is on time when accepted on the last day and decided within 15 working days", () => {
    expect(
      onTime([
        received,
        ev("accepted", "2026-11-02", at15("2026-10-12")),
        ev("inspection", "2026-11-02", at15("2026-10-20")),
        ev("decided", "2026-11-16", at15("2026-11-02")),
        ev("closed", null, at15("2026-11-20")),
      ]),
    ).toBe(true);
  });

  it("is late when accepted a day after the last day of 收件", () => {
    expect(
      onTime([
        received,
        ev("accepted", "2026-11-03", at15("2026-10-13")),
        ev("decided", "2026-11-17", at15("2026-10-14")),
      ]),
    ).toBe(false);
  });

  it("is late when the decision comes after the 15 working days from acceptance", () => {
    expect(
      onTime([
        received,
        ev("accepted", "2026-11-02", at15("2026-10-09")),
        ev("inspection", "2026-11-02", at15("2026-10-20")),
        ev("decided", "2026-11-17", at15("2026-11-03")),
      ]),
    ).toBe(false);
  });

  it("does not hold the merchant's late correction against the bureau, nor a late 办结 after the decision", () => {
    expect(
      onTime([
        ev("received", "2026-12-08", at10("2026-12-01")),
        ev("correction", "2026-12-15", at10("2026-12-02")),
        // Supplied a week after the correction's last day: the merchant's time.
        ev("received", "2026-12-29", at10("2026-12-22")),
        ev("accepted", "2027-01-20", at10("2026-12-23")),
        ev("decided", "2026-12-31", at10("2026-12-24")),
        ev("closed", null, at10("2027-02-01")),
      ]),
    ).toBe(true);
  });
});

describe("trips per application", () => {
  it("is 1 for the intake alone", () => {
    expect(tripsOf(app(), [])).toBe(1);
  });

  it("adds a later desk visit naming the application, typed in lower case with a hyphen, even after the decision", () => {
    expect(tripsOf(app(), [visit({ applicationNumber: "sq-0000aaaa", slotStart: at10("2026-10-20") })])).toBe(2);
  });

  it("adds a visit naming no application at the same point before the decision", () => {
    expect(tripsOf(app(), [visit(), visit({ slotStart: at10("2026-10-12") })])).toBe(3);
  });

  it("leaves out a visit naming another application, one at another point, one after the decision, one before the intake and another application's rows", () => {
    const visits = [
      visit({ applicationNumber: "SQ1111BBBB" }),
      visit({ pointId: "guiyuan" }),
      visit({ slotStart: at10("2026-10-14") }),
      visit({ slotStart: at10("2026-09-28") }),
      visit({ applicationId: 2 }),
    ];
    expect(tripsOf(app(), visits)).toBe(1);
  });
});

const tally = (over: Partial<BookingTally>): BookingTally => ({
  pointId: "linhe",
  service: "intake",
  status: "attended",
  walkIn: false,
  n: 1,
  ...over,
});

describe("booking figures", () => {
  it("counts bookings without in-time cancellations, walk-ins apart, and the no-show rate over known outcomes", () => {
    const f = bookingFigures([
      tally({ n: 6 }),
      tally({ status: "no_show", n: 2 }),
      tally({ status: "booked", n: 3 }),
      tally({ status: "cancelled", n: 4 }),
      tally({ status: "late_cancelled", n: 1 }),
      tally({ walkIn: true, n: 2 }),
      tally({ walkIn: true, status: "cancelled", n: 1 }),
    ]);
    expect(f).toEqual({ bookings: 12, attended: 6, noShows: 2, lateCancels: 1, walkIns: 2, noShowRate: 0.25 });
  });

  it("withholds a row with fewer than 5 bookings from the public, and gives staff every number", () => {
    const few = [tally({ n: 3 }), tally({ status: "no_show", n: 1 })];
    expect(bookingFigures(few, FIGURES_MIN_COUNT)).toBeNull();
    expect(bookingFigures(few, 0)).toMatchObject({ bookings: 4, noShows: 1 });
  });
});

describe("application figures and the whole answer", () => {
  const outcome = (workingDays: number | null, ok: boolean, trips: number) => ({
    pointId: "linhe",
    workingDays,
    onTime: ok,
    trips,
  });

  it("averages working days (leaving out unknown ones), the on-time rate and trips", () => {
    const f = applicationFigures([
      outcome(6, true, 1),
      outcome(10, true, 1),
      outcome(null, false, 2),
      outcome(8, true, 1),
      outcome(11, false, 3),
    ]);
    expect(f).toEqual({
      decided: 5,
      averageWorkingDays: 8.8,
      onTime: 3,
      onTimeRate: 0.6,
      averageTrips: 1.6,
      oneTrip: 3,
      oneTripRate: 0.6,
    });
    expect(applicationFigures([outcome(6, true, 1)], FIGURES_MIN_COUNT)).toBeNull();
  });

  it("shapes a row per point and the bureau's, with nothing but counts and the points' names", () => {
    const apps = [1, 2, 3, 4, 5].map((id) => app({ id, applicationNumber: `SQ0000AAA${id}` }));
    const events = apps.flatMap((a) => [
      { ...ev("received", "2026-10-12", a.receivedAt), applicationId: a.id },
      { ...ev("accepted", "2026-11-02", at15("2026-09-30")), applicationId: a.id },
      { ...ev("decided", null, a.decidedAt), applicationId: a.id },
    ]);
    const f = shapeFigures(
      { from: "2026-10-01", to: "2026-10-31" },
      [
        { id: "linhe", name: "临河街道为民服务点" },
        { id: "guiyuan", name: "桂园街道为民服务点" },
      ],
      {
        tallies: [tally({ n: 9 }), tally({ pointId: "guiyuan", n: 2 })],
        applications: apps,
        events,
        visits: [visit()],
      },
      FIGURES_MIN_COUNT,
    );
    expect(f.total).toMatchObject({ pointId: "all", bookings: { bookings: 11 }, applications: { decided: 5 } });
    expect(f.points[0]).toMatchObject({
      pointId: "linhe",
      bookings: { bookings: 9 },
      applications: { decided: 5, averageWorkingDays: 6, onTimeRate: 1, averageTrips: 1.2, oneTripRate: 0.8 },
    });
    expect(f.points[1]).toMatchObject({ pointId: "guiyuan", bookings: null, applications: null });
    expect(f.byService).toEqual([{ service: "intake", figures: expect.objectContaining({ bookings: 11 }) }]);
  });
});

describe("the public query", () => {
  const parse = (q: Record<string, string>) => v.safeParse(PublicFiguresQuerySchema, q);
  it("takes both ends or neither, forwards, at most a year", () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ from: "2026-01-01", to: "2026-12-31" }).success).toBe(true);
    expect(parse({ from: "2026-01-01" }).success).toBe(false);
    expect(parse({ from: "2026-02-01", to: "2026-01-31" }).success).toBe(false);
    expect(parse({ from: "2025-01-01", to: "2026-01-02" }).success).toBe(false);
    expect(parse({ from: "2026-02-30", to: "2026-03-01" }).success).toBe(false);
  });
});
