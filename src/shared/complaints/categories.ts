// The complaint categories (事件 / 部件, two levels) from content/complaints/categories.json, which
// staff may correct: checked here when loaded, so a broken edit fails the build and the tests.
import * as v from "valibot";
import raw from "../../../content/complaints/categories.json" with { type: "json" };

const UnitRuleSchema = v.picklist(["squad", "community_station"]);
/** What a resident calls it: one phrase ("摆摊"), or words that must all appear ("垃圾+满"). */
const SynonymSchema = v.pipe(v.string(), v.regex(/^[^+\s]+(\+[^+\s]+)*$/, "说法不能为空，“+”两边都要有字"));
const MinorSchema = v.object({
  code: v.pipe(v.string(), v.regex(/^\d{4}$/)),
  /** The class's official name (GB/T 30428 usage), what staff and the figures use. */
  name: v.pipe(v.string(), v.minLength(1)),
  /** The plain name residents choose from. */
  label: v.pipe(v.string(), v.minLength(1), v.maxLength(20)),
  synonyms: v.array(SynonymSchema),
  limitHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
  unit: UnitRuleSchema,
  urgent: v.boolean(),
});
const FileSchema = v.pipe(
  v.object({
    note: v.string(),
    acceptMinutes: v.object({ normal: v.pipe(v.number(), v.minValue(1)), urgent: v.pipe(v.number(), v.minValue(1)) }),
    classes: v.array(
      v.object({
        type: v.picklist(["event", "component"]),
        code: v.pipe(v.string(), v.regex(/^\d{2}$/)),
        name: v.string(),
        label: v.pipe(v.string(), v.minLength(1)),
        minors: v.pipe(v.array(MinorSchema), v.minLength(1)),
      }),
    ),
    other: v.object({ ...MinorSchema.entries, code: v.literal("other") }),
  }),
  // A phrase in two classes would be settled by file order, silently: make the editor choose.
  v.check(
    (f) => duplicateSynonym(f.classes.flatMap((c) => c.minors)) === undefined,
    (issue) => {
      const f = issue.input as { classes: { minors: { synonyms: string[] }[] }[] };
      return `说法“${duplicateSynonym(f.classes.flatMap((c) => c.minors))}”写在了两个类别里，只能留一个`;
    },
  ),
);

function duplicateSynonym(minors: { synonyms: string[] }[]): string | undefined {
  const seen = new Set<string>();
  for (const s of minors.flatMap((m) => m.synonyms)) {
    if (seen.has(s)) return s;
    seen.add(s);
  }
  return undefined;
}

/** Checks a categories file as staff edited it; throws naming what is wrong. */
export function parseCategoryFile(input: unknown) {
  const result = v.safeParse(FileSchema, input);
  if (result.success) return result.output;
  const where = (i: v.BaseIssue<unknown>) => i.path?.map((p) => String(p.key)).join(".") ?? "";
  throw new Error(
    `content/complaints/categories.json: ${result.issues.map((i) => `${where(i)} ${i.message}`).join("; ")}`,
  );
}

const file = parseCategoryFile(raw);

export type CategoryType = "event" | "component";
export interface Category {
  /** "E0101" (event 0101), "C0118" (component 0118) or "other". */
  id: string;
  type: CategoryType | "other";
  code: string;
  /** The official name, for staff, figures and open data. */
  name: string;
  /** The plain name residents pick from. */
  label: string;
  /** What residents call it, for the finder ("垃圾+满": both words). */
  synonyms: string[];
  majorName: string;
  majorLabel: string;
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
      label: m.label,
      synonyms: m.synonyms,
      majorName: major.name,
      majorLabel: major.label,
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
    label: file.other.label,
    synonyms: file.other.synonyms,
    majorName: "其他",
    majorLabel: "其他",
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
  label: c.label,
  categories: CATEGORIES.filter((x) => x.type === c.type && x.code.startsWith(c.code)),
}));

const byId = new Map(CATEGORIES.map((c) => [c.id, c]));
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);

export function categoryById(id: string): Category | undefined {
  return byId.get(id);
}

/** Minutes allowed to accept and dispatch a new report, normal and urgent. */
export const ACCEPT_MINUTES: { normal: number; urgent: number } = file.acceptMinutes;

/** Minutes allowed to accept and dispatch a new report (30; 10 when urgent). */
export function acceptMinutes(category: Category): number {
  return category.urgent ? ACCEPT_MINUTES.urgent : ACCEPT_MINUTES.normal;
}
