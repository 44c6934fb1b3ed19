// The figures cities publish about complaint handling (../shared/domain.md), defined once: the API
// computes them from the daily counts the database keeps (migrations/0011), the console and the
// public page show them with these labels and definitions.

/** What each case contributes, on the China-time day it is dated by. */
export const METRICS = [
  "received", // filed (dated by receipt)
  "responded_on_time", // the command centre decided (立案, 不予受理 or 合并) by the accept deadline
  "filed", // accepted (立案)
  "due", // its handling deadline falls on this day
  "closed", // due on this day and verified closed (fixed or not)
  "closed_on_time", // … and closed no later than the deadline
  "handled", // the unit first reported it handled on this day
  "reworked", // … and it later came back: verification sent it back, or the reporter reopened it
  "rated", // the reporter rated it on this day
  "satisfied", // … 满意 or 基本满意
] as const;
export type Metric = (typeof METRICS)[number];
export type Counts = Record<Metric, number>;

/** What each count is called where people read it (numerators and denominators of the rates). */
export const METRIC_LABELS: Record<Metric, string> = {
  received: "收到",
  responded_on_time: "按时响应",
  filed: "立案",
  due: "应结案",
  closed: "结案",
  closed_on_time: "按期结案",
  handled: "处理完毕",
  reworked: "返工",
  rated: "评价",
  satisfied: "满意",
};

export const RATES = [
  {
    id: "response",
    label: "响应率",
    numerator: "responded_on_time",
    denominator: "received",
    definition:
      "在受理时限（一般 30 分钟，紧急 10 分钟）内由指挥中心作出立案、不予受理或合并决定的案件数 ÷ 收到的案件数。",
  },
  {
    id: "filing",
    label: "立案率",
    numerator: "filed",
    denominator: "received",
    definition: "立案的案件数 ÷ 收到的案件数。",
  },
  {
    id: "closure",
    label: "结案率",
    numerator: "closed",
    denominator: "due",
    definition: "处置期限在本期内的案件中已核查结案的数量 ÷ 处置期限在本期内的案件数（应结案数）。",
  },
  {
    id: "on_time_closure",
    label: "按期结案率",
    numerator: "closed_on_time",
    denominator: "due",
    definition: "处置期限在本期内、且在期限（含批准的延期）之前结案的案件数 ÷ 应结案数。",
  },
  {
    id: "rework",
    label: "返工率",
    numerator: "reworked",
    denominator: "handled",
    definition: "本期首次报告处理完毕的案件中，后来核查不通过被退回重办或被市民申请复核的数量 ÷ 本期处理完毕的案件数。",
  },
  {
    id: "satisfaction",
    label: "满意率",
    numerator: "satisfied",
    denominator: "rated",
    definition: "本期评价为“满意”或“基本满意”的数量 ÷ 本期评价总数。",
  },
] as const satisfies readonly {
  id: string;
  label: string;
  numerator: Metric;
  denominator: Metric;
  definition: string;
}[];
export type RateId = (typeof RATES)[number]["id"];

export const emptyCounts = (): Counts => Object.fromEntries(METRICS.map((m) => [m, 0])) as Counts;

/** Each rate as a fraction in [0, 1], or null when nothing was due to be counted. */
export function ratesOf(counts: Counts): Record<RateId, number | null> {
  return Object.fromEntries(
    RATES.map((r) => [r.id, counts[r.denominator] > 0 ? counts[r.numerator] / counts[r.denominator] : null]),
  ) as Record<RateId, number | null>;
}

/** "94.7%" (one decimal), or "—" when there is nothing to measure. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
