import { Hono } from "hono";
import { pingDb } from "../db/health";
import type { AppEnv } from "../env";
import { logJson } from "../lib/log";
import { problem } from "../lib/problem";

const health = new Hono<AppEnv>();

/** Liveness with a real D1 round trip, for `npm start`, monitors and the benchmark. */
health.get("/", async (c) => {
  try {
    await pingDb(c.var.db);
  } catch (err) {
    logJson(c.env, "error", { requestId: c.var.requestId, msg: "health: db unavailable", err: String(err) });
    throw problem(503, { detail: "数据库暂不可用。" });
  }
  c.header("cache-control", "no-store");
  return c.json({ status: "ok", db: "ok", version: c.env.APP_VERSION });
});

export default health;
