import { maskName } from "../../../src/shared/privacy";
import { ageBand, ageFacts, CONSENT_PROCESSING, consentPath } from "../../../src/shared/sweeps/consent";
import {
  type ConsentResult,
  type ConsentView,
  type DeclineResult,
  type GuardianLinkResult,
  type ManageConsent,
  SIGNUP_STATUS_LABELS,
} from "../../../src/shared/sweeps/wire";
import type { Db } from "../../db/client";
import { consentBatch, declineBatch, reissueGuardianLinkBatch, signupByGuardianHash } from "../../db/sweeps/consent";
import type { Sweep, SweepSignup } from "../../db/sweeps/index";
import { signupByManageHash, sweepById } from "../../db/sweeps/index";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";
import { randomToken, sha256Hex } from "../tokens";
import { offerUntil } from "./manage";
import { publicSweep } from "./view";

// A minor's guardian consent: what the guardian's link shows and does, and the manage page's part.
// Every write is one batch (functions/db/sweeps/consent.ts); the database refuses a minor confirmed
// without consent whatever path tries.

const ACTIVE = new Set(["pending_consent", "waitlisted", "offered", "confirmed"]);
const notFound = () => problem(404, { detail: "没有找到这次报名，请检查监护人同意链接是否完整。" });

async function openByGuardian(db: Db, guardianHash: string) {
  const signup = await signupByGuardianHash(db, guardianHash).get();
  if (signup?.minor !== 1 || signup.anonymisedAt) throw notFound();
  const sweep = await sweepById(db, signup.sweepId).get();
  if (!sweep) throw notFound();
  return { signup, sweep };
}

const begun = (sweep: Sweep, at: string) => sweep.startsAt <= at || sweep.state === "cancelled";
const holdLapsed = (s: SweepSignup, at: string) =>
  s.status === "released" || (s.status === "pending_consent" && (s.heldUntil ?? "") <= at);

/** GET /api/sweeps/consent: what the guardian is asked, about whom, and where it stands. */
export async function consentView(db: Db, guardianHash: string, now = new Date()): Promise<ConsentView> {
  const { signup: s, sweep } = await openByGuardian(db, guardianHash);
  const at = now.toISOString();
  const facts = ageFacts(s.birthMonth, sweep.sweep);
  const open = ACTIVE.has(s.status) && !begun(sweep.sweep, at);
  return {
    sweep: publicSweep(sweep),
    child: { name: s.name, organisation: s.organisation, ageBand: ageBand(facts.age) },
    sensitive: facts.sensitive,
    guardianMustAttend: facts.guardianMustAttend,
    processing: CONSENT_PROCESSING,
    status: s.status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    heldUntil: s.status === "pending_consent" ? s.heldUntil : null,
    consentedAt: s.consentedAt,
    canConsent: open && s.consentedAt === null && !holdLapsed(s, at) && s.status !== "confirmed",
    canDecline: open,
  };
}

/** Names compared as people type them: spaces (full-width too) do not count. */
const sameName = (a: string, b: string) => a.replace(/[\s\u3000]/g, "") === b.replace(/[\s\u3000]/g, "");

/**
 * POST /api/sweeps/consent: the guardian, who confirms the name given at sign-up, consents. A held
 * place is confirmed; a waiting or offered one stays so, consented. After the hold lapsed: 409.
 */
export async function giveConsent(
  db: Db,
  batch: BatchRunner,
  guardianHash: string,
  guardianName: string,
  now = new Date(),
): Promise<ConsentResult> {
  const { signup } = await openByGuardian(db, guardianHash);
  if (!sameName(guardianName, signup.guardianName ?? "")) {
    const detail = "与报名时填写的监护人姓名不一致，请核对（须由报名时填写的监护人本人同意）。";
    throw problem(422, { detail, errors: [{ pointer: "#/guardianName", detail }] });
  }
  const at = now.toISOString();
  const [update] = await batch.run(consentBatch(guardianHash, at));
  if (update?.rows.length === 1) {
    const after = await signupByGuardianHash(db, guardianHash).get();
    return { status: after?.status ?? "confirmed", consentedAt: at };
  }
  const { signup: s, sweep } = await openByGuardian(db, guardianHash);
  if (s.consentedAt) throw problem(409, { detail: "您已经同意过了，无需再次同意。" });
  if (holdLapsed(s, at)) {
    throw problem(409, { detail: "名额保留期已过，名额已释放给其他人，不能再同意。孩子可以重新报名其他场次。" });
  }
  if (begun(sweep.sweep, at)) throw problem(409, { detail: "活动已开始或已取消，不能再同意。" });
  throw problem(409, { detail: "这次报名已取消，不能再同意。" });
}

/** DELETE /api/sweeps/consent: the guardian declines (or withdraws consent); the place goes to the next waiting. */
export async function declineConsent(
  db: Db,
  batch: BatchRunner,
  guardianHash: string,
  now = new Date(),
): Promise<DeclineResult> {
  await openByGuardian(db, guardianHash);
  const [update, , offerMessages] = await batch.run(declineBatch(guardianHash, now.toISOString(), offerUntil(now)));
  if (!update?.rows[0]) throw problem(409, { detail: "这次报名已取消或已结束，无需再操作。" });
  return { status: "cancelled", offeredToNext: (offerMessages?.changes ?? 0) > 0 };
}

/** POST /api/sweeps/manage/guardian-link: a new guardian secret replaces the old one's hash. */
export async function reissueGuardianLink(
  db: Db,
  batch: BatchRunner,
  manageHash: string,
  now = new Date(),
): Promise<GuardianLinkResult> {
  const secret = randomToken(16);
  const [update] = await batch.run(reissueGuardianLinkBatch(manageHash, await sha256Hex(secret), now.toISOString()));
  const row = update?.rows[0] as { heldUntil: string | null } | undefined;
  if (!row) {
    if (!(await signupByManageHash(db, manageHash).get()))
      throw problem(404, { detail: "没有找到这次报名，请检查管理链接。" });
    throw problem(409, { detail: "只有未满 18 周岁、仍有效且活动未开始的报名，才能重新生成监护人同意链接。" });
  }
  return { consentPath: consentPath(secret), heldUntil: row.heldUntil };
}

/** The manage page's consent panel: null for an adult. */
export function manageConsent(s: SweepSignup, sweep: Sweep, at: string): ManageConsent | null {
  if (s.minor !== 1) return null;
  return {
    guardianName: maskName(s.guardianName ?? ""),
    consentedAt: s.consentedAt,
    heldUntil: s.status === "pending_consent" ? s.heldUntil : null,
    guardianMustAttend: ageFacts(s.birthMonth, sweep).guardianMustAttend,
    canReissue: ACTIVE.has(s.status) && !begun(sweep, at) && s.anonymisedAt === null,
  };
}
