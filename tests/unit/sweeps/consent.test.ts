import { readFileSync } from "node:fs";
import path from "node:path";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ageBand, ageFacts, consentPath, holdUntil } from "../../../src/shared/sweeps/consent";
import { CONSENT_HOLD_HOURS, SENSITIVE_AGE } from "../../../src/shared/sweeps/rules";
import { GUARDIAN_PHONE_OWN, SignupSchema } from "../../../src/shared/sweeps/schemas";

const notice = readFileSync(path.join(import.meta.dirname, "../../../content/pages/privacy.md"), "utf8");
const sweep = (startsAt: string, guardianPresentBelow: number | null = null) => ({ startsAt, guardianPresentBelow });
const base = { name: "王小明", phone: "13900001111", organisation: "青溪中学", birthMonth: "2011-05", consent: true };

describe("a minor's age facts on the sweep's day", () => {
  it("counts a 15-year-old as a minor, not sensitive; a 12-year-old as sensitive too", () => {
    // 2026-12-05 in China: born 2011-05 → 15, born 2014-03 → 12.
    expect(ageFacts("2011-05", sweep("2026-12-05T01:00:00.000Z"))).toEqual({
      age: 15,
      minor: true,
      sensitive: false,
      guardianMustAttend: false,
    });
    expect(ageFacts("2014-03", sweep("2026-12-05T01:00:00.000Z", 14))).toMatchObject({
      age: 12,
      sensitive: true,
      guardianMustAttend: true,
    });
    expect(ageFacts("2000-01", sweep("2026-12-05T01:00:00.000Z", 14)).minor).toBe(false);
  });

  it("uses the China-time day: 23:30 UTC is already the next day in Shanghai", () => {
    // 2026-11-30T23:30Z is 2026-12-01 in China: born 2008-11 turns 18 in December.
    expect(ageFacts("2008-11", sweep("2026-11-30T23:30:00.000Z")).minor).toBe(false);
    expect(ageFacts("2008-11", sweep("2026-11-30T15:00:00.000Z")).minor).toBe(true);
  });

  it("shows a band, not the age", () => {
    expect(ageBand(SENSITIVE_AGE - 1)).toBe("未满 14 周岁");
    expect(ageBand(15)).toBe("14–17 周岁");
  });

  it("holds the place CONSENT_HOLD_HOURS, never past the sweep's start", () => {
    const now = new Date("2026-12-01T00:00:00.000Z");
    expect(holdUntil(now, "2026-12-10T00:00:00.000Z")).toBe(
      new Date(now.getTime() + CONSENT_HOLD_HOURS * 3_600_000).toISOString(),
    );
    expect(holdUntil(now, "2026-12-01T05:00:00.000Z")).toBe("2026-12-01T05:00:00.000Z");
  });

  it("puts the guardian's secret in the fragment of the consent page", () => {
    expect(consentPath("abc")).toBe("/volunteer/consent/#t=abc");
  });
});

describe("the sign-up schema's guardian fields", () => {
  it("treats empty guardian fields as absent and normalises the phone", () => {
    const out = v.parse(SignupSchema, { ...base, guardianName: "", guardianPhone: "" });
    expect(out.guardianName).toBeUndefined();
    expect(out.guardianPhone).toBeUndefined();
    expect(
      v.parse(SignupSchema, { ...base, guardianName: " 王大明 ", guardianPhone: "+86 139 0000 2222" }),
    ).toMatchObject({
      guardianName: "王大明",
      guardianPhone: "13900002222",
    });
  });

  it("refuses the volunteer's own phone as the guardian's, at the guardian's phone", () => {
    const r = v.safeParse(SignupSchema, { ...base, guardianName: "王大明", guardianPhone: "139 0000 1111" });
    expect(r.success).toBe(false);
    expect(r.issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([["guardianPhone", GUARDIAN_PHONE_OWN]]);
  });
});

describe("the privacy notice on minors", () => {
  it("states the hold and the sensitive age the code uses, and the guardian data kept", () => {
    const section = notice.slice(notice.indexOf("## 志愿清扫报名"));
    expect(section).toContain(`保留 ${CONSENT_HOLD_HOURS} 小时`);
    expect(section).toContain(`不满 ${SENSITIVE_AGE} 周岁`);
    expect(section).toMatch(/监护人的姓名和手机号码/);
    expect(section).toMatch(/第二十八条/);
    expect(section).toMatch(/第三十一条/);
  });
});
