import { Hono } from "hono";
import { OPEN311_BASE } from "../../../src/shared/open311/jurisdiction";
import type { AppEnv } from "../../env";
import { open311Response, splitSuffix } from "../../lib/open311/format";

/**
 * `discovery.{json,xml}`: where the endpoint is and what it speaks (GeoReport v2 "Service
 * Discovery"). The changeset is the date this document's content last changed: bump it when
 * the endpoints or formats change, so clients that cache it know to read it again.
 */
const discovery = new Hono<AppEnv>();

const CHANGESET = "2026-12-02T00:00:00+08:00";

discovery.get("/:file{discovery\\.[^/]*}", (c) => {
  const { format } = splitSuffix(c.req.param("file"));
  const url = new URL(OPEN311_BASE, c.req.url).href;
  return open311Response(format, "discovery", {
    changeset: CHANGESET,
    contact: "城市管理综合执法局 12345 热线；接口问题请在网站“开放接口”页查看说明。",
    key_service: "提交诉求（POST requests）需要管理员签发的 API 密钥；只读接口无需密钥。",
    endpoints: [
      {
        specification: "http://wiki.open311.org/GeoReport_v2",
        url,
        changeset: CHANGESET,
        type: "production",
        formats: ["application/json", "text/xml"],
      },
    ],
  });
});

export default discovery;
