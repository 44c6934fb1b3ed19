import { MESSAGE_TEXTS, OFFER_HOURS } from "../../../src/shared/sweeps/rules";
import { type ManageView, SIGNUP_STATUS_LABELS } from "../../../src/shared/sweeps/wire";
import type { Db } from "../../db/client";
import { messagesOf, signupByManageHash, sweepById } from "../../db/sweeps/index";
import { problem } from "../problem";
import { manageConsent } from "./consent";
import { manageDay } from "./day";
import { publicSweep } from "./view";

/** When an offer made now runs out (OFFER_HOURS, data; never past the sweep's start, see signups.ts). */
export const offerUntil = (now: Date) => new Date(now.getTime() + OFFER_HOURS * 3_600_000).toISOString();

const ACTIVE = new Set(["confirmed", "waitlisted", "offered", "pending_consent"]);

/** What the holder of a manage secret sees: the sweep, their sign-up and its messages, newest first. */
export async function manageView(db: Db, manageHash: string, now = new Date()): Promise<ManageView> {
  const found = await signupByManageHash(db, manageHash).get();
  if (!found) throw problem(404, { detail: "没有找到这次报名，请检查管理链接。" });
  const [sweepRows, messages] = await db.batch([sweepById(db, found.signup.sweepId), messagesOf(db, found.signup.id)]);
  const sweep = sweepRows[0];
  if (!sweep) throw problem(404, { detail: "没有找到这场活动。" });
  const s = found.signup;
  const at = now.toISOString();
  return {
    sweep: publicSweep(sweep),
    signup: {
      status: s.status,
      statusLabel: SIGNUP_STATUS_LABELS[s.status],
      position: s.status === "waitlisted" ? found.position : null,
      offeredUntil: s.status === "offered" ? s.offeredUntil : null,
      name: s.name,
      createdAt: s.createdAt,
      canCancel: ACTIVE.has(s.status) && sweep.sweep.state !== "cancelled" && sweep.sweep.startsAt > at,
      cancelIsLate: at >= sweep.sweep.cancelCutoffAt,
    },
    consent: manageConsent(s, sweep.sweep, at),
    messages: messages.map((m) => ({
      kind: m.kind,
      text: MESSAGE_TEXTS[m.kind],
      createdAt: m.createdAt,
      sentAt: m.sentAt,
    })),
    day: await manageDay(s, sweep.sweep),
  };
}
