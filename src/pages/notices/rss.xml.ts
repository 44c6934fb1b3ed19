import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { sortedNotices } from "../../lib/collections";
import { BUREAU } from "../../shared/publishing";
import { dayStart } from "../../shared/time";

export const GET: APIRoute = async ({ site }) => {
  const notices = await sortedNotices();
  return rss({
    title: `${BUREAU.name} · 通知公告`,
    description: `${BUREAU.name}发布的通知公告`,
    site: site ?? "https://portal.qingxi.example",
    customData: "<language>zh-cn</language>",
    // Opened in a browser (the footer links here), the feed shows as a page explaining itself.
    stylesheet: "/rss.xsl",
    items: notices.map((n) => ({
      title: n.data.title,
      description: n.data.summary,
      pubDate: dayStart(n.data.date),
      link: `/notices/${n.id}/`,
      categories: [n.data.kind],
    })),
  });
};
