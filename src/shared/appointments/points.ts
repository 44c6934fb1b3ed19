// The service points and the booking rules, from content/appointments/points.json and services.json,
// which staff edit: checked here when loaded (ids, each point inside its own sub-district, desks
// serving a desk service, templates at or above the weekly minimum), so a broken edit fails the
// build and the tests.
import * as v from "valibot";
import pointsRaw from "../../../content/appointments/points.json" with { type: "json" };
import servicesRaw from "../../../content/appointments/services.json" with { type: "json" };
import { communityAt } from "../geo.ts";
import { clockMinutes, WEEKDAY_KEYS, WeeklyTemplateSchema } from "./template.ts";

export const SERVICE_IDS = ["consultation", "intake", "inspection"] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,40}$/, "id 只能用小写字母、数字和连字符"));
const Text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间应为 HH:MM"));
const Positive = v.pipe(v.number(), v.integer(), v.minValue(1));

const BringSchema = v.object({
  item: Text(60),
  note: v.optional(Text(80)),
  /** Only when someone comes for the merchant (代办): the power of attorney. */
  for: v.optional(v.literal("agent")),
});
const DeskServiceSchema = v.object({
  id: v.picklist(["consultation", "intake"]),
  name: Text(20),
  where: v.literal("desk"),
  durationMinutes: v.pipe(Positive, v.maxValue(240)),
  noticeHours: v.pipe(v.number(), v.integer(), v.minValue(0)),
  bring: v.array(BringSchema),
});
const VisitServiceSchema = v.object({
  id: v.literal("inspection"),
  name: Text(20),
  where: v.literal("shop"),
  noticeHours: v.pipe(v.number(), v.integer(), v.minValue(0)),
  windows: v.pipe(
    v.array(
      v.pipe(
        v.object({ id: v.picklist(["morning", "afternoon"]), name: Text(10), from: Clock, to: Clock }),
        v.check((w) => clockMinutes(w.from) < clockMinutes(w.to), "结束时间须晚于开始时间"),
      ),
    ),
    v.minLength(1),
  ),
  bring: v.array(BringSchema),
});
const ServicesFileSchema = v.pipe(
  v.object({
    note: v.string(),
    bookingHorizonDays: v.pipe(Positive, v.maxValue(60)),
    cancelCutoffHours: v.pipe(v.number(), v.integer(), v.minValue(0)),
    noShowRule: v.object({ count: Positive, withinMonths: Positive, restrictedDays: Positive }),
    services: v.array(v.variant("where", [DeskServiceSchema, VisitServiceSchema])),
  }),
  v.check(
    (f) => SERVICE_IDS.every((id) => f.services.filter((s) => s.id === id).length === 1),
    `服务类型须各写一次：${SERVICE_IDS.join("、")}`,
  ),
);
export type ServicesFile = v.InferOutput<typeof ServicesFileSchema>;
export type DeskService = v.InferOutput<typeof DeskServiceSchema>;
export type VisitService = v.InferOutput<typeof VisitServiceSchema>;
export type Service = DeskService | VisitService;

const PointSchema = v.object({
  id: Id,
  name: Text(40),
  subdistrict: Text(20),
  /** The sub-district's squad (中队): the unit whose staff run the point. */
  unit: Id,
  /**
   * The service-point unit (kind `service_point`) whose clerks work this point's desk: they open
   * its day view and no other point's. A point without one is served by admins only.
   */
  deskUnit: v.optional(Id),
  address: Text(80),
  /** [lng, lat], inside the point's own sub-district. */
  position: v.tuple([v.number(), v.number()]),
  accessibility: v.pipe(v.array(Text(80)), v.minLength(1, "须写明无障碍信息（楼层、坡道、电梯等）")),
  desks: v.pipe(v.array(v.object({ id: Text(10), name: Text(20), service: v.picklist(["consultation", "intake"]) }))),
  inspectionTeams: v.array(v.object({ id: Id, name: Text(20), visitsPerWindow: v.pipe(Positive, v.maxValue(10)) })),
  /** Which day's template a make-up working day (调休上班) opens with; the 2026 notice says Tuesday's. */
  makeUpDayOpensAs: v.picklist(WEEKDAY_KEYS),
  weekly: v.unknown(),
});
const PointsFileSchema = v.object({
  note: v.string(),
  minimumWeeklyHours: v.pipe(v.number(), v.minValue(0), v.maxValue(60)),
  points: v.pipe(v.array(PointSchema), v.minLength(1)),
});
export type PointsFile = v.InferOutput<typeof PointsFileSchema>;
export type ServicePoint = Omit<v.InferOutput<typeof PointSchema>, "weekly"> & {
  weekly: v.InferOutput<ReturnType<typeof WeeklyTemplateSchema>>;
};

function fail(file: string, messages: string[]): never {
  throw new Error(`content/appointments/${file}: ${messages.join("; ")}`);
}

const where = (i: v.BaseIssue<unknown>) => i.path?.map((p) => String(p.key)).join(".") ?? "";
const issueText = (issues: v.BaseIssue<unknown>[], prefix = "") =>
  issues.map((i) => `${prefix}${where(i)} ${i.message}`.trim());

/** Checks the services file as staff edited it; throws naming what is wrong. */
export function parseServicesFile(input: unknown): ServicesFile {
  const result = v.safeParse(ServicesFileSchema, input);
  if (!result.success) fail("services.json", issueText(result.issues));
  return result.output;
}

/** Checks the points file as staff edited it; throws naming the point and what is wrong. */
export function parsePointsFile(input: unknown): { minimumWeeklyHours: number; points: ServicePoint[] } {
  const result = v.safeParse(PointsFileSchema, input);
  if (!result.success) fail("points.json", issueText(result.issues));
  const { minimumWeeklyHours } = result.output;
  const problems: string[] = [];
  const points: ServicePoint[] = [];
  const seen = new Set<string>();
  for (const p of result.output.points) {
    if (seen.has(p.id)) problems.push(`服务点 ${p.id} 重复`);
    seen.add(p.id);
    const [lng, lat] = p.position;
    const community = communityAt(lng, lat);
    if (!community) problems.push(`${p.id}：位置 ${lng},${lat} 不在本区范围内`);
    else if (community.subdistrict !== p.subdistrict)
      problems.push(`${p.id}：位置在${community.subdistrict}，不在${p.subdistrict}`);
    else if (community.squad !== p.unit)
      problems.push(`${p.id}：${p.subdistrict}的中队是 ${community.squad}，不是 ${p.unit}`);
    for (const service of ["consultation", "intake"] as const)
      if (!p.desks.some((d) => d.service === service)) problems.push(`${p.id}：没有办理${service}的窗口`);
    if (new Set(p.desks.map((d) => d.id)).size !== p.desks.length) problems.push(`${p.id}：窗口编号重复`);
    if (p.inspectionTeams.length === 0) problems.push(`${p.id}：没有现场查看组`);
    const weekly = v.safeParse(WeeklyTemplateSchema(minimumWeeklyHours), p.weekly);
    if (!weekly.success) problems.push(...issueText(weekly.issues, `${p.id}：weekly.`));
    else points.push({ ...p, weekly: weekly.output });
  }
  if (problems.length > 0) fail("points.json", problems);
  return { minimumWeeklyHours, points };
}

export const BOOKING_RULES = parseServicesFile(servicesRaw);
const pointsFile = parsePointsFile(pointsRaw);
/** Hours a point must be open in a week (the bureau's rule: at least 10). */
export const MINIMUM_WEEKLY_HOURS = pointsFile.minimumWeeklyHours;
export const SERVICE_POINTS: ServicePoint[] = pointsFile.points;

const pointsById = new Map(SERVICE_POINTS.map((p) => [p.id, p]));
export const pointById = (id: string): ServicePoint | undefined => pointsById.get(id);

export function serviceById(id: ServiceId, rules: ServicesFile = BOOKING_RULES): Service {
  const service = rules.services.find((s) => s.id === id);
  if (!service) throw new Error(`no service ${id}`);
  return service;
}

/** What to bring for a service type; the power of attorney only when an agent comes. */
export function checklist(id: ServiceId, agent: boolean, rules: ServicesFile = BOOKING_RULES) {
  return serviceById(id, rules).bring.filter((b) => agent || b.for !== "agent");
}
