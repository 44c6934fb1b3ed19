// The platform's own public endpoints: liveness (functions/routes/health.ts) and this document
// (functions/routes/openapi.ts).
import type { ApiSection } from "./types.ts";

export const platformApi: ApiSection = {
  tag: "platform",
  title: "平台",
  description: "运行状态与本接口文档。",
  routes: [
    {
      method: "get",
      path: "/api/health",
      summary: "运行状态",
      description: "含一次真实的数据库往返；不缓存。",
      responses: { 200: { description: "status、db（均为 ok）与 version", content: { "application/json": null } } },
      problems: [503],
    },
    {
      method: "get",
      path: "/api/openapi.json",
      summary: "本接口文档（OpenAPI 3.1）",
      description: "由各接口校验请求所用的 valibot 模式生成；带 ETag，可用 If-None-Match 询问是否有变化。",
      responses: {
        200: {
          description: "OpenAPI 3.1 文档",
          content: { "application/json": null },
          headers: { ETag: "文档内容的散列", "Cache-Control": "public, max-age=300" },
        },
        304: { description: "文档未变（If-None-Match 与 ETag 相同）" },
      },
    },
  ],
};
