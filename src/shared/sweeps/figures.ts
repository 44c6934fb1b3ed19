// Inputs and definitions of the sweeps' balance over communities: staff targets (PUT/GET
// /api/staff/sweeps/targets) and figures (GET /api/staff/sweeps/figures). The definitions are the
// ones the Worker computes (functions/lib/sweeps/figures.ts) and the staff page shows.
import * as v from "valibot";
import { COMMUNITIES } from "../geo.ts";
import { FromDaySchema, MAX_PERIOD_DAYS, periodSchema, ToDaySchema, withPeriod } from "../period.ts";
import { TARGET_KINDS } from "./wire.ts";

const COMMUNITY_IDS = COMMUNITIES.map((c) => c.id);

/** The organisations (schools) shown by name in the figures; the rest are one 其他 row. */
export const FIGURES_TOP_ORGANISATIONS = 10;
/** An organisation is named only with at least this many volunteers (fewer could point at a person). */
export const FIGURES_MIN_PERSONS = 3;
export const OTHER_ORGANISATIONS = "其他";

/** What each figure means, as the staff page shows it. */
export const FIGURE_DEFINITIONS = {
  volunteers: "志愿者人数：时段内占用名额（已确认、递补待确认、保留中）的不同人数（按手机号计）",
  signups: "报名人次：占用名额的报名条数",
  attended: "到场人次：已签到的报名条数",
  hours: "服务时长：已记录的服务分钟数 ÷ 60",
  noShowRate: "缺席率：缺席 ÷ （到场 + 缺席）",
  lateCancelRate: "逾期取消率：截止后取消 ÷ （占用名额 + 取消 + 截止后取消）",
  coverage:
    "覆盖率：未结束活动的已占名额（或其计划时长）加已结束活动的到场人数（或服务时长），除以社区目标；未设目标时以社区计划名额为目标",
  balance: "均衡度：各社区覆盖率的变异系数（总体标准差 ÷ 平均值），0 表示完全均衡",
} as const;

const Target = v.pipe(
  v.number("目标须为数字"),
  v.finite("目标须为数字"),
  v.gtValue(0, "目标须大于 0"),
  v.maxValue(100_000, "目标至多 100000"),
);

/**
 * PUT /api/staff/sweeps/targets: one period's targets, replacing that period's earlier ones. Either a
 * target per community (those left out keep the default: their own planned places; an empty list
 * clears the period), or a `total` split in equal shares over all communities.
 */
export const TargetsSchema = v.pipe(
  withPeriod(
    v.object({
      from: FromDaySchema,
      to: ToDaySchema,
      kind: v.picklist(TARGET_KINDS, "目标类型只能为名额或服务时长"),
      targets: v.optional(
        v.pipe(
          v.array(v.object({ communityId: v.picklist(COMMUNITY_IDS, "社区不正确"), target: Target })),
          v.maxLength(COMMUNITY_IDS.length, "社区重复"),
          v.check((ts) => new Set(ts.map((t) => t.communityId)).size === ts.length, "每个社区只能有一个目标"),
        ),
      ),
      total: v.optional(Target),
    }),
    MAX_PERIOD_DAYS.year,
  ),
  v.check((b) => (b.targets === undefined) !== (b.total === undefined), "请给出各社区目标或总目标（二者选一）"),
);
export type TargetsInput = v.InferOutput<typeof TargetsSchema>;

/** GET /api/staff/sweeps/targets?from&to and GET /api/staff/sweeps/figures?from&to (at most a year). */
export const FiguresQuerySchema = periodSchema(MAX_PERIOD_DAYS.year);

/** The targets a PUT stores: a total becomes equal shares over all communities. */
export function targetsOf(input: TargetsInput): { communityId: string; target: number }[] {
  if (input.total !== undefined) {
    const share = input.total / COMMUNITY_IDS.length;
    return COMMUNITY_IDS.map((communityId) => ({ communityId, target: share }));
  }
  return input.targets ?? [];
}
