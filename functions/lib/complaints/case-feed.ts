import { caseFeedPath, casePagePath } from "../../../src/shared/complaints/case-page";
import type { PublicCaseDetail } from "../../../src/shared/complaints/wire";
import { BUREAU } from "../../../src/shared/publishing";
import { formatDateTimeZh } from "../../../src/shared/time";

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);

/**
 * A case's public timeline as an Atom feed (RFC 4287): a feed reader follows the case without the
 * site keeping anything about the follower. One entry per public step, newest first; an entry's id
 * is its place in the public timeline, which only ever grows.
 */
export function caseFeed(c: PublicCaseDetail, origin: string): string {
  const page = `${origin}${casePagePath(c.caseNumber)}`;
  const updated = c.timeline.at(-1)?.at ?? c.receivedAt;
  const entries = c.timeline
    .map((e, i) => {
      const summary = [`状态：${e.stateLabel}`, e.unitName && `处置单位：${e.unitName}`, e.note && `答复：${e.note}`]
        .filter(Boolean)
        .join("；");
      return `  <entry>
    <id>${escapeXml(`${page}#step-${i + 1}`)}</id>
    <title>${escapeXml(`${e.label}（${formatDateTimeZh(e.at)}）`)}</title>
    <updated>${e.at}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>
    <summary>${escapeXml(summary)}</summary>
  </entry>`;
    })
    .reverse();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escapeXml(page)}</id>
  <title>${escapeXml(`投诉 ${c.caseNumber}：${c.categoryName}（${c.communityName}）`)}</title>
  <subtitle>${escapeXml(`${BUREAU.name}投诉公示：这件投诉的每一步办理进度。`)}</subtitle>
  <updated>${updated}</updated>
  <author><name>${escapeXml(BUREAU.name)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${caseFeedPath(c.caseNumber)}`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>
${entries.join("\n")}
</feed>
`;
}
