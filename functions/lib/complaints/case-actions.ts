import { categoryById } from "../../../src/shared/complaints/categories";
import { placeBelongsTo } from "../../../src/shared/complaints/places";
import { PLACE_ELSEWHERE } from "../../../src/shared/complaints/schemas";
import type { ActionInput } from "../../../src/shared/complaints/staff-schemas";
import { isOpen, STATE_LABELS, type StaffAction } from "../../../src/shared/complaints/states";
import { communityById } from "../../../src/shared/geo";
import type { Statement } from "../../db/batch";
import type { Db } from "../../db/client";
import { mergeSupportersInto } from "../../db/complaints/handling";
import { type Complaint, findCaseByNumber } from "../../db/complaints/index";
import { insertPhoto } from "../../db/complaints/photos";
import { findUnit } from "../../db/staff/units";
import type { FileStore } from "../../platform/ports";
import { problem } from "../problem";
import { cleanPhotos, type StoredPhoto, storePhotos } from "./photos";

/** What an action changes besides the state: the case's columns, its event's note, and any extra rows. */
export interface ActionPlan {
  set: Partial<Complaint>;
  note?: string | null;
  /** Whether the step shows on the reporter's timeline (default yes), and whether its note does. */
  isPublic?: boolean;
  notePublic?: boolean;
  extra?: Statement[];
  /** What the audit row records besides the transition. */
  audit?: Record<string, unknown>;
  /** Files stored for this action: removed again if the batch fails. */
  stored?: StoredPhoto[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const field = (pointer: string, detail: string) => problem(422, { detail, errors: [{ pointer, detail }] });

/** Hours the case's category allows for handling, from dispatch. */
function limitMs(categoryId: string): number {
  return (categoryById(categoryId)?.limitHours ?? 168) * HOUR;
}

/** The unit the category and place route a case to: the community's squad or its station. */
export function routedUnit(categoryId: string, communityId: string): string | null {
  const category = categoryById(categoryId);
  const community = communityById(communityId);
  if (!category || !community) return null;
  return category.unitRule === "squad" ? community.squad : community.station;
}

/** A photo sent as a data URL, checked and stripped of metadata like a resident's, then stored. */
async function storeResultPhoto(files: FileStore, dataUrl: string): Promise<StoredPhoto[]> {
  const [head, base64 = ""] = dataUrl.split(",", 2);
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  } catch {
    throw field("#/photo", "照片数据无效");
  }
  const type = head?.slice(5, head.indexOf(";")) ?? "image/jpeg";
  const cleaned = await cleanPhotos([new File([bytes], "result", { type })]).catch((err) => {
    throw field("#/photo", (err as Error).message.replace(/^第 1 张照片：/, ""));
  });
  return storePhotos(files, cleaned);
}

type Ctx = { db: Db; files: FileStore; c: Complaint; now: number };

/**
 * The plan of each staff action, after the transition table allowed it. Conditions the table cannot
 * say (a pending request, a valid merge target or unit) are checked here and refused with a problem.
 */
export async function planAction(action: StaffAction, input: ActionInput<StaffAction>, ctx: Ctx): Promise<ActionPlan> {
  const { db, c, now } = ctx;
  const at = iso(now);
  const i = input as Record<string, unknown>;
  const note = (typeof i.note === "string" && i.note) || null;
  const firstResponse = c.respondedAt ?? at;
  switch (action) {
    case "accept": {
      const categoryId = (i.categoryId as string | undefined) ?? c.categoryId;
      const category = categoryById(categoryId);
      // Staff read the report before it is listed: they may correct the public place it names.
      const placeId = (i.placeId as string | undefined) ?? c.placeId;
      if (placeId && placeId !== c.placeId && !placeBelongsTo(placeId, c.communityId)) {
        throw field("#/placeId", PLACE_ELSEWHERE);
      }
      return {
        set: {
          categoryId,
          placeId,
          acceptedAt: at,
          respondedAt: firstResponse,
          urgent: (i.urgent as boolean | undefined) ?? c.urgent,
          // A corrected category may belong to another unit.
          unitId: categoryId === c.categoryId ? c.unitId : (routedUnit(categoryId, c.communityId) ?? c.unitId),
        },
        note,
        notePublic: false,
        audit: {
          ...(categoryId === c.categoryId ? {} : { categoryFrom: c.categoryId, categoryTo: category?.id }),
          ...(placeId === c.placeId ? {} : { placeFrom: c.placeId, placeTo: placeId }),
        },
      };
    }
    case "reject":
      return { set: { respondedAt: firstResponse, closedAt: at }, note: i.reason as string };
    case "merge": {
      const target = await findCaseByNumber(db, i.targetCaseNumber as string).get();
      if (!target || target.id === c.id) throw field("#/targetCaseNumber", "没有这个案件，或不能合并到自身");
      if (!isOpen(target.state)) {
        throw field("#/targetCaseNumber", `目标案件${STATE_LABELS[target.state]}，只能合并到未办结的案件`);
      }
      return {
        set: { mergedInto: target.id, respondedAt: firstResponse, closedAt: at },
        note: `与案件 ${target.caseNumber} 为同一问题，已合并办理，请关注该案件的进展。`,
        extra: mergeSupportersInto(c.id, target.id, at),
        audit: { into: target.caseNumber },
      };
    }
    case "dispatch": {
      const unit = await findUnit(db, i.unitId as string).get();
      if (!unit || (unit.kind !== "squad" && unit.kind !== "community_station")) {
        throw field("#/unitId", "请选择中队或社区工作站");
      }
      return {
        set: {
          unitId: unit.id,
          dueAt: iso(now + limitMs(c.categoryId)),
          urgent: (i.urgent as boolean | undefined) ?? c.urgent,
          overdueAt: null,
          pendingRequest: null,
          pendingDays: null,
        },
        note,
        notePublic: false,
        audit: { unitId: unit.id },
      };
    }
    case "start":
      return { set: {} };
    case "send_back":
      return { set: { pendingRequest: null, pendingDays: null }, note: i.reason as string, notePublic: false };
    case "request_extension":
      return {
        set: { pendingRequest: "extension", pendingDays: i.days as number },
        note: `申请延期 ${i.days} 天：${i.reason}`,
        isPublic: false,
        audit: { days: i.days },
      };
    case "request_suspension":
      return { set: { pendingRequest: "suspension", pendingDays: null }, note: i.reason as string, isPublic: false };
    case "extend": {
      const base = Math.max(Date.parse(c.dueAt ?? at), now);
      const dueAt = iso(base + (c.pendingDays ?? 0) * DAY);
      return {
        set: { dueAt, pendingRequest: null, pendingDays: null, overdueAt: null },
        note: note ?? `处置期限延长 ${c.pendingDays} 天。`,
        audit: { days: c.pendingDays, dueAt },
      };
    }
    case "suspend":
      return { set: { pendingRequest: null, pendingDays: null }, note };
    case "refuse_request":
      return { set: { pendingRequest: null, pendingDays: null }, note: i.reason as string, isPublic: false };
    case "resume":
      // The clock restarts: a suspended case gets its category's full time again.
      return { set: { dueAt: iso(now + limitMs(c.categoryId)), overdueAt: null }, note };
    case "handle": {
      const stored = i.photo ? await storeResultPhoto(ctx.files, i.photo as string) : [];
      return {
        set: { handledAt: c.handledAt ?? at },
        note: i.result as string,
        extra: stored.map((p) => insertPhoto(c.id, p, "result", at)),
        stored,
        audit: { photos: stored.length },
      };
    }
    case "redo":
      return { set: { reworkCount: c.reworkCount + 1 }, note: i.reason as string, notePublic: false };
    case "close_fixed":
    case "close_not_fixed":
      return { set: { closedAt: at }, note };
    case "reply":
      return { set: {}, note, isPublic: i.public as boolean, notePublic: i.public as boolean };
    default:
      throw new Error(`no plan for action ${action satisfies never}`);
  }
}
