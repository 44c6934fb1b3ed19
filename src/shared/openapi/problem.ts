// RFC 9457 problem details as the API renders them (functions/lib/problem.ts), once, as a valibot
// schema: the OpenAPI document converts it, and the API tests check real error answers against it.
import * as v from "valibot";

export const FieldErrorSchema = v.object({
  pointer: v.pipe(v.string(), v.description("出错字段在请求中的位置（RFC 6901 JSON Pointer，如 #/description）")),
  detail: v.pipe(v.string(), v.description("该字段的错误说明")),
});

export const ProblemSchema = v.looseObject({
  type: v.pipe(v.string(), v.description("问题类型；一般为 about:blank")),
  title: v.pipe(v.string(), v.description("问题的简短标题")),
  status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599), v.description("HTTP 状态码")),
  detail: v.optional(v.pipe(v.string(), v.description("给人看的说明"))),
  instance: v.pipe(v.string(), v.description("出错的请求路径")),
  requestId: v.optional(v.pipe(v.string(), v.description("请求编号（X-Request-Id），反馈问题时请提供"))),
  errors: v.optional(v.pipe(v.array(FieldErrorSchema), v.description("逐字段的错误（422）"))),
});

/** What each status means for every /api route, in the words the reference page shows. */
export const PROBLEM_STATUSES: Record<number, string> = {
  400: "请求无法解析（如 JSON 格式错误）",
  401: "需要登录",
  403: "没有权限，或人机验证未通过",
  404: "资源不存在（或不公开）",
  409: "与当前状态冲突，未写入任何数据",
  413: "请求体过大（JSON 不超过 64 KB）",
  415: "不支持的内容类型",
  422: "字段校验未通过，errors 逐项指出",
  429: "请求过于频繁，按 Retry-After 秒后再试",
  500: "服务器内部错误，请提供 requestId",
  503: "服务暂不可用",
};
