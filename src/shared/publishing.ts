// Vocabulary of the publishing side, shared by the content schemas, the pages and the tests.

/** Kinds of notice (通知公告) an editor may choose; the list page filters by them. */
export const NOTICE_KINDS = ["公告", "专项整治", "节假日保障", "便民服务", "志愿活动"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Validity (有效性) of a regulation, as government sites must mark it on the document's own page. */
export const VALIDITIES = ["有效", "已修订", "已废止"] as const;
export type Validity = (typeof VALIDITIES)[number];

/** URL-safe keys for the kinds and validities, so filter pages have ASCII paths. */
export const NOTICE_KIND_SLUGS: Record<NoticeKind, string> = {
  公告: "announcement",
  专项整治: "campaign",
  节假日保障: "holiday",
  便民服务: "service",
  志愿活动: "volunteer",
};

export const VALIDITY_SLUGS: Record<Validity, string> = {
  有效: "in-force",
  已修订: "amended",
  已废止: "repealed",
};

/** The fictional district the demo content describes. */
export const BUREAU = {
  name: "青溪区城市管理局",
  shortName: "青溪城管",
  district: "青溪区",
  hotline: "12345",
  address: "青溪区临河路 88 号",
} as const;
