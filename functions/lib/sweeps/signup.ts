import { ADULT_AGE, ageOn } from "../../../src/shared/sweeps/rules";
import { MINOR_REFUSAL, type Signup } from "../../../src/shared/sweeps/schemas";
import type { SignupResult } from "../../../src/shared/sweeps/wire";
import { chinaDay } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import { findSweepIdempotency, type SweepWithCounts, signupByManageHash } from "../../db/sweeps/index";
import { signupBatch } from "../../db/sweeps/signups";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";
import { idempotencyKeyHash, openForReplay, sealForReplay } from "../replay-cipher";
import { randomToken, sha256Hex } from "../tokens";
import { isRefusal, refusalOf } from "./errors";

/** The key that makes "one sign-up per person" a constraint: the normalised phone, hashed. */
export const personKey = (phone: string) => sha256Hex(`sweep-person:${phone}`);

const answer = (
  sweepId: string,
  status: "confirmed" | "waitlisted",
  position: number,
  manageToken: string,
): SignupResult => ({
  sweepId,
  status,
  position: status === "waitlisted" ? position : null,
  manageToken,
  managePath: `/volunteer/manage/#t=${manageToken}`,
});

/**
 * Who may sign up alone, checked on the server against the sweep's day: the sweep's minimum age, and
 * (until the guardian-consent flow exists) no one under 18, since a minor's place needs the
 * guardian's consent first.
 */
export function ageRefusal(birthMonth: string, sweep: SweepWithCounts["sweep"], now: Date) {
  const day = chinaDay(new Date(sweep.startsAt));
  const age = ageOn(birthMonth, day);
  const born = ageOn(birthMonth, chinaDay(now));
  const field = (detail: string) => problem(422, { detail, errors: [{ pointer: "#/birthMonth", detail }] });
  if (born < 0 || age > 100) return field("出生年月不正确，请检查。");
  if (age < sweep.minAge) return field(`这场活动要求年满 ${sweep.minAge} 周岁。`);
  if (age < ADULT_AGE) return field(MINOR_REFUSAL);
  return undefined;
}

/** Canonical JSON (sorted keys) of the sweep and the validated sign-up. */
function requestHash(sweepId: string, input: Signup): Promise<string> {
  const canonical = JSON.stringify(Object.entries({ ...input, sweepId }).sort(([a], [b]) => a.localeCompare(b)));
  return sha256Hex(canonical);
}

/**
 * Signs a person up: one batch that writes the sign-up (confirmed or waitlisted, decided inside the
 * statement), its message and the idempotency record. Refusals come from the database (full
 * waitlist, same person, overlap, closed sweep); a retry with the same Idempotency-Key gets the first
 * answer, one that overlapped the first 409, and the key reused for another body 422.
 */
export async function signUp(
  db: Db,
  batch: BatchRunner,
  sweep: SweepWithCounts["sweep"],
  input: Signup,
  idempotencyKey: string,
  now = new Date(),
): Promise<SignupResult & { replayed?: true }> {
  const refused = ageRefusal(input.birthMonth, sweep, now);
  if (refused) throw refused;
  const hash = await requestHash(sweep.id, input);
  const keyHash = await idempotencyKeyHash(idempotencyKey);
  const startedAt = now.toISOString();
  const manageToken = randomToken(16);
  try {
    const manageHash = await sha256Hex(manageToken);
    const results = await batch.run(
      signupBatch({
        sweepId: sweep.id,
        manageHash,
        personKey: await personKey(input.phone),
        name: input.name,
        phone: input.phone,
        organisation: input.organisation,
        birthMonth: input.birthMonth,
        volunteerNumber: input.volunteerNumber ?? null,
        now: startedAt,
        idempotency: {
          keyHash,
          requestHash: hash,
          replayCipher: await sealForReplay(idempotencyKey, manageToken),
          createdAt: new Date().toISOString(),
        },
      }),
    );
    const row = results[3]?.rows[0] as { status: "confirmed" | "waitlisted"; position: number } | undefined;
    if (!row) throw new Error("sign-up batch returned no row");
    return answer(sweep.id, row.status, row.position, manageToken);
  } catch (err) {
    // A retry of a request that was written meets a refusal (same person, same key): the record
    // tells a retry from another sign-up.
    const found = await findSweepIdempotency(db, keyHash).get();
    if (found) {
      if (found.requestHash !== hash) {
        throw problem(422, { detail: "该 Idempotency-Key 已用于另一次报名，请为新的报名生成新的 Idempotency-Key。" });
      }
      if (found.createdAt >= startedAt) {
        throw problem(409, { detail: "同一次报名正在提交中，请稍后再查看结果。", headers: { "retry-after": "2" } });
      }
      const token = await openForReplay(idempotencyKey, found.replayCipher);
      const current = await signupByManageHash(db, await sha256Hex(token)).get();
      const status = current?.signup.status === "waitlisted" ? "waitlisted" : "confirmed";
      return { ...answer(found.sweepId, status, current?.position ?? 0, token), replayed: true };
    }
    if (isRefusal(err, "sweep_idempotency_keys.key_hash")) {
      throw problem(409, { detail: "同一次报名正在提交中，请稍后再查看结果。", headers: { "retry-after": "2" } });
    }
    throw refusalOf(err) ?? err;
  }
}
