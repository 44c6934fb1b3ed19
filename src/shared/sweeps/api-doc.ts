// The public sweep endpoints as the OpenAPI document and the reference page (/developers/) describe
// them: functions/routes/sweeps/{index,consent,lead,certificates,groups}.ts. Request schemas are the
// ones those handlers validate with; answers are described by their shapes in wire.ts.
import * as v from "valibot";
import { IdempotencyKeySchema } from "../complaints/schemas.ts";
import type { ApiSection, ParamDoc, RouteDoc } from "../openapi/types.ts";
import { CertificateNumberSchema, CheckCodeSchema } from "./certificate.ts";
import { AttendanceTargetSchema, SignupTargetSchema, WalkInSchema } from "./day-schemas.ts";
import {
  ConsentSchema,
  ConsentTokenSchema,
  GroupMemberSchema,
  GroupSignupSchema,
  GroupTokenSchema,
  ManageTokenSchema,
  MemberIdSchema,
  SignupSchema,
  SweepIdSchema,
  SweepListQuerySchema,
} from "./schemas.ts";

const JSON_TYPE = "application/json";
const json = (description: string) => ({ description, content: { [JSON_TYPE]: null } });

const secret = (what: string) => `${what}：链接 #t= 之后的 22 个字符（128 位随机数，服务器只存其散列）`;
const manage: Record<string, ParamDoc> = {
  "X-Manage-Token": { description: secret("报名管理凭证"), schema: ManageTokenSchema },
};
const consentToken: Record<string, ParamDoc> = {
  "X-Consent-Token": { description: secret("监护人同意凭证"), schema: ConsentTokenSchema },
};
const leader: Record<string, ParamDoc> = {
  "X-Leader-Token": { description: secret("领队链接凭证"), schema: ManageTokenSchema },
};
const group: Record<string, ParamDoc> = {
  "X-Group-Token": { description: secret("团体链接凭证"), schema: GroupTokenSchema },
};
const idempotency: Record<string, ParamDoc> = {
  "Idempotency-Key": {
    description: "幂等键（8–64 个字母、数字、- 或 _）：重试时重放第一次的回答",
    schema: IdempotencyKeySchema,
  },
};
const sweepId: ParamDoc = { description: "活动编号（10 位小写字母或数字）", schema: SweepIdSchema };
const memberId: ParamDoc = { description: "团体名额编号", schema: MemberIdSchema };

const person = {
  name: "姓名",
  phone: "11 位手机号",
  birthMonth: "出生年月 YYYY-MM（按活动当天计算年龄）",
  volunteerNumber: "志愿者编号（可选）",
  guardianName: "监护人姓名：未满 18 周岁必填",
  guardianPhone: "监护人手机号：未满 18 周岁必填，不能与本人相同",
};

const attendance = (summary: string): RouteDoc => ({
  method: "post",
  path: `/api/sweeps/lead/${summary === "签到" ? "checkin" : "checkout"}`,
  summary: `领队：${summary}`,
  description: "点名册上点选（signupId），或输入志愿者出示的 8 位签到码（code）。",
  headers: leader,
  body: { content: { [JSON_TYPE]: AttendanceTargetSchema }, fields: { signupId: "报名编号", code: "签到码" } },
  responses: { 200: json("AttendanceResult：这位志愿者更新后的状态") },
  problems: [404, 409, 422],
});

const byTap = (action: "no-show" | "undo", summary: string): RouteDoc => ({
  method: "post",
  path: `/api/sweeps/lead/${action}`,
  summary: `领队：${summary}`,
  headers: leader,
  body: { content: { [JSON_TYPE]: SignupTargetSchema }, fields: { signupId: "报名编号" } },
  responses: { 200: json("AttendanceResult") },
  problems: [404, 409, 422],
});

const routes: RouteDoc[] = [
  {
    method: "get",
    path: "/api/sweeps",
    summary: "即将开始的清扫活动",
    description:
      "按社区覆盖率（已报名 ÷ 目标名额）从低到高排序，最需要人手的标为 mostNeeded；只有计数，没有报名者信息。",
    query: {
      schema: SweepListQuerySchema,
      fields: {
        community: "社区编号",
        from: "起始日期（中国时间，缺省为今天）",
        to: "结束日期（缺省为四周后；最长 92 天）",
        minors: "1：只列未成年人可参加的活动",
      },
    },
    responses: { 200: json("SweepList：活动及各社区的覆盖情况") },
    problems: [422],
  },
  {
    method: "get",
    path: "/api/sweeps/{id}",
    summary: "一场活动",
    params: { id: sweepId },
    responses: { 200: json("SweepDetail：活动的时间、地点、名额、年龄要求等") },
    problems: [404, 422],
  },
  {
    method: "post",
    path: "/api/sweeps/{id}/signups",
    summary: "报名",
    description:
      "有空位时 confirmed，否则进入候补 waitlisted（带名次）；未成年人的名额留待监护人同意（pending_consent，回答带 consentPath）。" +
      "同一手机号重复报名、时间冲突、候补已满或活动已关闭得 409。按客户端限流（每分钟 20 次）。",
    params: { id: sweepId },
    headers: idempotency,
    body: {
      content: { [JSON_TYPE]: SignupSchema },
      fields: { ...person, organisation: "学校或单位", consent: "同意个人信息处理说明，须为 true" },
    },
    responses: {
      201: {
        description: "SignupResult：状态、候补名次与管理链接路径（managePath，只显示一次）",
        content: { [JSON_TYPE]: null },
        headers: { Location: "管理页路径", "Idempotent-Replayed": "重放第一次回答时为 true" },
      },
    },
    problems: [404, 409, 422, 429],
  },
  {
    method: "get",
    path: "/api/sweeps/manage",
    summary: "查看本人报名",
    headers: manage,
    responses: { 200: json("ManageView：报名状态、活动、候补名次与递补期限") },
    problems: [404, 422],
  },
  {
    method: "delete",
    path: "/api/sweeps/manage",
    summary: "取消报名",
    description: "空出的名额在同一次写入中递补给下一位候补；活动开始后不能取消。",
    headers: manage,
    responses: { 200: json("CancelResult：status 与 offeredToNext") },
    problems: [404, 409, 422],
  },
  {
    method: "post",
    path: "/api/sweeps/manage/confirm",
    summary: "确认递补名额",
    description: "在递补期限（12 小时）内确认。",
    headers: manage,
    responses: { 200: json("ConfirmOfferResult") },
    problems: [404, 409, 422],
  },
  {
    method: "post",
    path: "/api/sweeps/manage/guardian-link",
    summary: "重新生成监护人同意链接",
    description: "旧链接随即失效；新链接只显示这一次。",
    headers: manage,
    responses: { 200: json("GuardianLinkResult：新的 consentPath") },
    problems: [404, 409, 422],
  },
  {
    method: "get",
    path: "/api/sweeps/manage/certificate",
    summary: "本人的志愿服务证明",
    headers: manage,
    responses: { 200: json("MyCertificate：最近一份证明，没有时为 null") },
    problems: [404, 422],
  },
  {
    method: "post",
    path: "/api/sweeps/manage/certificate",
    summary: "生成志愿服务证明",
    headers: manage,
    responses: { 200: json("MyCertificate：已有的证明"), 201: json("MyCertificate：新生成的证明") },
    problems: [404, 409, 422],
  },
  {
    method: "get",
    path: "/api/sweeps/certificates/{number}",
    summary: "核验志愿服务证明",
    description: "凭证明编号和校验码（证明上的二维码带有两者）；每次核验按客户端计数。",
    params: { number: { description: "证明编号，如 QXZY-2026-7K3M9P2Q", schema: CertificateNumberSchema } },
    query: { schema: v.object({ code: CheckCodeSchema }), fields: { code: "10 位校验码（可带连字符）" } },
    responses: { 200: json("CertificateVerification：是否有效，以及证明上的时长与活动") },
    problems: [404, 422, 429],
  },
  {
    method: "get",
    path: "/api/sweeps/consent",
    summary: "监护人：查看同意事项",
    description: "孩子、活动、处理哪些信息及原因；不满 14 周岁时另有敏感个人信息告知。",
    headers: consentToken,
    responses: { 200: json("ConsentView") },
    problems: [404, 422],
  },
  {
    method: "post",
    path: "/api/sweeps/consent",
    summary: "监护人：同意",
    description: "确认保留的名额，或为候补、递补中的名额记下同意；保留期过后为 409。",
    headers: consentToken,
    body: {
      content: { [JSON_TYPE]: ConsentSchema },
      fields: { guardianName: "监护人本人的姓名", consent: "同意，须为 true" },
    },
    responses: { 200: json("ConsentResult") },
    problems: [404, 409, 422],
  },
  {
    method: "delete",
    path: "/api/sweeps/consent",
    summary: "监护人：不同意",
    description: "取消孩子的报名，名额递补给下一位。",
    headers: consentToken,
    responses: { 200: json("DeclineResult") },
    problems: [404, 409, 422],
  },
  {
    method: "get",
    path: "/api/sweeps/lead",
    summary: "领队：当天点名册",
    headers: leader,
    responses: { 200: json("LeaderRoster：报名者（姓名已遮盖）、签到签退状态") },
    problems: [404, 422],
  },
  attendance("签到"),
  attendance("签退"),
  byTap("no-show", "标记未到"),
  byTap("undo", "撤销"),
  {
    method: "post",
    path: "/api/sweeps/lead/walk-ins",
    summary: "领队：现场登记",
    description: "未成年人只能在监护人在场并当面同意时登记。",
    headers: leader,
    body: {
      content: { [JSON_TYPE]: WalkInSchema },
      fields: {
        name: "姓名",
        phone: "11 位手机号",
        organisation: "学校或单位",
        birthMonth: "出生年月 YYYY-MM",
        guardianName: "监护人姓名（未成年人）",
        guardianPhone: "监护人手机号（未成年人）",
        guardianConsented: "领队确认监护人在场并当面同意",
      },
    },
    responses: { 201: json("WalkInResult") },
    problems: [404, 409, 422],
  },
  {
    method: "post",
    path: "/api/sweeps/{id}/groups",
    summary: "团体报名（班级）",
    description:
      "要么全部 N 个名额都保留，要么什么都不写：放不下时得 409，并在 suggestions 中给出时间相近、放得下的活动。名额须在 completeBy 前逐个补全。",
    params: { id: sweepId },
    headers: idempotency,
    body: {
      content: { [JSON_TYPE]: GroupSignupSchema },
      fields: {
        contactName: "联系人（老师）姓名",
        contactPhone: "联系人手机号",
        organisation: "学校和班级",
        size: "人数",
        consent: "同意个人信息处理说明，须为 true",
      },
    },
    responses: { 201: json("GroupSignupResult：团体链接路径（groupPath，只显示一次）与名额") },
    problems: [404, 409, 422, 429],
  },
  {
    method: "get",
    path: "/api/sweeps/group",
    summary: "团体：查看名额",
    headers: group,
    responses: { 200: json("GroupView：活动、各名额的状态与补全期限") },
    problems: [404, 422],
  },
  {
    method: "delete",
    path: "/api/sweeps/group",
    summary: "团体：整体取消",
    headers: group,
    responses: { 200: json("GroupCancelResult：released 与 offeredToNext") },
    problems: [404, 409, 422],
  },
  {
    method: "put",
    path: "/api/sweeps/group/members/{memberId}",
    summary: "团体：补全一个名额",
    description: "成年人即确认；未成年人的名额留待监护人同意（回答带该成员的同意链接与管理链接）。",
    params: { memberId },
    headers: group,
    body: { content: { [JSON_TYPE]: GroupMemberSchema }, fields: person },
    responses: { 200: json("GroupMemberResult") },
    problems: [404, 409, 422],
  },
  {
    method: "delete",
    path: "/api/sweeps/group/members/{memberId}",
    summary: "团体：退回一个名额",
    params: { memberId },
    headers: group,
    responses: { 200: json("GroupCancelResult") },
    problems: [404, 409, 422],
  },
];

export const sweepsApi: ApiSection = {
  tag: "sweeps",
  title: "志愿清扫",
  description:
    "活动列表、报名与管理、监护人同意、团体报名、领队点名与志愿服务证明。报名不需要账号，凭链接中的凭证管理。",
  routes,
};
