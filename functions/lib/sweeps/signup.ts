import { ageFacts, consentPath, holdUntil } from "../../../src/shared/sweeps/consent";
import { NO_SHOW_RULE } from "../../../src/shared/sweeps/rules";
import { GUARDIAN_NAME_MISSING, GUARDIAN_PHONE_MISSING, type Signup } from "../../../src/shared/sweeps/schemas";
import type { SignupResult } from "../../../src/shared/sweeps/wire";
import type { Db } from "../../db/client";
import { readTogether } from "../../db/prepared";
import { Recent } from "../../db/recent";
import { noShowsOf } from "../../db/sweeps/day";
import { findSweepIdempotency, type PublicSweepRow, publicSweepOf, signupByManageHash } from "../../db/sweeps/index";
import { signupBatch } from "../../db/sweeps/signups";
import type { BatchRunner } from "../../platform/ports";
import { idempotencyRecord, inProgress, openRetry } from "../idempotency";
import { type PersonKeyEnv, personKey } from "../person-key";
import { type FieldError, problem } from "../problem";
import { idempotencyKeyHash } from "../replay-cipher";
import { randomToken, sha256Hex } from "../tokens";
import { isRefusal, refusalOf } from "./errors";
import { noShowWindowStart, refuseNoShows } from "./no-show";
import { visibleOr404 } from "./view";

type Sweep = PublicSweepRow;
type Status = SignupResult["status"];

const answer = (
  sweep: Sweep,
  status: Status,
  position: number,
  tokens: SealedTokens,
  input: { birthMonth: string },
  heldUntil: string | null,
): SignupResult => ({
  sweepId: sweep.id,
  status,
  position: status === "waitlisted" ? position : null,
  manageToken: tokens.manage,
  managePath: `/volunteer/manage/#t=${tokens.manage}`,
  consentPath: tokens.guardian ? consentPath(tokens.guardian) : null,
  heldUntil: status === "pending_consent" ? heldUntil : null,
  guardianMustAttend: ageFacts(input.birthMonth, sweep).guardianMustAttend,
});

/**
 * Who may sign up, checked on the server against the sweep's day: a plausible birth month, the
 * sweep's minimum age, and under 18 a guardian's name and phone (their consent comes through their
 * own link before the place is confirmed).
 */
export function ageRefusal(input: Signup, sweep: Sweep, now: Date) {
  const { age, minor } = ageFacts(input.birthMonth, sweep);
  const born = ageFacts(input.birthMonth, { startsAt: now.toISOString(), guardianPresentBelow: null }).age;
  const field = (detail: string) => problem(422, { detail, errors: [{ pointer: "#/birthMonth", detail }] });
  if (born < 0 || age > 100) return field("出生年月不正确，请检查。");
  if (age < sweep.minAge) return field(`这场活动要求年满 ${sweep.minAge} 周岁。`);
  if (!minor) return undefined;
  const errors: FieldError[] = [];
  if (!input.guardianName) errors.push({ pointer: "#/guardianName", detail: GUARDIAN_NAME_MISSING });
  if (!input.guardianPhone) errors.push({ pointer: "#/guardianPhone", detail: GUARDIAN_PHONE_MISSING });
  if (errors.length === 0) return undefined;
  return problem(422, { detail: "活动当天未满 18 周岁，须填写监护人的姓名和手机号。", errors });
}

/** What the replay cipher keeps: the manage secret and, for a minor, the guardian's (both shown once). */
interface SealedTokens {
  manage: string;
  guardian: string | null;
}

/** A record sealed before minors could sign up holds the bare manage secret. */
function unsealTokens(opened: string): SealedTokens {
  if (!opened.startsWith("{")) return { manage: opened, guardian: null };
  const t = JSON.parse(opened) as { m: string; g: string | null };
  return { manage: t.m, guardian: t.g };
}

const IDEMPOTENCY_TEXTS = {
  reused: "该 Idempotency-Key 已用于另一次报名，请为新的报名生成新的 Idempotency-Key。",
  inProgress: "同一次报名正在提交中，请稍后再查看结果。",
};

/** Canonical JSON (sorted keys) of the sweep and the validated sign-up. */
function requestHash(sweepId: string, input: Signup): Promise<string> {
  const canonical = JSON.stringify(Object.entries({ ...input, sweepId }).sort(([a], [b]) => a.localeCompare(b)));
  return sha256Hex(canonical);
}

/**
 * The sweeps this isolate has lately read for a sign-up. A sign-up decides on a sweep's facts
 * (state, day, ages) and its batch writes only while they still hold (`decidedOn`), so a sweep
 * remembered here spares the read without trusting it: a changed sweep writes nothing and is read
 * again. Each read costs a trip to D1, which is most of a sign-up's cost.
 */
const recentSweeps = new Recent<Sweep>(500);

/**
 * Signs a person up to the sweep `sweepId` in one batch that writes the sign-up (confirmed or
 * waitlisted, decided inside the statement), its message and the idempotency record. The sweep is
 * the one remembered from an earlier sign-up, if its facts still hold and the person may sign up;
 * otherwise the sweep and the person's no-shows are read (one round trip) and the rules applied to
 * them. Refusals come from the database (full waitlist, same person, overlap, closed sweep); a retry
 * with the same Idempotency-Key gets the first answer, one that overlapped the first 409, and the
 * key reused for another body 422.
 */
export async function signUp(
  env: PersonKeyEnv,
  db: Db,
  batch: BatchRunner,
  sweepId: string,
  input: Signup,
  idempotencyKey: string,
  now = new Date(),
): Promise<SignupResult & { replayed?: true }> {
  // "One sign-up per person" is a constraint on this key (functions/lib/person-key.ts).
  const key = await personKey(env, "sweep", input.phone);
  const attempt = { db, batch, key, input, idempotencyKey, now };
  const remembered = recentSweeps.get(sweepId);
  // A refusal decided on a remembered sweep is not trusted either: the sweep is read again first.
  const quick = remembered && !ageRefusal(input, remembered, now) ? await write(attempt, remembered) : undefined;
  if (quick) return quick;
  const [rows, noShows] = await readTogether(db, [
    [publicSweepOf(db), { id: sweepId }],
    [noShowsOf(db), { personKey: key, since: noShowWindowStart(now) }],
  ]);
  const { sweep } = visibleOr404(rows[0]);
  recentSweeps.set(sweep.id, sweep);
  const refused = ageRefusal(input, sweep, now);
  if (refused) throw refused;
  refuseNoShows(noShows[0]?.n ?? 0);
  const written = await write(attempt, sweep);
  if (written) return written;
  // The sweep changed between the read and the write (a staff edit, this very second).
  recentSweeps.delete(sweepId);
  throw problem(409, { detail: "这场活动的信息刚刚有变动，请刷新页面查看后重新报名。" });
}

interface Attempt {
  db: Db;
  batch: BatchRunner;
  key: string;
  input: Signup;
  idempotencyKey: string;
  now: Date;
}

/** The sign-up's batch, decided on `sweep`; undefined when the sweep's facts or the no-shows no longer allow it. */
async function write(
  { db, batch, key, input, idempotencyKey, now }: Attempt,
  sweep: Sweep,
): Promise<(SignupResult & { replayed?: true }) | undefined> {
  const { minor } = ageFacts(input.birthMonth, sweep);
  const hash = await requestHash(sweep.id, input);
  const keyHash = await idempotencyKeyHash(idempotencyKey);
  const startedAt = now.toISOString();
  const tokens: SealedTokens = { manage: randomToken(16), guardian: minor ? randomToken(16) : null };
  const heldUntil = holdUntil(now, sweep.startsAt);
  try {
    const manageHash = await sha256Hex(tokens.manage);
    const results = await batch.run(
      signupBatch(db, {
        sweepId: sweep.id,
        manageHash,
        personKey: key,
        name: input.name,
        phone: input.phone,
        organisation: input.organisation,
        birthMonth: input.birthMonth,
        volunteerNumber: input.volunteerNumber ?? null,
        minor:
          minor && tokens.guardian
            ? {
                guardianName: input.guardianName ?? "",
                guardianPhone: input.guardianPhone ?? "",
                guardianHash: await sha256Hex(tokens.guardian),
                heldUntil,
              }
            : null,
        now: startedAt,
        idempotency: await idempotencyRecord(
          idempotencyKey,
          keyHash,
          hash,
          JSON.stringify({ m: tokens.manage, g: tokens.guardian }),
        ),
        decidedOn: { sweep, noShows: { since: noShowWindowStart(now), limit: NO_SHOW_RULE.limit } },
      }),
    );
    const row = results[0]?.rows[0] as { status: Status; position: number } | undefined;
    return row && answer(sweep, row.status, row.position, tokens, input, heldUntil);
  } catch (err) {
    // A retry of a request that was written meets a refusal (same person, same key): the record
    // tells a retry from another sign-up.
    const found = await findSweepIdempotency(db, keyHash).get();
    const first = await openRetry(found, { key: idempotencyKey, requestHash: hash, startedAt }, IDEMPOTENCY_TEXTS);
    if (first !== undefined) {
      const sealed = unsealTokens(first);
      const current = await signupByManageHash(db, await sha256Hex(sealed.manage)).get();
      const was = current?.signup.status;
      const status: Status = was === "waitlisted" || was === "pending_consent" ? was : "confirmed";
      const held = current?.signup.heldUntil ?? null;
      return { ...answer(sweep, status, current?.position ?? 0, sealed, input, held), replayed: true };
    }
    if (isRefusal(err, "sweep_idempotency_keys.key_hash")) throw inProgress(IDEMPOTENCY_TEXTS.inProgress);
    throw refusalOf(err) ?? err;
  }
}
