import { useMemo, useState } from "react";
import {
  acceptMinutesOf,
  categoryIn,
  type FilingCategory,
  type FilingData,
  useFilingData,
} from "../../lib/complaints/filing-data";
import { findCategories } from "../../shared/complaints/category-finder";
import { BUREAU } from "../../shared/publishing";
import { FieldError } from "../forms/Field";
import { CategoryRadios } from "./CategoryRadios";

const OTHER = "other";
/** As CATEGORY_TYPE_LABELS (categories.ts), which the island does not import. */
const TYPE_LABELS = { event: "事件", component: "部件" } as const;

function groupsOf(data: FilingData) {
  return data.groups.map((g) => ({
    key: `${g.type}-${g.code}`,
    label: g.label,
    official: `${TYPE_LABELS[g.type]} · ${g.name}`,
    categories: g.categoryIds.flatMap((id) => categoryIn(data, id) ?? []),
  }));
}

/** The plain name residents know, with the official class below it for those who know that one. */
function Plain({ label, official }: { label: string; official?: string }) {
  return (
    <span>
      {label}
      {official && official !== label && <span className="category-official"> {official}</span>}
    </span>
  );
}

const option = (c: FilingCategory, official = c.name) => ({
  value: c.id,
  label: <Plain label={c.label} official={official} />,
});

interface Props {
  categoryId: string;
  error?: string;
  onChange: (categoryId: string) => void;
}

/** The two-level category picker (major class, then the problem), with a finder for everyday words. */
export function CategoryStep({ categoryId, error, onChange }: Props) {
  const data = useFilingData();
  const GROUPS = useMemo(() => groupsOf(data), [data]);
  const groupOf = (id: string) =>
    id === OTHER ? OTHER : (GROUPS.find((g) => g.categories.some((c) => c.id === id))?.key ?? "");
  const otherLabel = categoryIn(data, OTHER)?.label ?? "";
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const major = picked ?? groupOf(categoryId);
  const group = GROUPS.find((g) => g.key === major);
  const q = query.trim();
  const found = q ? findCategories(data.categories, q) : [];
  const errorId = error ? "categoryId-error" : undefined;
  const chosen = categoryIn(data, categoryId);

  const pickMajor = (key: string) => {
    setPicked(key);
    if (key === OTHER) onChange(OTHER);
    else if (groupOf(categoryId) !== key) onChange("");
  };

  return (
    <>
      <div className="field">
        <label htmlFor="category-search">查找问题类别</label>
        <p id="category-search-hint" className="hint muted">
          用自己的话写，如“楼下有人摆摊”“井盖丢了”；也可以直接在下面按分类选择。
        </p>
        <input
          id="category-search"
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby="category-search-hint"
          onChange={(e) => setQuery(e.target.value)}
        />
        <p role="status" className="muted">
          {q ? (found.length ? `找到 ${found.length} 个类别` : `没有找到“${q}”，可以选择“${otherLabel}”`) : ""}
        </p>
      </div>
      <FieldError id="categoryId" error={error} />
      {q ? (
        <CategoryRadios
          name="found"
          legend="查找结果"
          errorId={errorId}
          value={categoryId}
          onChange={(id) => {
            setPicked(groupOf(id));
            onChange(id);
          }}
          options={[...found.map((c) => option(c, `${c.majorName} · ${c.name}`)), { value: OTHER, label: otherLabel }]}
        />
      ) : (
        <>
          <CategoryRadios
            name="major"
            legend="大类"
            errorId={errorId}
            value={major}
            onChange={pickMajor}
            options={[
              ...GROUPS.map((g) => ({ value: g.key, label: <Plain label={g.label} official={g.official} /> })),
              { value: OTHER, label: otherLabel },
            ]}
          />
          {group && (
            <CategoryRadios
              name="minor"
              legend={`具体问题（${group.label}）`}
              errorId={errorId}
              value={categoryId}
              onChange={onChange}
              options={group.categories.map((c) => option(c))}
            />
          )}
        </>
      )}
      {chosen?.urgent && (
        <p className="callout">
          这类问题按紧急案件办理，提交后 {acceptMinutesOf(data, chosen)} 分钟内受理派遣。如果已危及人身安全，请先拨打{" "}
          <a href="tel:110">110</a>、<a href="tel:119">119</a> 或 <a href={`tel:${BUREAU.hotline}`}>{BUREAU.hotline}</a>
          。
        </p>
      )}
    </>
  );
}
