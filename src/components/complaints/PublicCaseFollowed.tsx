import { useEffect, useState } from "react";
import { publicCaseDetail } from "../../lib/complaints/api";
import { type FollowedCase, readFollowed, saveFollowed, withoutFollowed } from "../../lib/complaints/followed";
import { casePagePath } from "../../shared/complaints/case-page";
import type { PublicCaseDetail } from "../../shared/complaints/wire";

type Fresh = Record<string, PublicCaseDetail | "gone">;

/** The cases this browser follows, each read again to say its state and whether it moved since. */
export function PublicCaseFollowed() {
  const [list, setList] = useState<FollowedCase[]>([]);
  const [fresh, setFresh] = useState<Fresh>({});

  useEffect(() => {
    const followed = readFollowed();
    setList(followed);
    let live = true;
    for (const f of followed) {
      publicCaseDetail(f.caseNumber)
        .then((view) => live && setFresh((m) => ({ ...m, [f.caseNumber]: view })))
        .catch(() => live && setFresh((m) => ({ ...m, [f.caseNumber]: "gone" })));
    }
    return () => {
      live = false;
    };
  }, []);

  const unfollow = (caseNumber: string) => {
    const next = withoutFollowed(list, caseNumber);
    saveFollowed(next);
    setList(next);
  };

  if (list.length === 0) {
    return <p className="muted">您还没有关注案件。打开一件案件的公示页，点“关注这件投诉”，它就会列在这里。</p>;
  }
  return (
    <section aria-labelledby="followed-heading">
      <h2 id="followed-heading">我关注的案件</h2>
      <ul className="cards followed-cases">
        {list.map((f) => {
          const now = fresh[f.caseNumber];
          const view = now && now !== "gone" ? now : null;
          const moved = view ? view.timeline.length - f.seenSteps : 0;
          return (
            <li className="card" key={f.caseNumber}>
              <h3>
                <a href={casePagePath(f.caseNumber)}>{view ? `${view.categoryName} · ${view.place}` : f.title}</a>
              </h3>
              <p className="muted">
                案件编号 {f.caseNumber}
                {view && `，${view.stateLabel}`}
                {now === "gone" && "，暂时读取不到"}
              </p>
              {moved > 0 && (
                <p>
                  <strong>有 {moved} 条新进展</strong>
                </p>
              )}
              <button type="button" className="secondary small" onClick={() => unfollow(f.caseNumber)}>
                取消关注<span className="visually-hidden">（案件 {f.caseNumber}）</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
