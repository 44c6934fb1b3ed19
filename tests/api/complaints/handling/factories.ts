import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { createDb } from "../../../../functions/db/client";
import { complaints } from "../../../../functions/db/schema";
import { categoryById } from "../../../../src/shared/complaints/categories";
import type { StaffAction } from "../../../../src/shared/complaints/states";
import { COMMUNITIES } from "../../../../src/shared/geo";
import type { Role } from "../../../../src/shared/staff/roles";
import { call, makeStaff, makeUnit, signIn } from "../../staff/factories";

export type Case = typeof complaints.$inferSelect;
let seq = 0;
const db = () => createDb(env.DB);
const HOUR = 3_600_000;

/**
 * A case written straight into D1 in any state, as the workflow would have left it (the triggers add
 * its filing event and figures). `at` is the receipt time; the rest follows the category's limits.
 */
export async function makeCase(over: Partial<typeof complaints.$inferInsert> = {}): Promise<Case> {
  const n = ++seq;
  const categoryId = over.categoryId ?? "E0102";
  const receivedMs = Date.parse(over.receivedAt ?? new Date(Date.now() - 2 * HOUR).toISOString());
  const limit = (categoryById(categoryId)?.limitHours ?? 24) * HOUR;
  const state = over.state ?? "received";
  const dispatched = !["received", "accepted", "not_accepted", "merged"].includes(state);
  const [row] = await db()
    .insert(complaints)
    .values({
      caseNumber: `990101-${String(1000 + (n % 9000)).padStart(4, "0")}${Date.now().toString().slice(-2)}`,
      categoryId,
      communityId: COMMUNITIES[0]?.id ?? "",
      addressText: "临河路 88 号门口",
      description: `测试案件 ${n}`,
      state,
      unitId: over.unitId ?? (await makeUnit("squad")),
      acceptDueAt: new Date(receivedMs + 30 * 60_000).toISOString(),
      dueAt: dispatched ? new Date(receivedMs + HOUR + limit).toISOString() : null,
      receivedAt: new Date(receivedMs).toISOString(),
      acceptedAt: state === "received" ? null : new Date(receivedMs + 10 * 60_000).toISOString(),
      respondedAt: state === "received" ? null : new Date(receivedMs + 10 * 60_000).toISOString(),
      trackingHash: `test-${n}-${crypto.randomUUID()}`,
      updatedAt: new Date(receivedMs).toISOString(),
      ...over,
    })
    .returning();
  if (!row) throw new Error("case insert returned nothing");
  return row;
}

/** A signed-in session of `role`; a unit handler of `unitId` when given. */
export async function session(role: Role, unitId?: string | null) {
  const staff = await makeStaff(role, unitId ? { unitId } : {});
  return { staff, cookie: await signIn(staff.email) };
}

export async function act(cookie: string, id: number, action: StaffAction, body: Record<string, unknown>) {
  return call(`/api/staff/complaints/${id}/${action}`, { method: "POST", cookie, body });
}

/** The case as D1 holds it now. */
export async function reload(id: number): Promise<Case> {
  const [c] = await db().select().from(complaints).where(eq(complaints.id, id));
  if (!c) throw new Error(`no case ${id}`);
  return c;
}

/** A body each action accepts, for a case at `version`: what the console would send. */
export function validBody(action: StaffAction, version: number, ctx: { unitId: string; targetCaseNumber: string }) {
  const bodies: Record<StaffAction, Record<string, unknown>> = {
    accept: {},
    reject: { reason: "不属于城市管理职责范围" },
    merge: { targetCaseNumber: ctx.targetCaseNumber },
    dispatch: { unitId: ctx.unitId },
    start: {},
    send_back: { reason: "不属于本单位辖区" },
    request_extension: { days: 3, reason: "需协调产权单位" },
    request_suspension: { reason: "需等待市政工程完工" },
    extend: {},
    suspend: {},
    refuse_request: { reason: "请按期完成" },
    resume: {},
    handle: { result: "已清理完毕" },
    redo: { reason: "现场仍有垃圾" },
    close_fixed: { note: "经核查已解决" },
    close_not_fixed: { note: "涉及产权纠纷，暂无法解决" },
    reply: { note: "已收到，正在处理", public: true },
  };
  return { version, ...bodies[action] };
}

export async function countRows(sql: string, ...binds: unknown[]): Promise<number> {
  return (
    (
      await env.DB.prepare(sql)
        .bind(...binds)
        .first<{ n: number }>()
    )?.n ?? -1
  );
}
