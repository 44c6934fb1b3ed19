import { suggestionsFor } from "../../../src/lib/sweeps/suggest";
import { ageFacts, consentPath } from "../../../src/shared/sweeps/consent";
import {
  GROUP_COMPLETE_HOURS_BEFORE,
  GROUP_MIN_COMPLETE_HOURS,
  GROUP_TEXTS,
  MESSAGE_TEXTS,
} from "../../../src/shared/sweeps/rules";
import type { GroupMember, GroupSignup } from "../../../src/shared/sweeps/schemas";
import {
  type GroupMemberResult,
  type GroupMemberView,
  type GroupSignupResult,
  type GroupSuggestion,
  type GroupView,
  SIGNUP_STATUS_LABELS,
} from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import { completeMemberBatch, groupByHash, groupMessagesOf, groupSignupBatch, membersOf } from "../../db/sweeps/groups";
import { findSweepIdempotency, type SweepSignup, type SweepWithCounts, sweepById } from "../../db/sweeps/index";
import type { BatchRunner } from "../../platform/ports";
import { idempotencyRecord, inProgress, openRetry } from "../idempotency";
import { type PersonKeyEnv, personKey } from "../person-key";
import { problem } from "../problem";
import { idempotencyKeyHash } from "../replay-cipher";
import { randomToken, sha256Hex } from "../tokens";
import { isRefusal, refusalOf } from "./errors";
import { sweepList } from "./list";
import { ageRefusal } from "./signup";
import { publicSweep } from "./view";

const HOUR = 3_600_000;
const IDEMPOTENCY_TEXTS = {
  reused: "该 Idempotency-Key 已用于另一次报名，请为新的报名生成新的 Idempotency-Key。",
  inProgress: "同一次团体报名正在提交中，请稍后再查看结果。",
};

/**
 * When a group's members must be completed: GROUP_COMPLETE_HOURS_BEFORE the sweep's start. A sweep
 * too soon to leave GROUP_MIN_COMPLETE_HOURS for that takes no group (422): its members sign up alone.
 */
export function groupCompleteBy(startsAt: string, now: Date): string {
  const completeBy = new Date(Date.parse(startsAt) - GROUP_COMPLETE_HOURS_BEFORE * HOUR);
  if (completeBy.getTime() < now.getTime() + GROUP_MIN_COMPLETE_HOURS * HOUR) {
    throw problem(422, {
      detail: `团体报名须在活动开始 ${GROUP_COMPLETE_HOURS_BEFORE + GROUP_MIN_COMPLETE_HOURS} 小时前提交（要留出填写成员信息的时间）。请让同学们各自报名，或选择更晚的场次。`,
    });
  }
  return completeBy.toISOString();
}

const groupAnswer = (sweepId: string, size: number, completeBy: string, token: string): GroupSignupResult => ({
  sweepId,
  size,
  completeBy,
  groupToken: token,
  groupPath: `/volunteer/group/#t=${token}`,
});

/**
 * Sweeps at a similar time where the whole group would fit (free places for all, nobody waiting),
 * the communities most in need first: what a refused group is offered instead.
 */
export async function groupSuggestions(db: Db, found: SweepWithCounts, size: number, now: Date) {
  const day = chinaDay(new Date(found.sweep.startsAt));
  const from = [addDays(day, -3), chinaDay(now)].sort()[1] ?? day;
  const list = await sweepList(db, { from, to: addDays(day, 3) }, now);
  const fits = list.sweeps.filter((s) => s.placesLeft >= size && s.waitlisted === 0);
  return suggestionsFor(publicSweep(found), fits).map(
    (s): GroupSuggestion => ({
      id: s.id,
      title: s.title,
      communityName: s.communityName,
      startsAt: s.startsAt,
      placesLeft: s.placesLeft,
    }),
  );
}

async function refuseWhole(db: Db, found: SweepWithCounts, size: number, now: Date): Promise<never> {
  const suggestions = await groupSuggestions(db, found, size, now);
  const named = suggestions.map((s) => `${s.communityName}“${s.title}”（余 ${s.placesLeft} 个）`).join("、");
  throw problem(409, {
    detail:
      `这场活动空余名额不足 ${size} 个（或已有人候补），团体报名须全体一起参加，没有拆分报名。` +
      (named ? `时间相近、能容纳全体的活动：${named}。` : "附近时间暂无能容纳全体的活动，请减少人数或选择其他日期。"),
    extensions: { suggestions },
  });
}

/** Canonical JSON of the sweep and the validated group sign-up, marked as a group's. */
const requestHash = (sweepId: string, input: GroupSignup) =>
  sha256Hex(
    JSON.stringify(Object.entries({ ...input, sweepId, kind: "group" }).sort(([a], [b]) => a.localeCompare(b))),
  );

/**
 * Signs a group up, all or nothing: one batch whose first statement writes the group only if all its
 * places are free (and nobody waits), then its held member rows, the contact's message and the
 * idempotency record. A group that does not fit writes nothing and answers 409 naming sweeps where it
 * would; never a part of it. A retry with the same Idempotency-Key gets the first answer.
 */
export async function signUpGroup(
  db: Db,
  batch: BatchRunner,
  found: SweepWithCounts,
  input: GroupSignup,
  idempotencyKey: string,
  now = new Date(),
): Promise<GroupSignupResult & { replayed?: true }> {
  const sweep = found.sweep;
  const completeBy = groupCompleteBy(sweep.startsAt, now);
  const hash = await requestHash(sweep.id, input);
  const keyHash = await idempotencyKeyHash(idempotencyKey);
  const startedAt = now.toISOString();
  const token = randomToken(16);
  let written: { id: number; members: number } | undefined;
  try {
    const results = await batch.run(
      groupSignupBatch({
        sweepId: sweep.id,
        manageHash: await sha256Hex(token),
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        organisation: input.organisation,
        size: input.size,
        completeBy,
        now: startedAt,
        idempotency: await idempotencyRecord(idempotencyKey, keyHash, hash, token),
      }),
    );
    written = results.at(-1)?.rows[0] as typeof written;
  } catch (err) {
    const replay = await replayed(db, keyHash, hash, idempotencyKey, startedAt);
    if (replay) return replay;
    if (isRefusal(err, "sweep_idempotency_keys.key_hash")) throw inProgress(IDEMPOTENCY_TEXTS.inProgress);
    throw refusalOf(err) ?? err;
  }
  if (written && written.members === input.size) return groupAnswer(sweep.id, input.size, completeBy, token);
  // Nothing was written: a retry of a group already signed up, a sweep closed meanwhile, or no room.
  const replay = await replayed(db, keyHash, hash, idempotencyKey, startedAt);
  if (replay) return replay;
  if (sweep.state !== "open" || sweep.startsAt <= startedAt) {
    throw problem(409, { detail: "这场活动已停止报名（已开始、已取消或尚未开放）。" });
  }
  return refuseWhole(db, found, input.size, now);
}

/** The first answer to a request written before, read back from its idempotency record. */
async function replayed(db: Db, keyHash: string, hash: string, key: string, startedAt: string) {
  const found = await findSweepIdempotency(db, keyHash).get();
  const token = await openRetry(found, { key, requestHash: hash, startedAt }, IDEMPOTENCY_TEXTS);
  if (token === undefined) return undefined;
  const group = await groupByHash(db, await sha256Hex(token)).get();
  if (!group) throw inProgress(IDEMPOTENCY_TEXTS.inProgress);
  return { ...groupAnswer(group.sweepId, group.size, group.completeBy, token), replayed: true as const };
}

/** One place as the group's contact sees it. */
function memberView(m: SweepSignup, slot: number): GroupMemberView {
  return {
    id: m.id,
    slot,
    status: m.status,
    statusLabel: SIGNUP_STATUS_LABELS[m.status],
    name: m.name,
    minor: m.minor === 1,
    consent: m.status === "reserved" ? null : m.minor !== 1 ? "not_needed" : m.consentedAt ? "given" : "pending",
  };
}

/** The group a link opens, its sweep and its member rows (404 for an unknown secret). */
async function loadGroup(db: Db, groupHash: string) {
  const group = await groupByHash(db, groupHash).get();
  if (!group) throw problem(404, { detail: "没有找到这个团体报名，请检查团体链接。" });
  const [sweeps, members, messages] = await db.batch([
    sweepById(db, group.sweepId),
    membersOf(db, group.id),
    groupMessagesOf(db, group.id),
  ]);
  const sweep = sweeps[0];
  if (!sweep) throw problem(404, { detail: "没有找到这场活动。" });
  return { group, sweep, members, messages: messages.map((m) => m.message) };
}

/** What the holder of a group link sees: the sweep, the deadline and every place with its state. */
export async function groupView(db: Db, groupHash: string, now = new Date()): Promise<GroupView> {
  const { group, sweep, members, messages } = await loadGroup(db, groupHash);
  return {
    sweep: publicSweep(sweep),
    group: {
      organisation: group.organisation,
      contactName: group.contactName,
      size: group.size,
      completeBy: group.completeBy,
      cancelled: group.cancelledAt !== null,
      canChange: group.cancelledAt === null && sweep.sweep.state === "open" && sweep.sweep.startsAt > now.toISOString(),
    },
    members: members.map((m, i) => memberView(m, i + 1)),
    messages: messages.map((m) => ({
      kind: m.kind,
      text: GROUP_TEXTS[m.kind] ?? MESSAGE_TEXTS[m.kind],
      createdAt: m.createdAt,
      sentAt: m.sentAt,
    })),
  };
}

/**
 * Completes one held place with its member's details, one batch: adult → confirmed; minor (on the
 * sweep's day) → held for the guardian's consent, whose link the contact forwards. Age and guardian
 * rules are the single sign-up's (`ageRefusal`); the same person twice, or in an overlapping sweep,
 * is the database's refusal (409).
 */
export async function completeMember(
  env: PersonKeyEnv,
  db: Db,
  batch: BatchRunner,
  groupHash: string,
  memberId: number,
  input: GroupMember,
  now = new Date(),
): Promise<GroupMemberResult> {
  const { group, sweep, members } = await loadGroup(db, groupHash);
  const index = members.findIndex((m) => m.id === memberId);
  const member = members[index];
  if (!member) throw problem(404, { detail: "这个团体没有这个名额。" });
  const at = now.toISOString();
  if (group.cancelledAt) throw problem(409, { detail: "这个团体报名已取消。" });
  if (member.status !== "reserved") throw problem(409, { detail: "这个名额已填写过，或已取消、已释放。" });
  if ((member.heldUntil ?? "") <= at) throw problem(409, { detail: "已过填写截止时间，这个名额已释放。" });
  const asSignup = { ...input, organisation: group.organisation, consent: true as const };
  const refused = ageRefusal(asSignup, sweep.sweep, now);
  if (refused) throw refused;
  const { minor } = ageFacts(input.birthMonth, sweep.sweep);
  const manage = randomToken(16);
  const guardian = minor ? randomToken(16) : null;
  let results: Awaited<ReturnType<BatchRunner["run"]>>;
  try {
    results = await batch.run(
      completeMemberBatch({
        groupHash,
        memberId,
        manageHash: await sha256Hex(manage),
        personKey: await personKey(env, "sweep", input.phone),
        name: input.name,
        phone: input.phone,
        birthMonth: input.birthMonth,
        volunteerNumber: input.volunteerNumber ?? null,
        minor,
        guardianName: minor ? (input.guardianName ?? null) : null,
        guardianPhone: minor ? (input.guardianPhone ?? null) : null,
        guardianHash: guardian ? await sha256Hex(guardian) : null,
        now: at,
      }),
    );
  } catch (err) {
    throw refusalOf(err) ?? err;
  }
  const row = results[0]?.rows[0] as { status: SweepSignup["status"] } | undefined;
  if (!row) throw problem(409, { detail: "这个名额刚刚发生了变化（已填写、已释放或活动已开始），请刷新后再看。" });
  return {
    member: memberView(
      { ...member, status: row.status, name: input.name, minor: minor ? 1 : 0, consentedAt: null },
      index + 1,
    ),
    managePath: `/volunteer/manage/#t=${manage}`,
    consentPath: guardian ? consentPath(guardian) : null,
  };
}
