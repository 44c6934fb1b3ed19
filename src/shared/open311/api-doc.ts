// The Open311 GeoReport v2 endpoints (functions/routes/open311/) as the OpenAPI document and the
// reference page (/developers/) describe them. Their errors are the spec's list of {code,
// description} in the format asked, not problem+json.
import * as v from "valibot";
import { CATEGORY_IDS } from "../complaints/categories.ts";
import { CaseNumberSchema, IdempotencyKeySchema } from "../complaints/schemas.ts";
import type { ApiSection, ParamDoc, ResponseDoc, RouteDoc } from "../openapi/types.ts";
import { OPEN311_JURISDICTION } from "./jurisdiction.ts";
import { Open311PostSchema } from "./post.ts";
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_WINDOW_REQUESTS,
  JurisdictionQuerySchema,
  MAX_WINDOW_DAYS,
  RequestsQuerySchema,
} from "./schemas.ts";

const BASE = "/open311/v2";
const both = { "application/json": null, "text/xml": null };

/** The format suffix every resource takes; another suffix is an unknown resource (404). */
const format: ParamDoc = { description: "json 或 xml：回答的格式", schema: v.picklist(["json", "xml"]) };

const error = (when: string): ResponseDoc => ({
  description: `${when}（Open311 错误列表，格式同请求的后缀）`,
  content: both,
});
const errors = {
  400: error("参数无效"),
  404: error("没有这个资源、诉求或辖区（后缀不是 .json 或 .xml 也是 404）"),
};

const jurisdiction = { jurisdiction_id: `辖区编号，可不填；填写时须为 ${OPEN311_JURISDICTION}` };

const routes: RouteDoc[] = [
  {
    method: "get",
    path: `${BASE}/discovery.{format}`,
    summary: "服务发现",
    description: "接口地址、规范版本、支持的格式，以及提交诉求需要 API 密钥的说明。",
    params: { format },
    responses: {
      200: { description: "discovery：changeset、contact、key_service 与 endpoints", content: both },
      ...errors,
    },
  },
  {
    method: "get",
    path: `${BASE}/services.{format}`,
    summary: "服务类别列表",
    description: "每个投诉类别一项：service_code 为类别编号，keywords 为居民常用的说法，group 为大类。可缓存一小时。",
    params: { format },
    query: { schema: JurisdictionQuerySchema, fields: jurisdiction },
    responses: {
      200: {
        description: "services：service_code、service_name、description、metadata、type、keywords、group",
        content: both,
      },
      ...errors,
    },
  },
  {
    method: "get",
    path: `${BASE}/services/{service_code}.{format}`,
    summary: "服务类别的属性定义",
    description: "某个类别提交时还需要的属性（attributes）。",
    params: {
      service_code: { description: "服务类别编号（services 中的 service_code）", schema: v.picklist(CATEGORY_IDS) },
      format,
    },
    query: { schema: JurisdictionQuerySchema, fields: jurisdiction },
    responses: { 200: { description: "service_definition：service_code 与 attributes", content: both }, ...errors },
  },
  {
    method: "get",
    path: `${BASE}/requests.{format}`,
    summary: "诉求列表",
    description:
      `只列已公开的案件（立案之后），新的在前。给出 service_request_id 时忽略其余条件；start_date 与 end_date 最多相隔 ${MAX_WINDOW_DAYS} 天；` +
      `都不给时为最近 ${MAX_WINDOW_DAYS} 天且最多 ${DEFAULT_WINDOW_REQUESTS} 条。page 与 page_size 为常见的分页扩展（每页缺省 ${DEFAULT_PAGE_SIZE} 条）。` +
      "位置只有约 100 米的公开位置，从不含姓名、电话或居民填写的文字。",
    params: { format },
    query: {
      schema: RequestsQuerySchema,
      fields: {
        ...jurisdiction,
        service_request_id: "诉求编号（案件编号），逗号分隔",
        service_code: "服务类别编号，逗号分隔",
        start_date: "起始时间（带时区的 ISO 8601，如 2026-12-01T00:00:00+08:00）",
        end_date: "结束时间（带时区的 ISO 8601）",
        status: "open、closed，或两者以逗号分隔",
        page: "页码，从 1 开始",
        page_size: "每页条数",
      },
    },
    responses: {
      200: {
        description:
          "service_requests：service_request_id、status（open/closed）、status_notes、extended_attributes（fixmystreet_status 与公开页地址 public_url）、service_code、service_name、agency_responsible、requested_datetime、updated_datetime、expected_datetime、address、lat、long、media_url（本站的公开照片）",
        content: both,
      },
      ...errors,
    },
  },
  {
    method: "get",
    path: `${BASE}/requests/{service_request_id}.{format}`,
    summary: "一件诉求",
    params: {
      service_request_id: { description: "诉求编号（案件编号，如 261127-0042）", schema: CaseNumberSchema },
      format,
    },
    query: { schema: JurisdictionQuerySchema, fields: jurisdiction },
    responses: { 200: { description: "service_requests：只含这一件，字段同诉求列表", content: both }, ...errors },
  },
  {
    method: "post",
    path: `${BASE}/requests.{format}`,
    summary: "提交诉求（需要 API 密钥）",
    description:
      "按规范以 application/x-www-form-urlencoded 提交，也接受 JSON。api_key 放在请求体中（放在网址查询串里会被日志记录，得 403）：缺少、无效或已吊销得 403；每个密钥单独限流，另按客户端限流。" +
      "与网站提交走同一条路径（同样的校验、隐私规则、一次批量写入、幂等）。description 不能含 HTML；media_url 只作为链接记下，本站不会去取。" +
      "类别要求的属性以 attribute[code]=值 提交（多选为 attribute[code][]）。回答带 token，立案后可凭 tokens 查到诉求编号。",
    params: { format },
    headers: {
      "Idempotency-Key": {
        description: "幂等键（可选，8–64 个字母、数字、- 或 _）：重试时重放第一次的回答",
        schema: IdempotencyKeySchema,
        required: false,
      },
    },
    body: {
      description: "api_key（必填）加下列字段；lat/long 与 address_string/address_id 至少给一种",
      content: { "application/x-www-form-urlencoded": Open311PostSchema, "application/json": Open311PostSchema },
      fields: {
        jurisdiction_id: jurisdiction.jurisdiction_id,
        service_code: "服务类别编号（services 中的 service_code）",
        lat: "纬度（WGS-84）；只公开约 100 米的粗略位置",
        long: "经度（WGS-84）",
        address_string: "地址描述（只给工作人员看，不公开）",
        address_id: "本区地名库中道路或地点的编号",
        email: "按规范接受，但不保存",
        device_id: "提交设备的编号",
        account_id: "提交方系统中的用户编号",
        first_name: "名（不公开）",
        last_name: "姓（不公开）",
        phone: "手机号（不公开）",
        description: "问题描述，纯文本",
        media_url: "照片等的链接（http 或 https），只记下，不会去取",
      },
    },
    responses: {
      200: {
        description: "service_requests：一项，含 token（立案前）或 service_request_id，以及 service_notice、account_id",
        content: both,
      },
      ...errors,
      403: error("缺少 api_key，密钥无效或已吊销，或密钥放在了网址中"),
      429: error("这个密钥或这个客户端提交过于频繁"),
    },
  },
  {
    method: "get",
    path: `${BASE}/tokens/{token}.{format}`,
    summary: "凭 token 查诉求编号",
    description: "立案之后回答 service_request_id；之前只回答 token。",
    params: {
      token: {
        description: "提交时回答中的 token（22 个字符）",
        schema: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/)),
      },
      format,
    },
    query: { schema: JurisdictionQuerySchema, fields: jurisdiction },
    responses: {
      200: { description: "service_requests：一项，token 与（立案后）service_request_id", content: both },
      ...errors,
    },
  },
];

export const open311Api: ApiSection = {
  tag: "open311",
  title: "Open311 GeoReport v2",
  description:
    "市政诉求的通用接口，FixMyStreet、SeeClickFix 等系统都使用它。路径以 .json 或 .xml 结尾选择格式；错误按规范返回 {code, description} 列表（404 未知资源或辖区，403 缺少或无效的 API 密钥，其余 400）。",
  routes,
};
