// The Open311 GeoReport v2 endpoints (functions/routes/open311/) as the OpenAPI document and the
// reference page (/developers/) describe them. Their errors are the spec's list of {code,
// description} in the format asked, not problem+json.
import * as v from "valibot";
import type { ApiSection, ParamDoc, ResponseDoc, RouteDoc } from "../openapi/types.ts";

const BASE = "/open311/v2";
const both = { "application/json": null, "text/xml": null };

/** The format suffix every resource takes; another suffix answers 400. */
const format: ParamDoc = { description: "json 或 xml：回答的格式", schema: v.picklist(["json", "xml"]) };

const error = (when: string): ResponseDoc => ({
  description: `${when}：Open311 错误列表，每项为 code（HTTP 状态码）与 description（说明），格式同请求的后缀`,
  content: both,
});
const errors = {
  400: error("请求有误（如格式后缀不是 json 或 xml、参数无效）"),
  404: error("没有这个资源或辖区"),
};

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
];

export const open311Api: ApiSection = {
  tag: "open311",
  title: "Open311 GeoReport v2",
  description:
    "市政诉求的通用接口，FixMyStreet、SeeClickFix 等系统都使用它。路径以 .json 或 .xml 结尾选择格式；错误按规范返回 {code, description} 列表（404 未知资源或辖区，403 缺少或无效的 API 密钥，其余 400）。",
  routes,
};
