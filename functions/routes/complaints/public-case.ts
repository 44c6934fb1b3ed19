import { Hono } from "hono";
import * as v from "valibot";
import { CaseNumberSchema } from "../../../src/shared/complaints/schemas";
import type { PublicCaseDetail } from "../../../src/shared/complaints/wire";
import type { AppEnv } from "../../env";
import { caseFeed } from "../../lib/complaints/case-feed";
import { readPublicCase } from "../../lib/complaints/public-case";
import { problem } from "../../lib/problem";

// A case's public page, by its number: GET /api/complaints/cases/:caseNumber (and its Atom feed).
const cases = new Hono<AppEnv>();

/**
 * The case behind a number as people copy it ("261 201 - 9107", full-width digits), or a 404. A
 * path that is no case number names no case, so it is a 404 too, saying what a number looks like.
 */
async function publicCaseOr404(db: AppEnv["Variables"]["db"], raw: string): Promise<PublicCaseDetail> {
  const parsed = v.safeParse(CaseNumberSchema, raw);
  if (!parsed.success) throw problem(404, { detail: `“${raw.slice(0, 40)}”不是案件编号：案件编号形如 261127-0042。` });
  const found = await readPublicCase(db, parsed.output);
  // Unknown, not yet accepted and refused cases answer alike: which numbers exist is not public.
  if (!found) throw problem(404, { detail: `没有公开的案件 ${parsed.output}：案件立案后才公开。` });
  return found;
}

cases.get("/:caseNumber", async (c) => {
  const found = await publicCaseOr404(c.var.db, c.req.param("caseNumber"));
  // The supporters count and the timeline change: never a stale copy after "我也遇到".
  c.header("cache-control", "no-cache");
  return c.json<PublicCaseDetail>(found);
});

cases.get("/:caseNumber/feed.xml", async (c) => {
  const found = await publicCaseOr404(c.var.db, c.req.param("caseNumber"));
  c.header("cache-control", "public, max-age=300");
  return c.body(caseFeed(found, new URL(c.req.url).origin), 200, {
    "content-type": "application/atom+xml; charset=utf-8",
  });
});

export default cases;
