import type { MouseEvent } from "react";
import { queryOfFilter, VIEW_LABELS } from "../../../lib/complaints/console";
import type { CaseView } from "../../../shared/complaints/staff-schemas";

interface Props {
  views: CaseView[];
  current: CaseView;
  onChange: (view: CaseView) => void;
}

/**
 * The list's views as links (each a real address, so it can be opened in a new tab); a plain
 * click switches in place.
 */
export function CaseViewTabs({ views, current, onChange }: Props) {
  const click = (view: CaseView) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onChange(view);
  };
  return (
    <nav aria-label="案件视图">
      <ul className="filters view-tabs">
        {views.map((view) => (
          <li key={view}>
            <a
              href={queryOfFilter({ view })}
              aria-current={view === current ? "page" : undefined}
              onClick={click(view)}
            >
              {VIEW_LABELS[view]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
