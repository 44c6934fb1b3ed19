import { chosenPlace, type Draft, pointCommunity, resolvedPlace, STEP_TITLES, STEPS } from "../../lib/complaints/draft";
import { categoryIn, communityIn, useFilingData } from "../../lib/complaints/filing-data";
import type { PhotoItem } from "./useDraft";

interface Props {
  draft: Draft;
  photos: PhotoItem[];
  onEdit: (step: number) => void;
}

/** Everything entered, section by section, each with the way back to change it. */
export function ReviewStep({ draft, photos, onEdit }: Props) {
  const data = useFilingData();
  const category = categoryIn(data, draft.categoryId);
  const community = pointCommunity(data, draft) ?? communityIn(data, draft.communityId);
  const sections: [number, [string, string][]][] = [
    [0, [["类别", category ? `${category.label}（${category.majorName} · ${category.name}）` : "未选择"]]],
    [
      1,
      [
        ["地址或地标（不公开）", draft.addressText],
        ["公开显示的地点", (chosenPlace(data, draft) ?? resolvedPlace(data, draft))?.name ?? "由工作人员核实后填写"],
        ["所在社区", community ? `${community.subdistrict}${community.name}` : "未选择"],
        [
          "位置",
          !pointCommunity(data, draft)
            ? "未标出位置"
            : draft.pointSource === "map"
              ? "已在地图上标出"
              : "已使用本机位置",
        ],
      ],
    ],
    [
      2,
      [
        ["问题描述", draft.description],
        ["照片", photos.length ? `${photos.length} 张` : "无"],
      ],
    ],
    [
      3,
      [
        ["称呼", draft.name.trim() || "未填写"],
        ["回访", draft.callbackWanted ? `需要，手机号 ${draft.phone}` : "不需要"],
        ["个人信息", draft.consent ? "已同意处理说明" : "未同意"],
      ],
    ],
  ];
  return (
    <>
      <p>请核对以下内容。提交后将生成案件编号和查询链接。</p>
      {sections.map(([step, rows]) => {
        const title = STEP_TITLES[STEPS[step] ?? "review"];
        return (
          <section className="review" key={step} aria-labelledby={`review-${step}`}>
            <h3 id={`review-${step}`}>{title}</h3>
            <dl className="facts">
              {rows.map(([term, value]) => (
                <div key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {step === 2 && photos.length > 0 && (
              <ul className="photo-list small">
                {photos.map((p, i) => (
                  <li key={p.id}>
                    <img src={p.url} alt={`第 ${i + 1} 张照片`} width={p.width} height={p.height} />
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="secondary small" onClick={() => onEdit(step)}>
              修改{title}
            </button>
          </section>
        );
      })}
    </>
  );
}
