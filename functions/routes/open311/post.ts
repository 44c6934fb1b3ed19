import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { hasPublicPage } from "../../../src/shared/complaints/states";
import { OPEN311_JURISDICTION } from "../../../src/shared/open311/jurisdiction";
import type { Open311Token } from "../../../src/shared/open311/post";
import { findLiveKey } from "../../db/open311/keys";
import { findByToken } from "../../db/open311/requests";
import type { AppEnv } from "../../env";
import { clientAddress } from "../../lib/audit-context";
import { Open311Error } from "../../lib/open311/errors";
import { fileOpen311Request } from "../../lib/open311/file-request";
import { open311Response, splitSuffix } from "../../lib/open311/format";
import { readFields, single } from "../../lib/open311/post-body";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { MAX_JSON_BYTES } from "../../lib/validate";

/** `POST requests.{json,xml}` (filing with an API key) and `tokens/{token}.{json,xml}`. */
const post = new Hono<AppEnv>();

post.post(
  "/:file{requests\\.[^/]*}",
  // The client is counted on the website's filing limiter before its body is read, as the website's is.
  async (c, next) => {
    splitSuffix(c.req.param("file"));
    await throttle(c.var.platform.limiters.complaint, [`file:${clientAddress(c)}`]);
    await next();
  },
  // The API's 64 KB, refused before the body is read; 400, as the spec knows no 413.
  bodyLimit({
    maxSize: MAX_JSON_BYTES,
    onError: () => {
      throw new Open311Error(400, `请求体不能超过 ${MAX_JSON_BYTES / 1024} KB。`);
    },
  }),
  async (c) => {
    const { format } = splitSuffix(c.req.param("file"));
    const fields = await readFields(c.req.raw);
    // The key travels in the body only, as the spec's POST argument: in the address it would be
    // written to every access log and proxy on the way.
    if (c.req.query("api_key") !== undefined) {
      throw new Open311Error(403, "api_key 须放在请求体中，不能放在网址里（网址会被日志记录）。");
    }
    const apiKey = single(fields, "api_key");
    if (!apiKey) throw new Open311Error(403, "缺少 api_key：提交诉求需要管理员签发的 API 密钥。");
    const keyHash = await sha256Hex(apiKey.slice(0, 100));
    const key = apiKey.length <= 100 ? await findLiveKey(c.var.db, keyHash).get() : undefined;
    if (!key) throw new Open311Error(403, "api_key 无效或已被吊销。");
    // Counted by the key's hash: one key, one count, whatever row id it has.
    await throttle(
      c.var.platform.limiters.open311Key,
      [`key:${keyHash}`],
      "该 API 密钥的提交过于频繁，请一分钟后再试。",
    );
    const jurisdiction = c.req.query("jurisdiction_id");
    if (fields.jurisdiction_id === undefined && jurisdiction !== undefined) fields.jurisdiction_id = jurisdiction;
    const { filed, replayed } = await fileOpen311Request(
      c.var.db,
      c.var.platform,
      key,
      fields,
      c.req.header("idempotency-key"),
      new URL(c.req.url).origin,
    );
    return open311Response(format, "service_requests", [filed], 200, {
      "cache-control": "no-store",
      ...(replayed ? { "idempotent-replayed": "true" } : {}),
    });
  },
);

/** The case number behind a filing's token, once the case has a public page; until then only the token. */
post.get("/tokens/:file", async (c) => {
  const { name, format } = splitSuffix(c.req.param("file"));
  const jurisdiction = c.req.query("jurisdiction_id");
  if (jurisdiction !== undefined && jurisdiction !== OPEN311_JURISDICTION) {
    throw new Open311Error(404, `没有 jurisdiction_id 为 ${jurisdiction} 的辖区。`);
  }
  const found = /^[A-Za-z0-9_-]{22}$/.test(name) ? await findByToken(c.var.db, name).get() : undefined;
  if (!found) throw new Open311Error(404, "没有这个 token。");
  const answer: Open311Token = hasPublicPage(found.state)
    ? { token: found.token, service_request_id: found.caseNumber }
    : { token: found.token };
  return open311Response(format, "service_requests", [answer], 200, { "cache-control": "no-cache" });
});

export default post;
