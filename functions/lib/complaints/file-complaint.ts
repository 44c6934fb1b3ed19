import { acceptMinutes, categoryById } from "../../../src/shared/complaints/categories";
import { nearestPlace, placeBelongsTo } from "../../../src/shared/complaints/places";
import { type FileComplaint, PLACE_ELSEWHERE } from "../../../src/shared/complaints/schemas";
import { STATE_LABELS } from "../../../src/shared/complaints/states";
import type { FiledComplaint } from "../../../src/shared/complaints/wire";
import { communityAt, communityById, publicCoordinate } from "../../../src/shared/geo";
import { addMinutes, caseNumberDay } from "../../../src/shared/time";
import type { Statement } from "../../db/batch";
import type { Db } from "../../db/client";
import { CONTACT_DELETED_HASH } from "../../db/complaints/contact";
import { fileComplaintBatch, findIdempotency } from "../../db/complaints/index";
import type { Platform } from "../../platform/ports";
import { problem } from "../problem";
import { idempotencyKeyHash, openForReplay, sealForReplay } from "../replay-cipher";
import { randomToken, sha256Hex } from "../tokens";
import { type CleanPhoto, storePhotos } from "./photos";

const answer = (c: Omit<FiledComplaint, "state" | "stateLabel" | "trackingPath">): FiledComplaint => ({
  ...c,
  state: "received",
  stateLabel: STATE_LABELS.received,
  trackingPath: `/complaints/track/#t=${c.trackingToken}`,
});

/** Canonical JSON (sorted keys) of the validated input and the cleaned photos' hashes. */
async function requestHash(input: FileComplaint, photos: CleanPhoto[]): Promise<string> {
  const { turnstileToken: _ignored, ...rest } = input;
  const canonical = JSON.stringify(
    Object.fromEntries(
      Object.entries({ ...rest, photos: photos.map((p) => p.sha256) }).sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
  return sha256Hex(canonical);
}

/**
 * After the filing batch failed on the Idempotency-Key: the first answer for a retry that began
 * after the first request had been written; 409 for one that overlapped it (the first was still
 * being processed when this one arrived); 422 when the key was used for a different complaint.
 */
async function afterKeyConflict(
  db: Db,
  idempotencyKey: string,
  hash: string,
  startedAt: string,
): Promise<FiledComplaint & { replayed: true }> {
  const found = await findIdempotency(db, await idempotencyKeyHash(idempotencyKey)).get();
  // The reporter deleted the contact (or retention did): the hash over the filing went with it, so a
  // retry cannot be compared; the case exists, and its tracking link still works.
  if (found && found.requestHash === CONTACT_DELETED_HASH) {
    throw problem(409, {
      detail: `这份投诉已提交（案件编号 ${found.complaint.caseNumber}），联系方式已删除，不能重复提交；请用查询链接查看办理进度。`,
    });
  }
  if (found && found.requestHash !== hash) {
    throw problem(422, { detail: "该 Idempotency-Key 已用于另一份投诉，请为新的投诉生成新的 Idempotency-Key。" });
  }
  if (!found || found.createdAt >= startedAt) {
    throw problem(409, { detail: "同一份投诉正在提交中，请稍后再查看结果。", headers: { "retry-after": "2" } });
  }
  const c = found.complaint;
  return {
    ...answer({
      caseNumber: c.caseNumber,
      categoryId: c.categoryId,
      communityId: c.communityId,
      receivedAt: c.receivedAt,
      acceptDueAt: c.acceptDueAt,
      trackingToken: await openForReplay(idempotencyKey, found.replayCipher),
    }),
    replayed: true,
  };
}

/**
 * Files a complaint: stores the cleaned photos, then writes everything else in one batch. If the
 * batch fails, the photos are removed again, so no stored file outlives a failed request. The key is
 * checked by the batch itself (its primary key), so a first submission costs no extra read.
 * `also` joins the same batch (Open311 adds its request row and the key's last use): they fail
 * and succeed with the filing. They find the new case through the idempotency record's key hash.
 */
export async function fileComplaint(
  db: Db,
  { files, batch }: Pick<Platform, "files" | "batch">,
  input: FileComplaint,
  photos: CleanPhoto[],
  idempotencyKey: string,
  now = new Date(),
  also: readonly Statement[] = [],
): Promise<FiledComplaint & { replayed?: true }> {
  const category = categoryById(input.categoryId);
  if (!category) throw problem(422, { errors: [{ pointer: "#/categoryId", detail: "类别不存在" }] });
  const hasPoint = input.lat !== undefined && input.lng !== undefined;
  const community = hasPoint
    ? communityAt(input.lng as number, input.lat as number)
    : communityById(input.communityId ?? "");
  if (!community) {
    throw problem(422, {
      detail: "这个位置不在本区范围内。",
      errors: [{ pointer: hasPoint ? "#/lat" : "#/communityId", detail: "位置不在本区范围内，请选择社区" }],
    });
  }
  if (input.placeId && !placeBelongsTo(input.placeId, community.id)) {
    throw problem(422, { detail: PLACE_ELSEWHERE, errors: [{ pointer: "#/placeId", detail: PLACE_ELSEWHERE }] });
  }
  const publicLat = hasPoint ? publicCoordinate(input.lat as number) : null;
  const publicLng = hasPoint ? publicCoordinate(input.lng as number) : null;
  // The public place: the one picked, else the nearest to the PUBLISHED point, so the name tells no
  // more than the coarsened coordinates already do; else none until staff set it on accepting.
  const placeId =
    input.placeId ??
    (publicLat !== null && publicLng !== null ? (nearestPlace(community.id, publicLng, publicLat)?.id ?? null) : null);
  const trackingToken = randomToken(16);
  const receivedAt = now.toISOString();
  const acceptDueAt = addMinutes(now, acceptMinutes(category)).toISOString();
  const hash = await requestHash(input, photos);
  const stored = await storePhotos(files, photos);
  try {
    const results = await batch.run([
      ...fileComplaintBatch({
        numberDay: caseNumberDay(now),
        categoryId: category.id,
        communityId: community.id,
        unitId: category.unitRule === "squad" ? community.squad : community.station,
        addressText: input.addressText,
        placeId,
        lat: hasPoint ? (input.lat as number) : null,
        lng: hasPoint ? (input.lng as number) : null,
        publicLat,
        publicLng,
        description: input.description,
        reporterName: input.name || null,
        reporterPhone: input.callbackWanted ? (input.phone ?? null) : null,
        callbackWanted: input.callbackWanted,
        urgent: category.urgent,
        receivedAt,
        acceptDueAt,
        trackingHash: await sha256Hex(trackingToken),
        photos: stored,
        idempotency: {
          keyHash: await idempotencyKeyHash(idempotencyKey),
          requestHash: hash,
          replayCipher: await sealForReplay(idempotencyKey, trackingToken),
          createdAt: new Date().toISOString(),
        },
      }),
      ...also,
    ]);
    const created = results[1]?.rows[0] as { case_number: string } | undefined;
    if (!created) throw new Error("filing batch returned no case");
    return answer({
      caseNumber: created.case_number,
      categoryId: category.id,
      communityId: community.id,
      receivedAt,
      acceptDueAt,
      trackingToken,
    });
  } catch (err) {
    await files.delete(stored.map((s) => s.r2Key));
    if (String((err as Error)?.message).includes("idempotency_keys.key_hash")) {
      return afterKeyConflict(db, idempotencyKey, hash, receivedAt);
    }
    throw err;
  }
}
