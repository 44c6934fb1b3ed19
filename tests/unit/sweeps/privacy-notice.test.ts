import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTACT_RETENTION_DAYS, RECORD_RETENTION_YEARS } from "../../../src/shared/sweeps/rules";

// The privacy notice's sweeps section states the periods the retention cron uses (rules.ts, data),
// names the SMS gateway as a processor and says what stays after contacts are removed.

const root = path.join(import.meta.dirname, "../../..");
const notice = readFileSync(path.join(root, "content/pages/privacy.md"), "utf8");
const section = notice.slice(
  notice.indexOf("## 志愿清扫报名"),
  notice.indexOf("\n## ", notice.indexOf("## 志愿清扫报名") + 1),
);

describe("the privacy notice on sweep sign-ups", () => {
  it("gives the contact retention and the record retention the rules use", () => {
    const days = [...section.matchAll(/活动结束满\s*(\d+)\s*天/g)].map((m) => Number(m[1]));
    expect(days).toEqual([CONTACT_RETENTION_DAYS]);
    const years = [...section.matchAll(/至少保存\s*(\d+)\s*年/g)].map((m) => Number(m[1]));
    expect(years).toEqual([RECORD_RETENTION_YEARS]);
  });

  it("names the SMS gateway as a processor, and what stays: the keyed hash, the volunteer number, the hours", () => {
    expect(section).toContain("委托的短信平台");
    expect(section).toContain("管理页面");
    for (const kept of ["散列值", "志愿者编号", "服务时长", "已匿名"]) expect(section).toContain(kept);
    // The phone stays only as a keyed pseudonym (functions/lib/person-key.ts), and the notice says so.
    expect(section).toMatch(/密钥由手机号码算出的散列值（手机号码删除后，号码只以这个无法反推的代号留下/);
  });
});
