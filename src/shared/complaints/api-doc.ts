// The public complaint endpoints as the OpenAPI document and the reference page (/developers/)
// describe them: functions/routes/complaints/{index,public-case,track}.ts. Request schemas are the
// ones those handlers validate with; answers are described by their shapes in wire.ts.
import * as v from "valibot";
import type { ApiSection, ParamDoc, RouteDoc } from "../openapi/types.ts";
import {
  CaseNumberSchema,
  FileComplaintSchema,
  HotspotQuerySchema,
  IdempotencyKeySchema,
  MAX_DESCRIPTION,
  NearbyQuerySchema,
  OpenDataQuerySchema,
  PublicListQuerySchema,
  RateSchema,
  ReopenSchema,
  SupporterIdSchema,
  TrackByPhoneSchema,
  TrackingTokenSchema,
} from "./schemas.ts";
import { PublicFiguresQuerySchema } from "./staff-schemas.ts";

const JSON_TYPE = "application/json";
/** Shown where a route answers a wire.ts shape: no runtime schema exists for answers. */
const json = (description: string) => ({ description, content: { [JSON_TYPE]: null } });

const caseNumber: ParamDoc = {
  description: "案件编号，如 261127-0042（也接受不带连字符或带空格的写法）",
  schema: CaseNumberSchema,
};
/** The route's own pattern ({1,10} digits): the router refuses anything else with 404. */
const photoId: ParamDoc = { description: "照片编号", schema: v.pipe(v.string(), v.regex(/^[0-9]{1,10}$/)) };
const trackingToken: Record<string, ParamDoc> = {
  "X-Tracking-Token": {
    description: "查询凭证：查询链接 #t= 之后的 22 个字符（128 位随机数，服务器只存其散列；不要放进网址查询串）",
    schema: TrackingTokenSchema,
  },
};

const trackingView =
  "TrackingView：案件的公开信息、时间线、期限、评价与复核状态；凭证打开时另含 personalData（本案保存的个人信息逐项列出）";

const routes: RouteDoc[] = [
  {
    method: "post",
    path: "/api/complaints",
    summary: "提交投诉",
    description:
      "与网站投诉表单走同一条路径：一次 D1 批量写入（案件编号、案件、照片、幂等记录），按客户端限流（读请求体之前）。" +
      "照片最多 3 张（JPEG/PNG/WebP，每张 ≤ 5 MB，去除 EXIF 等元数据），只能用 multipart/form-data 提交：" +
      "字段 complaint 为下面 JSON 对象的字符串，文件字段 photos 可重复。不带照片时可直接提交 JSON。" +
      `经纬度须同时提供；未给经纬度时须选社区；手机号只在需要回访时填写。问题描述最多 ${MAX_DESCRIPTION} 字。`,
    headers: {
      "Idempotency-Key": {
        description:
          "幂等键（8–64 个字母、数字、- 或 _，如 UUID）：重试时重放第一次的回答；与第一次重叠的重复请求得 409",
        schema: IdempotencyKeySchema,
      },
    },
    body: {
      description:
        "投诉内容（JSON），或 multipart/form-data：complaint（同一 JSON 的字符串）+ photos（文件，最多 3 个）",
      content: { [JSON_TYPE]: FileComplaintSchema, "multipart/form-data": null },
      fields: {
        categoryId: "问题类别编号（content/complaints/categories.json）",
        addressText: "地址或地标（只给工作人员看，不公开）",
        communityId: "所在社区编号；未给经纬度时必填",
        placeId: "地名录中的道路或地点：公开显示的位置",
        lat: "纬度（WGS-84），与 lng 同时提供；只公开约 100 米的粗略位置",
        lng: "经度（WGS-84），与 lat 同时提供",
        description: "问题描述（纯文本，控制字符会被去掉）",
        name: "称呼（不公开）",
        phone: "手机号（不公开），仅在 callbackWanted 为 true 时填写",
        callbackWanted: "是否需要回访",
        consent: "已阅读个人信息保护说明并同意，须为 true",
        turnstileToken: "Cloudflare Turnstile 令牌（启用人机验证时必填）",
      },
    },
    responses: {
      201: {
        description: "FiledComplaint：案件编号、查询链接路径（trackingPath，含一次性显示的查询凭证）等",
        content: { [JSON_TYPE]: null },
        headers: { Location: "查询页路径", "Idempotent-Replayed": "重放第一次回答时为 true" },
      },
    },
    problems: [403, 409, 413, 415, 422, 429],
  },
  {
    method: "get",
    path: "/api/complaints",
    summary: "公开案件列表",
    description: "已立案的案件，新的在前，按 before 游标翻页。从不含姓名、电话、门牌号或精确位置。",
    query: {
      schema: PublicListQuerySchema,
      fields: { before: "上一页回答中的 next", state: "open：办理中；closed：已结案", limit: "每页条数，1–100" },
    },
    responses: { 200: json("PublicCasePage：cases（公开案件）与 next（下一页游标，没有更多时为 null）") },
    problems: [422],
  },
  {
    method: "get",
    path: "/api/complaints/nearby",
    summary: "附近的同类问题",
    description:
      "最近 30 天、250 米内、同一类别、正在办理的案件；距离只按公开位置分档回答（100 米内、约 200 米、约 250 米）。每客户端每分钟 30 次。",
    query: { schema: NearbyQuerySchema, fields: { categoryId: "问题类别编号", lat: "纬度", lng: "经度" } },
    responses: { 200: json("NearbyCases：cases（公开案件及距离档）") },
    problems: [422, 429],
  },
  {
    method: "post",
    path: "/api/complaints/{caseNumber}/support",
    summary: "我也遇到（附议）",
    description: "为正在办理的案件附议；同一个 X-Supporter-Id 只计一次。",
    params: { caseNumber: { description: "案件编号", schema: v.string() } },
    headers: {
      "X-Supporter-Id": { description: "浏览器自己生成并保存的随机编号（16–64 个字符）", schema: SupporterIdSchema },
    },
    responses: { 200: json("SupportResult：附议人数，以及这次是否新计入") },
    problems: [404, 422, 429],
  },
  {
    method: "get",
    path: "/api/complaints/hotspots",
    summary: "热点（按社区和类别计数）",
    query: { schema: HotspotQuerySchema, fields: { days: "统计最近 30 天或 90 天" } },
    responses: { 200: json("Hotspots：每个社区、类别的案件数，多的在前（可缓存 60 秒）") },
    problems: [422],
  },
  {
    method: "get",
    path: "/api/complaints/open-data.{format}",
    summary: "开放数据（JSON 或 CSV）",
    description:
      "一段时间内（中国时间的日期，最长一年）提交的案件的公开字段，最多 10,000 行；CSV 的时间为中国时间并带 +08:00。",
    params: {
      format: { description: "json 或 csv", schema: v.picklist(["json", "csv"]) },
    },
    query: { schema: OpenDataQuerySchema, fields: { from: "起始日期（含）", to: "结束日期（含）" } },
    responses: {
      200: {
        description: "OpenData（JSON：from、to、count、truncated、cases）或同样字段的 CSV（UTF-8 带 BOM）",
        content: { [JSON_TYPE]: null, "text/csv": null },
      },
    },
    problems: [422],
  },
  {
    method: "get",
    path: "/api/complaints/figures",
    summary: "月度办理指标",
    description: "全局与各单位的响应率、立案率、结案率、按期结案率、返工率、满意率；定义见 /complaints/figures/。",
    query: { schema: PublicFiguresQuerySchema, fields: { month: "月份 YYYY-MM；缺省为上一个完整月" } },
    responses: { 200: json("MonthFigures：month、from、to、total 与 units（各单位）") },
    problems: [422],
  },
  {
    method: "get",
    path: "/api/complaints/photos/{id}",
    summary: "案件照片（公开）",
    description: "案件立案后才公开；图片已去除元数据，以沙箱策略返回。",
    params: { id: photoId },
    responses: { 200: { description: "照片（JPEG、PNG 或 WebP）", content: { "image/*": null } } },
    problems: [404],
  },
  {
    method: "get",
    path: "/api/complaints/cases/{caseNumber}",
    summary: "案件公开页的数据",
    description: "立案或不予受理之后才有；未知编号、尚未公开的案件和不是编号的文字都回答同样的 404。",
    params: { caseNumber },
    responses: { 200: json("PublicCaseDetail：公开信息、公开时间线、期限及是否按期、照片编号") },
    problems: [404],
  },
  {
    method: "get",
    path: "/api/complaints/cases/{caseNumber}/feed.xml",
    summary: "案件进展订阅（Atom）",
    params: { caseNumber },
    responses: { 200: { description: "Atom 订阅源", content: { "application/atom+xml": null } } },
    problems: [404],
  },
  {
    method: "get",
    path: "/api/complaints/track",
    summary: "凭查询链接查看案件",
    headers: trackingToken,
    responses: { 200: json(trackingView) },
    problems: [404, 422],
  },
  {
    method: "delete",
    path: "/api/complaints/track/contact",
    summary: "删除本人联系方式",
    description:
      "立即删除姓名、电话和回访意愿（并从案件文字中删去），一次批量写入并留审计记录；再次调用不写入任何内容。",
    headers: trackingToken,
    responses: { 200: json(trackingView) },
    problems: [404, 422],
  },
  {
    method: "post",
    path: "/api/complaints/track/lookup",
    summary: "凭案件编号和手机号查询",
    description: "两者任一不符都回答同一个 404；每次查询按客户端计数（每分钟 10 次），失败的查询另按案件计数。",
    body: {
      content: { [JSON_TYPE]: TrackByPhoneSchema },
      fields: { caseNumber: "案件编号", phone: "提交时留下的 11 位手机号" },
    },
    responses: { 200: json("TrackingView（不含 personalData）") },
    problems: [404, 422, 429],
  },
  {
    method: "get",
    path: "/api/complaints/track/photos/{id}",
    summary: "本人案件的照片",
    description: "凭查询凭证查看自己提交的照片（立案前也可）。",
    params: { id: photoId },
    headers: trackingToken,
    responses: { 200: { description: "照片（JPEG、PNG 或 WebP）", content: { "image/*": null } } },
    problems: [404, 422],
  },
  {
    method: "post",
    path: "/api/complaints/track/rating",
    summary: "评价办理结果",
    headers: trackingToken,
    body: {
      content: { [JSON_TYPE]: RateSchema },
      fields: { rating: "满意、基本满意或不满意", comment: "评价意见（可选）" },
    },
    responses: { 200: json(trackingView) },
    problems: [404, 409, 422],
  },
  {
    method: "post",
    path: "/api/complaints/track/reopen",
    summary: "申请复核",
    description: "结案后 7 天内可申请复核。",
    headers: trackingToken,
    body: { content: { [JSON_TYPE]: ReopenSchema }, fields: { reason: "申请复核的原因" } },
    responses: { 200: json(trackingView) },
    problems: [404, 409, 422],
  },
];

export const complaintsApi: ApiSection = {
  tag: "complaints",
  title: "投诉",
  description:
    "提交投诉、查询进展、公开案件、热点、开放数据与办理指标。公开数据从不含姓名、电话、门牌号或比约 100 米更精确的位置。",
  routes,
};
