// The Open311 GeoReport v2 endpoints (functions/routes/open311/) as the OpenAPI document and the
// reference page (/developers/) describe them. Their errors are the spec's list of {code,
// description} in the format asked, not problem+json.
import type { ApiSection, RouteDoc } from "../openapi/types.ts";

const routes: RouteDoc[] = [];

export const open311Api: ApiSection = {
  tag: "open311",
  title: "Open311 GeoReport v2",
  description:
    "市政诉求的通用接口，FixMyStreet、SeeClickFix 等系统都使用它。路径以 .json 或 .xml 结尾选择格式；错误按规范返回 {code, description} 列表（404 未知资源或辖区，403 缺少或无效的 API 密钥，其余 400）。",
  routes,
};
