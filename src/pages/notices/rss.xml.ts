import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { sortedNotices } from "../../lib/collections";
import { BUREAU } from "../../shared/publishing";

export const GET: APIRoute = async ({ site }) => {
  const notices = await sortedNotices();
  return rss({
    title: `${BUREAU.name} · 通知公告`,
    description: `${BUREAU.name}发布的通知公告`,
    site: site ?? "https://portal.qingxi.example",
    customData: "<language>zh-cn</language>",
    items: notices.map((n) => ({
      title: n.data.title,
      description: n.data.summary,
      pubDate: new Date(`${n.data.date}T00:00:00+08:00`),
      link: `/notices/${n.id}/`,
      categories: [n.data.kind],
    })),
  });
};
