import { Hono } from "hono";
import * as v from "valibot";
import { casePagePath } from "../../../src/shared/complaints/case-page";
import { CaseNumberSchema } from "../../../src/shared/complaints/schemas";
import { caseStateByNumber } from "../../db/complaints/public-case";
import type { AppEnv } from "../../env";
import { hasPublicPage } from "../../lib/complaints/public-case";
import { logJson } from "../../lib/log";
import { database } from "../../middleware/db";

/**
 * `/complaints/c/<case number>/`, the address people keep and share (wrangler.toml lets the Worker
 * run first for it). The page itself is one static shell, `src/pages/complaints/c/index.astro`,
 * whose island reads the number from the path and the case from the API; the Worker only decides
 * the answer's status, so a number with no public page is a real 404 (search engines, link
 * checkers and people see the same), and a number as people copy it ("261 201 - 9107",
 * `?no=…` from the page's own form, which works without JavaScript) goes to its one address.
 * The shell and the 404 page come from the static assets with their own headers (dist/_headers,
 * CSP included); none of the API's middleware runs here.
 */
// Mounted at /complaints: a route "/" under "/complaints/c" would lose its trailing slash.
const casePage = new Hono<AppEnv>();

const SHELL = "/complaints/c/";

/** A static page by its path, answered with `status` (the asset's own headers kept). */
async function asset(env: Env, base: string, path: string, status: number): Promise<Response> {
  const res = await env.ASSETS.fetch(new URL(path, base));
  return new Response(res.body, { status, headers: res.headers });
}
const notFound = (env: Env, url: string) => asset(env, url, "/404", 404);

casePage.use("/c/*", database());
// A page, not an API answer: when D1 fails, the shell (503), whose island then says what went wrong.
casePage.onError((err, c) => {
  logJson(c.env, "error", { path: c.req.path, err: err.message, stack: err.stack });
  return asset(c.env, c.req.url, SHELL, 503);
});

/** The lookup form and the followed cases; `?no=…` (the form, sent without JavaScript) goes to the case. */
casePage.get("/c/", async (c) => {
  const no = c.req.query("no");
  if (!no) return asset(c.env, c.req.url, SHELL, 200);
  const parsed = v.safeParse(CaseNumberSchema, no);
  return parsed.success ? c.redirect(casePagePath(parsed.output), 303) : notFound(c.env, c.req.url);
});

casePage.get("/c/:caseNumber/", async (c) => {
  const raw = c.req.param("caseNumber");
  const parsed = v.safeParse(CaseNumberSchema, raw);
  if (!parsed.success) return notFound(c.env, c.req.url);
  if (parsed.output !== raw) return c.redirect(casePagePath(parsed.output), 301);
  const found = await caseStateByNumber(c.var.db, parsed.output).get();
  if (!found || !hasPublicPage(found.state)) return notFound(c.env, c.req.url);
  return asset(c.env, c.req.url, SHELL, 200);
});

/** Without the trailing slash, as a number is often typed or pasted. */
casePage.get("/c/:caseNumber", (c) => {
  const parsed = v.safeParse(CaseNumberSchema, c.req.param("caseNumber"));
  return parsed.success ? c.redirect(casePagePath(parsed.output), 301) : notFound(c.env, c.req.url);
});

casePage.all("/c/*", (c) => notFound(c.env, c.req.url));

export default casePage;
