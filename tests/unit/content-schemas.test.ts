import { describe, expect, it } from "vitest";
import { NoticeSchema, PageSchema, RegulationSchema } from "../../src/lib/content-schemas";

const notice = {
  title: "关于规范夜市经营秩序的通告",
  date: "2026-05-01",
  kind: "专项整治",
  summary: "夜市划定经营区域。",
};
const regulation = {
  title: "青溪区户外招牌设置管理办法",
  issuer: "青溪区人民政府",
  docNumber: "青政规〔2025〕4号",
  writtenDate: "2025-03-01",
  publishedDate: "2025-03-08",
  subject: "城乡建设、环境保护",
  validity: "有效",
  summary: "规定招牌设置要求。",
};

/** The field paths a failed parse complains about. */
function failedFields(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error?.issues.map((i) => i.path.join(".")) ?? [];
}

describe("NoticeSchema", () => {
  it("accepts a complete notice and fills in the default issuer", () => {
    expect(NoticeSchema.parse(notice).issuer).toBe("青溪区城市管理局");
  });

  it("rejects a notice without a date, an impossible date or an unknown kind", () => {
    const { date: _date, ...undated } = notice;
    expect(failedFields(NoticeSchema.safeParse(undated))).toEqual(["date"]);
    expect(failedFields(NoticeSchema.safeParse({ ...notice, date: "2026-02-30" }))).toEqual(["date"]);
    expect(failedFields(NoticeSchema.safeParse({ ...notice, kind: "新闻" }))).toEqual(["kind"]);
  });

  it("rejects a field it does not know, so a typo cannot pass silently", () => {
    expect(failedFields(NoticeSchema.safeParse({ ...notice, dtae: "2026-05-01" }))).toEqual([""]);
  });
});

describe("RegulationSchema", () => {
  it("accepts a regulation in force", () => {
    expect(RegulationSchema.parse(regulation).validity).toBe("有效");
  });

  it("rejects an unknown validity", () => {
    expect(failedFields(RegulationSchema.safeParse({ ...regulation, validity: "失效" }))).toEqual(["validity"]);
  });

  it("requires an amended document to name the one that replaces it", () => {
    expect(failedFields(RegulationSchema.safeParse({ ...regulation, validity: "已修订" }))).toEqual(["replacedBy"]);
    expect(RegulationSchema.parse({ ...regulation, validity: "已修订", replacedBy: "new-one" }).replacedBy).toBe(
      "new-one",
    );
  });

  it("rejects a replacement on a document still in force, and publication before writing", () => {
    expect(failedFields(RegulationSchema.safeParse({ ...regulation, replacedBy: "x" }))).toEqual(["replacedBy"]);
    expect(failedFields(RegulationSchema.safeParse({ ...regulation, publishedDate: "2025-02-01" }))).toEqual([
      "publishedDate",
    ]);
  });
});

describe("PageSchema", () => {
  it("requires a title, a description and an update date", () => {
    expect(failedFields(PageSchema.safeParse({ title: "告市民书" })).sort()).toEqual(["description", "updated"]);
  });
});
