import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { COMMUNITIES } from "../../../src/shared/geo";
import type { SweepDetail, SweepList } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { makeSweep, ORIGIN, signUpOk } from "./factories";

const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`);
const [A, B, C] = COMMUNITIES.map((c) => c.id) as [string, string, string];

describe("the public list of sweeps", () => {
  it("puts the least-covered community first and marks it most needed", async () => {
    // A period of its own, far enough ahead that no other sweep of this file falls in it.
    const inHours = 24 * 40;
    const a = await makeSweep({ communityId: A, capacity: 10, inHours });
    const b = await makeSweep({ communityId: B, capacity: 10, inHours: inHours + 1 });
    const c = await makeSweep({ communityId: C, capacity: 4, inHours: inHours + 2 });
    for (let i = 0; i < 5; i++) await signUpOk(a.id);
    for (let i = 0; i < 3; i++) await signUpOk(c.id);
    const day = chinaDay(new Date(a.startsAt));
    const res = await get(`/api/sweeps?from=${addDays(day, -1)}&to=${addDays(day, 1)}`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as SweepList;
    expect(list.sweeps.map((s) => s.id)).toEqual([b.id, a.id, c.id]);
    expect(list.sweeps.map((s) => s.mostNeeded)).toEqual([true, false, false]);
    expect(list.sweeps[1]).toMatchObject({ placesTaken: 5, placesLeft: 5, capacity: 10 });
    const cov = new Map(list.coverage.map((x) => [x.communityId, x]));
    expect(cov.get(A)).toMatchObject({ capacity: 10, confirmed: 5, ratio: 0.5 });
    expect(cov.get(C)?.ratio).toBe(0.75);
    expect(list.coverage).toHaveLength(COMMUNITIES.length);
    expect(list.coverage.filter((x) => x.ratio === null)).toHaveLength(COMMUNITIES.length - 3);
  });

  it("shows counts only: no name or phone of anyone signed up", async () => {
    const s = await makeSweep({ inHours: 24 * 45 });
    const person = await signUpOk(s.id, { name: "赵秘密", phone: "13912345678" });
    const day = chinaDay(new Date(s.startsAt));
    const list = await (await get(`/api/sweeps?from=${day}&to=${day}`)).text();
    const one = await (await get(`/api/sweeps/${s.id}`)).text();
    for (const text of [list, one]) {
      expect(text).not.toContain("赵秘密");
      expect(text).not.toContain("13912345678");
      expect(text).not.toContain(person.manageToken);
    }
    expect((JSON.parse(one) as SweepDetail).sweep.placesTaken).toBe(1);
  });

  it("filters by community and by open-to-minors, and leaves out drafts, cancelled and past sweeps", async () => {
    const inHours = 24 * 50;
    const adult = await makeSweep({ communityId: A, minAge: 18, inHours });
    const young = await makeSweep({ communityId: B, minAge: 14, inHours });
    await makeSweep({ communityId: A, state: "draft", inHours });
    await makeSweep({ communityId: A, state: "cancelled", inHours });
    const day = chinaDay(new Date(adult.startsAt));
    const ids = async (q: string) =>
      ((await (await get(`/api/sweeps?from=${day}&to=${day}${q}`)).json()) as SweepList).sweeps.map((s) => s.id);
    expect((await ids("")).sort()).toEqual([adult.id, young.id].sort());
    expect(await ids(`&community=${A}`)).toEqual([adult.id]);
    expect(await ids("&minors=1")).toEqual([young.id]);
    expect((await get(`/api/sweeps/${(await makeSweep({ state: "draft" })).id}`)).status).toBe(404);
  });

  it("refuses a reversed or overlong period and a day that does not exist, in Chinese", async () => {
    for (const q of ["from=2026-02-31", "from=2026-05-10&to=2026-05-01", "from=2026-01-01&to=2026-12-31"]) {
      const res = await get(`/api/sweeps?${q}`);
      expect(res.status, q).toBe(422);
      expect(await res.text()).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
