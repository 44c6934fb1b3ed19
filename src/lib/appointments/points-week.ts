// The points page's one script: this ISO week's real opening of each point (holidays, make-up days,
// closures), read from GET /api/appointments/points into the point's section (data-week="<id>"). Text
// only (textContent), so nothing from the answer is read as markup.
import type { PointList, PublicPoint } from "../../shared/appointments/wire";
import { formatDateZh } from "../../shared/time";
import { request } from "../kit/request";

// The weekday from Intl, so the page's one script does not pull in the islands' format module.
const WEEKDAY = new Intl.DateTimeFormat("zh-CN", { weekday: "short", timeZone: "UTC" });
const dayLabel = (day: string) => `${formatDateZh(day)}（${WEEKDAY.format(new Date(`${day}T00:00:00Z`))}）`;

const el = (doc: Document, tag: string, text = "", className = "") => {
  const node = doc.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** The sentence for a week below the minimum: how many hours it opens, and why (the closed days' notes). */
export function belowMinimumText(week: PublicPoint["week"], minimum: number): string {
  const why = [
    ...new Set(
      week.days
        .filter((d) => d.hours.length === 0)
        .map((d) => d.note)
        .filter((n): n is string => !!n),
    ),
  ].join("、");
  return `本周${why ? `因${why}` : ""}只开放 ${week.hours} 小时，低于每周 ${minimum} 小时的标准。请预约下周的时段，或选择其他服务点。`;
}

/** One point's week: a line per day that opens or has a note, the week's total, and a week below the minimum explained. */
export function renderWeek(doc: Document, box: Element, point: PublicPoint, minimum: number): void {
  const { week } = point;
  box.replaceChildren();
  if (week.days.length === 0) {
    box.append(el(doc, "p", "这一周的法定节假日安排尚未公布，开放时间以服务点公告为准。"));
    box.setAttribute("data-loaded", "");
    return;
  }
  const list = el(doc, "ul");
  for (const d of week.days.filter((x) => x.hours.length > 0 || x.note)) {
    const text = d.hours.length > 0 ? `${dayLabel(d.day)} ${d.hours.join("、")}` : `${dayLabel(d.day)} 不开放`;
    list.append(el(doc, "li", d.note ? `${text}（${d.note}）` : text, d.hours.length > 0 ? "" : "closed"));
  }
  box.append(list, el(doc, "p", `本周合计 ${week.hours} 小时。`));
  if (week.belowMinimum) box.append(el(doc, "p", belowMinimumText(week, minimum), "callout"));
  box.setAttribute("data-loaded", "");
}

/** Fills every data-week box of the page; a failure says so in each box. */
export async function showWeeks(doc: Document): Promise<void> {
  const boxes = [...doc.querySelectorAll("[data-week]")];
  for (const box of boxes) box.replaceChildren(el(doc, "p", "正在读取本周的实际开放时间…"));
  try {
    const list = await request<PointList>("/api/appointments/points");
    for (const box of boxes) {
      const point = list.points.find((p) => p.id === box.getAttribute("data-week"));
      if (point) renderWeek(doc, box, point, list.minimumWeeklyHours);
    }
  } catch {
    for (const box of boxes)
      box.replaceChildren(el(doc, "p", "本周实际开放时间没有读取成功，请刷新页面后再试，或按上面的每周办公时间前往。"));
  }
}
