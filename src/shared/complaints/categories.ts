// The complaint categories (事件 / 部件, two levels) from content/complaints/categories.json, which
// staff may correct: checked here when loaded, so a broken edit fails the build and the tests.
import * as v from "valibot";
import raw from "../../../content/complaints/categories.json" with { type: "json" };

const UnitRuleSchema = v.picklist(["squad", "community_station"]);
const MinorSchema = v.object({
  code: v.pipe(v.string(), v.regex(/^\d{4}$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  limitHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
  unit: UnitRuleSchema,
  urgent: v.boolean(),
});
const FileSchema = v.object({
  note: v.string(),
  acceptMinutes: v.object({ normal: v.pipe(v.number(), v.minValue(1)), urgent: v.pipe(v.number(), v.minValue(1)) }),
  classes: v.array(
    v.object({
      type: v.picklist(["event", "component"]),
      code: v.pipe(v.string(), v.regex(/^\d{2}$/)),
      name: v.string(),
      minors: v.pipe(v.array(MinorSchema), v.minLength(1)),
    }),
  ),
  other: v.object({ ...MinorSchema.entries, code: v.literal("other") }),
});

const file = v.parse(FileSchema, raw);

export type CategoryType = "event" | "component";
export interface Category {
  /** "E0101" (event 0101), "C0118" (component 0118) or "other". */
  id: string;
  type: CategoryType | "other";
  code: string;
  name: string;
  majorName: string;
  limitHours: number;
  unitRule: "squad" | "community_station";
  urgent: boolean;
}

export const CATEGORY_TYPE_LABELS: Record<CategoryType, string> = { event: "事件", component: "部件" };

export const CATEGORIES: Category[] = [
  ...file.classes.flatMap((major) =>
    major.minors.map((m) => ({
      id: `${major.type === "event" ? "E" : "C"}${m.code}`,
      type: major.type,
      code: m.code,
      name: m.name,
      majorName: major.name,
      limitHours: m.limitHours,
      unitRule: m.unit,
      urgent: m.urgent,
    })),
  ),
  {
    id: "other",
    type: "other",
    code: "other",
    name: file.other.name,
    majorName: "其他",
    limitHours: file.other.limitHours,
    unitRule: file.other.unit,
    urgent: file.other.urgent,
  },
];

/** The major classes in file order, for the two-level picker. */
export const CATEGORY_GROUPS = file.classes.map((c) => ({
  type: c.type,
  code: c.code,
  name: c.name,
  categories: CATEGORIES.filter((x) => x.type === c.type && x.code.startsWith(c.code)),
}));

const byId = new Map(CATEGORIES.map((c) => [c.id, c]));
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);

export function categoryById(id: string): Category | undefined {
  return byId.get(id);
}

/** Minutes allowed to accept and dispatch a new report (30; 10 when urgent). */
export function acceptMinutes(category: Category): number {
  return category.urgent ? file.acceptMinutes.urgent : file.acceptMinutes.normal;
}
