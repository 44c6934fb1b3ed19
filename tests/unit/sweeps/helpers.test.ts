import { describe, expect, it } from "vitest";
import { secretOfHash } from "../../../src/lib/kit/link-secret";
import { ageOn } from "../../../src/lib/sweeps/age";
import { filterFromQuery, isFiltered, NO_FILTER, queryOfFilter } from "../../../src/lib/sweeps/filters";
import { manageLink, sweepPath } from "../../../src/lib/sweeps/manage-link";

describe("the list's filters in the page address", () => {
  it("reads every filter back from the query it wrote", () => {
    const filter = { community: "jingui", from: "2026-12-05", to: "2026-12-19", minors: true };
    expect(queryOfFilter(filter)).toBe("?community=jingui&from=2026-12-05&to=2026-12-19&minors=1");
    expect(filterFromQuery(queryOfFilter(filter))).toEqual(filter);
  });

  it("writes nothing for no filter and reads an empty query as no filter", () => {
    expect(queryOfFilter(NO_FILTER)).toBe("");
    expect(filterFromQuery("")).toEqual(NO_FILTER);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, minors: true })).toBe(true);
  });

  it("drops what a person mistyped into the address instead of sending it", () => {
    expect(filterFromQuery("?community=<script>&from=2026-02-31&to=tomorrow&minors=yes")).toEqual(NO_FILTER);
  });
});

describe("the manage link", () => {
  it("keeps the secret in the fragment, which the browser never sends", () => {
    const link = manageLink("https://example.org", "abc_DEF-123");
    expect(link).toBe("https://example.org/volunteer/manage/#t=abc_DEF-123");
    expect(new URL(link).search).toBe("");
    expect(secretOfHash(new URL(link).hash)).toBe("abc_DEF-123");
  });

  it("finds no secret in an empty or foreign fragment", () => {
    expect(secretOfHash("")).toBeNull();
    expect(secretOfHash("#t=")).toBeNull();
    expect(secretOfHash("#main")).toBeNull();
  });

  it("addresses a sweep's page by a query", () => {
    expect(sweepPath("sw 1/2")).toBe("/volunteer/sweep/?id=sw%201%2F2");
  });
});

describe("age from the birth year and month", () => {
  it("counts the youngest the person can be in their birth month", () => {
    expect(ageOn("2010-05", "2026-05-31")).toBe(15);
    expect(ageOn("2010-05", "2026-06-01")).toBe(16);
    expect(ageOn("2010-05", "2026-04-30")).toBe(15);
    expect(ageOn("2008-12", "2026-12-31")).toBe(17);
    expect(ageOn("2008-11", "2026-12-01")).toBe(18);
  });

  it("answers null for what is not a month or a day", () => {
    expect(ageOn("2010-13", "2026-05-31")).toBeNull();
    expect(ageOn("2010", "2026-05-31")).toBeNull();
    expect(ageOn("2010-05", "soon")).toBeNull();
  });
});
