// Inputs of the staff sweeps endpoints (/api/staff/sweeps). Imports the community list, so only the
// Worker and the staff console load it.
import * as v from "valibot";
import { Latitude, Longitude } from "../complaints/filing-schema.ts";
import { COMMUNITIES } from "../geo.ts";
import { daySchema } from "../period.ts";
import { PlainLine, PlainText } from "../text.ts";

const COMMUNITY_IDS = COMMUNITIES.map((c) => c.id);

/** Most sweeps one action creates: each is a statement with its bound values in one D1 batch. */
export const MAX_SERIES = 60;

const Time = v.pipe(v.string("请填写时间"), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为 HH:MM"));
const line = (label: string, max: number) =>
  v.pipe(
    v.string(`请填写${label}`),
    PlainLine,
    v.trim(),
    v.minLength(1, `请填写${label}`),
    v.maxLength(max, `${label}不超过 ${max} 个字`),
  );
const Count = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`${label}须为数字`),
    v.integer(`${label}须为整数`),
    v.minValue(min, `${label}至少 ${min}`),
    v.maxValue(max, `${label}至多 ${max}`),
  );

export const MeetingPlaceSchema = v.object({
  communityId: v.picklist(COMMUNITY_IDS, "社区不正确"),
  meetingPoint: line("集合地点", 100),
  lat: Latitude,
  lng: Longitude,
});

const SweepFields = {
  title: line("活动名称", 60),
  startTime: Time,
  endTime: Time,
  capacity: Count("名额", 1, 500),
  waitlistLimit: Count("候补名额", 0, 500),
  minAge: Count("最低年龄", 6, 80),
  guardianPresentBelow: v.nullable(Count("需监护人陪同的年龄", 6, 18)),
  organiser: line("组织方", 80),
  leaderContact: line("领队联系方式", 80),
  whatToBring: v.pipe(v.string(), PlainText, v.trim(), v.maxLength(500, "携带物品不超过 500 个字")),
  /** Required to open: a sweep cannot be open without accident insurance (志愿服务条例 art. 17). */
  insuranceRef: v.pipe(v.string(), PlainLine, v.trim(), v.maxLength(60, "保险单号不超过 60 个字")),
  /** Hours before the start after which a cancellation counts as late. */
  cancelCutoffHours: Count("取消截止（小时）", 0, 168),
  open: v.boolean("请选择是否立即开放报名"),
};

const timesForward = <T extends { startTime: string; endTime: string }>() =>
  v.forward<T, v.CheckIssue<T>, ["endTime"]>(
    v.check((s: T) => s.endTime > s.startTime, "结束时间须晚于开始时间"),
    ["endTime"] as never,
  );
const insuredToOpen = <T extends { open: boolean; insuranceRef: string }>() =>
  v.forward<T, v.CheckIssue<T>, ["insuranceRef"]>(
    v.check((s: T) => !s.open || s.insuranceRef !== "", "开放报名前须填写意外保险单号"),
    ["insuranceRef"] as never,
  );

/**
 * POST /api/staff/sweeps: one sweep (weeks 1, one place) or a weekly series — every place on the
 * first day and then each week, `weeks` times — in one action.
 */
export const CreateSweepsSchema = v.pipe(
  v.object({
    ...SweepFields,
    firstDay: daySchema("首次日期"),
    weeks: Count("周数", 1, 12),
    places: v.pipe(
      v.array(MeetingPlaceSchema, "请选择集合地点"),
      v.minLength(1, "请至少选择一个社区"),
      v.maxLength(COMMUNITY_IDS.length),
    ),
  }),
  timesForward(),
  insuredToOpen(),
  v.forward(
    v.check((s) => s.weeks * s.places.length <= MAX_SERIES, `一次最多创建 ${MAX_SERIES} 场活动`),
    ["weeks"],
  ),
);
export type CreateSweepsInput = v.InferInput<typeof CreateSweepsSchema>;
export type CreateSweeps = v.InferOutput<typeof CreateSweepsSchema>;

/** PATCH /api/staff/sweeps/:id: the whole sweep again with the version the coordinator saw. */
export const UpdateSweepSchema = v.pipe(
  v.object({
    ...SweepFields,
    ...MeetingPlaceSchema.entries,
    day: daySchema("日期"),
    version: Count("版本", 1, 1_000_000),
  }),
  timesForward(),
  insuredToOpen(),
);
export type UpdateSweepInput = v.InferInput<typeof UpdateSweepSchema>;
export type UpdateSweep = v.InferOutput<typeof UpdateSweepSchema>;

/** POST /api/staff/sweeps/:id/cancel */
export const CancelSweepSchema = v.object({
  version: Count("版本", 1, 1_000_000),
  reason: v.pipe(v.string("请说明取消原因"), PlainText, v.trim(), v.minLength(2, "请说明取消原因"), v.maxLength(300)),
});

/** GET /api/staff/sweeps/:id/signups?contacts=1 (contacts only for roles that may see them; audited). */
export const RosterQuerySchema = v.object({
  contacts: v.optional(v.picklist(["1", "0"], "contacts 只能为 1 或 0")),
});

/** GET /api/staff/sweeps/outbox: which messages, for one sweep or all, contacts in full or masked. */
export const OutboxQuerySchema = v.object({
  status: v.optional(v.picklist(["unsent", "sent", "failed"], "status 只能为 unsent、sent 或 failed"), "unsent"),
  sweepId: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9]{10}$/, "活动编号无效"))),
  contacts: v.optional(v.picklist(["1", "0"], "contacts 只能为 1 或 0")),
});
