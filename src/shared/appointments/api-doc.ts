// The public appointment endpoints as the OpenAPI document and the reference page (/developers/)
// describe them: functions/routes/appointments/{index,applications,drawing,figures}.ts. Request
// schemas are the ones those handlers validate with; answers are described by their wire shapes.
import { IdempotencyKeySchema } from "../complaints/schemas.ts";
import type { ApiSection, ParamDoc, RouteDoc } from "../openapi/types.ts";
import { ManageTokenSchema } from "../sweeps/schemas.ts";
import { ApplicationLookupSchema } from "./applications-lookup.ts";
import { PublicFiguresQuerySchema } from "./figures.ts";
import { BookingSchema, RescheduleSchema, SlotsQuerySchema } from "./schemas.ts";

const JSON_TYPE = "application/json";
const json = (description: string) => ({ description, content: { [JSON_TYPE]: null } });

const manage: Record<string, ParamDoc> = {
  "X-Manage-Token": {
    description: "预约管理凭证：管理链接 #t= 之后的 22 个字符（128 位随机数，服务器只存其散列）",
    schema: ManageTokenSchema,
  },
};

const routes: RouteDoc[] = [
  {
    method: "get",
    path: "/api/appointments/points",
    summary: "服务点",
    description: "各服务点的地址、提供的服务和本周开放时间（含节假日与临时闭门）。",
    responses: { 200: json("PointList") },
  },
  {
    method: "get",
    path: "/api/appointments/slots",
    summary: "可预约时段",
    description: "point=any 列出所有服务点的时段，时间最近的在前。",
    query: {
      schema: SlotsQuerySchema,
      fields: { point: "服务点编号，或 any", service: "服务类型", from: "从哪一天起（中国时间，缺省为今天）" },
    },
    responses: { 200: json("SlotListResult：时段及剩余名额") },
    problems: [422],
  },
  {
    method: "post",
    path: "/api/appointments/bookings",
    summary: "预约",
    description: "名额由数据库触发器把关，满了得 409；按客户端限流（读请求体之前）。",
    headers: {
      "Idempotency-Key": {
        description: "幂等键（8–64 个字母、数字、- 或 _）：重试时重放第一次的回答",
        schema: IdempotencyKeySchema,
      },
    },
    body: {
      content: { [JSON_TYPE]: BookingSchema },
      fields: {
        slotId: "时段编号（来自可预约时段）",
        name: "姓名",
        phone: "11 位手机号",
        shopName: "店铺名称",
        shopAddress: "店铺地址",
        licenceNumber: "营业执照号（可选）",
        applicationNumber: "已有的申请编号（可选）",
      },
    },
    responses: {
      201: {
        description: "BookingResult：预约编号与管理链接路径（managePath，只显示一次）",
        content: { [JSON_TYPE]: null },
        headers: { Location: "管理页路径", "Idempotent-Replayed": "重放第一次回答时为 true" },
      },
    },
    problems: [409, 422, 429],
  },
  {
    method: "get",
    path: "/api/appointments/manage",
    summary: "查看本人预约",
    headers: manage,
    responses: { 200: json("AppointmentView：时段、服务点、需带材料、状态与关联的申请") },
    problems: [404, 422],
  },
  {
    method: "delete",
    path: "/api/appointments/manage",
    summary: "取消预约",
    description: "截止时间之后取消记为迟取消。",
    headers: manage,
    responses: { 200: json("CancelResult") },
    problems: [404, 409, 422],
  },
  {
    method: "get",
    path: "/api/appointments/manage/calendar.ics",
    summary: "预约的日历文件",
    headers: manage,
    responses: { 200: { description: "iCalendar 文件（取消后为 CANCELLED）", content: { "text/calendar": null } } },
    problems: [404, 422],
  },
  {
    method: "post",
    path: "/api/appointments/manage/reschedule",
    summary: "改约",
    headers: manage,
    body: { content: { [JSON_TYPE]: RescheduleSchema }, fields: { slotId: "新的时段编号" } },
    responses: { 200: json("RescheduleResult") },
    problems: [404, 409, 422],
  },
  {
    method: "put",
    path: "/api/appointments/manage/drawing",
    summary: "上传店招效果图",
    description:
      "multipart 字段 drawing：一张 JPEG、PNG 或 WebP（按内容判断），不超过 5 MB，去除元数据后保存，替换上一张。",
    headers: manage,
    body: { description: "multipart/form-data，文件字段 drawing", content: { "multipart/form-data": null } },
    responses: { 200: json("DrawingInfo") },
    problems: [404, 409, 413, 415, 422, 429],
  },
  {
    method: "get",
    path: "/api/appointments/manage/drawing",
    summary: "查看店招效果图",
    headers: manage,
    responses: { 200: { description: "效果图（JPEG、PNG 或 WebP），private, no-store", content: { "image/*": null } } },
    problems: [404, 422],
  },
  {
    method: "get",
    path: "/api/appointments/figures",
    summary: "服务点指标",
    description:
      "预约、到场、未到、迟取消、现场登记，以及已决定申请的平均工作日、按期率和一次办成率；少于 5 件时不公布（定义见 /appointments/figures/）。",
    query: {
      schema: PublicFiguresQuerySchema,
      fields: { from: "起始日期（与 to 同时给出；缺省为上一个完整月）", to: "结束日期（含；最长一年）" },
    },
    responses: { 200: json("AppointmentFigures") },
    problems: [422],
  },
  {
    method: "post",
    path: "/api/appointments/applications/lookup",
    summary: "查询店招申请进度",
    description: "凭申请编号和预约时留下的手机号；两者任一不符都回答同一个 404；按客户端限流。回答不含姓名和电话。",
    body: {
      content: { [JSON_TYPE]: ApplicationLookupSchema },
      fields: { applicationNumber: "申请编号，SQ 加 8 位字母或数字", phone: "预约时留下的 11 位手机号" },
    },
    responses: { 200: json("PublicApplicationView：当前环节、各环节期限与缺少的材料") },
    problems: [404, 422, 429],
  },
];

export const appointmentsApi: ApiSection = {
  tag: "appointments",
  title: "服务点预约",
  description: "服务点、可预约时段、预约与管理、店招效果图、申请进度查询与服务点指标。",
  routes,
};
