import { z } from "astro/zod";
import { NOTICE_KINDS, VALIDITIES } from "../shared/publishing";
import { isDay } from "../shared/time";

// Astro validates content collections with zod; these are build-time checks of editors' files.

/** A calendar date written as "YYYY-MM-DD" that exists (no 2026-02-30). */
const isoDate = z
  .string({ error: "必须填写日期，格式为 YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" })
  .refine(isDay, { error: "不存在的日期" });

const text = (what: string, max: number) =>
  z
    .string({ error: `必须填写${what}` })
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}过长` });

export const NoticeSchema = z.strictObject({
  title: text("标题", 80),
  date: isoDate,
  kind: z.enum(NOTICE_KINDS, { error: `类别须为：${NOTICE_KINDS.join("、")}` }),
  summary: text("摘要", 160),
  issuer: text("发布单位", 40).default("青溪区城市管理局"),
});

export const RegulationSchema = z
  .strictObject({
    title: text("标题", 80),
    issuer: text("发文机关", 40),
    docNumber: text("发文字号", 40),
    writtenDate: isoDate,
    publishedDate: isoDate,
    subject: text("主题分类", 40),
    validity: z.enum(VALIDITIES, { error: `有效性须为：${VALIDITIES.join("、")}` }),
    replacedBy: z
      .string()
      .regex(/^[a-z0-9-]+$/, { error: "replacedBy 须为另一份文件的文件名（不含 .md）" })
      .optional(),
    summary: text("摘要", 160),
  })
  .refine((r) => r.publishedDate >= r.writtenDate, { error: "发布日期不能早于成文日期", path: ["publishedDate"] })
  .refine((r) => r.validity !== "已修订" || r.replacedBy, {
    error: "已修订的文件须用 replacedBy 指向修订后的文件",
    path: ["replacedBy"],
  })
  .refine((r) => r.validity !== "有效" || !r.replacedBy, {
    error: "有效的文件不应有 replacedBy",
    path: ["replacedBy"],
  });

export const PageSchema = z.strictObject({
  title: text("标题", 80),
  description: text("描述", 160),
  updated: isoDate,
  signer: text("落款", 40).optional(),
  /** What the navigation calls the page (告市民书), shown above the title; a page with one is searchable. */
  label: text("栏目名", 20).optional(),
});
