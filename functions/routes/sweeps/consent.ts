import { Hono } from "hono";
import { ConsentSchema, ConsentTokenSchema, ManageTokenSchema } from "../../../src/shared/sweeps/schemas";
import type { ConsentResult, ConsentView, DeclineResult, GuardianLinkResult } from "../../../src/shared/sweeps/wire";
import type { AppEnv } from "../../env";
import { consentView, declineConsent, giveConsent, reissueGuardianLink } from "../../lib/sweeps/consent";
import { sha256Hex } from "../../lib/tokens";
import { parse, validate } from "../../lib/validate";

type Req = { req: { header(n: string): string | undefined } };

/** The guardian's secret (header X-Consent-Token, never a query string) as the hash stored. */
const guardianHash = (c: Req) =>
  sha256Hex(parse(ConsentTokenSchema, c.req.header("x-consent-token"), "/headers/x-consent-token"));

/**
 * A minor's guardian consent, mounted at /api/sweeps/consent: the guardian's own link opens what is
 * asked (GET), consents (POST) or declines (DELETE, the place goes to the next person waiting).
 */
const consent = new Hono<AppEnv>();

consent.get("/", async (c) => {
  c.header("cache-control", "no-store");
  return c.json<ConsentView>(await consentView(c.var.db, await guardianHash(c)));
});

consent.post("/", validate("json", ConsentSchema), async (c) => {
  const { guardianName } = c.req.valid("json");
  return c.json<ConsentResult>(await giveConsent(c.var.db, c.var.platform.batch, await guardianHash(c), guardianName));
});

consent.delete("/", async (c) => {
  return c.json<DeclineResult>(await declineConsent(c.var.db, c.var.platform.batch, await guardianHash(c)));
});

export default consent;

/**
 * Mounted at /api/sweeps/manage/guardian-link: the volunteer whose guardian lost the link gets a new
 * one (x-manage-token); the old one stops working. The link is shown once, never stored.
 */
export const guardianLink = new Hono<AppEnv>();

guardianLink.post("/", async (c) => {
  const hash = await sha256Hex(parse(ManageTokenSchema, c.req.header("x-manage-token"), "/headers/x-manage-token"));
  c.header("cache-control", "no-store");
  return c.json<GuardianLinkResult>(await reissueGuardianLink(c.var.db, c.var.platform.batch, hash));
});
