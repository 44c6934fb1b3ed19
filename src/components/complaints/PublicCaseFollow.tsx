import { useEffect, useState } from "react";
import { readFollowed, saveFollowed, withFollowed, withoutFollowed, withSeen } from "../../lib/complaints/followed";
import { caseFeedPath } from "../../shared/complaints/case-page";
import type { PublicCaseDetail } from "../../shared/complaints/wire";

export const followTitle = (view: PublicCaseDetail) => `${view.categoryName} · ${view.place}`;

/**
 * Following a case: a list kept in this browser (shown at /complaints/c/, with the cases that moved
 * since the last visit), and the case's Atom feed for a feed reader. Neither tells the server who
 * follows what.
 */
export function PublicCaseFollow({ view }: { view: PublicCaseDetail }) {
  const [following, setFollowing] = useState(false);
  const [status, setStatus] = useState("");
  const steps = view.timeline.length;
  const title = followTitle(view);

  // Opening a followed case counts as seeing its steps so far.
  useEffect(() => {
    const list = readFollowed();
    const followed = list.some((f) => f.caseNumber === view.caseNumber);
    setFollowing(followed);
    if (followed) saveFollowed(withSeen(list, view.caseNumber, steps, title));
  }, [view.caseNumber, steps, title]);

  const toggle = () => {
    const list = readFollowed();
    const next = following
      ? withoutFollowed(list, view.caseNumber)
      : withFollowed(list, { caseNumber: view.caseNumber, title, seenSteps: steps });
    if (!saveFollowed(next)) {
      setStatus("这个浏览器不能保存关注（可能是无痕模式）：请复制本页链接，或用阅读器订阅。");
      return;
    }
    setFollowing(!following);
    setStatus(following ? "已取消关注。" : "已关注：在“案件公示”页（/complaints/c/）可以看到它有没有新进展。");
  };

  return (
    <section aria-labelledby="follow-heading">
      <h3 id="follow-heading">关注进度</h3>
      <div className="actions">
        <button type="button" className="secondary" aria-pressed={following} onClick={toggle}>
          {following ? "已关注" : "关注这件投诉"}
        </button>
        <a href={caseFeedPath(view.caseNumber)} type="application/atom+xml">
          用阅读器订阅（Atom）
        </a>
      </div>
      <p role="status">{status}</p>
      <p className="muted">
        关注只保存在这个浏览器里；换了手机或浏览器，请保存本页链接。<a href="/feeds/#feed-cases">什么是阅读器订阅？</a>
      </p>
    </section>
  );
}
