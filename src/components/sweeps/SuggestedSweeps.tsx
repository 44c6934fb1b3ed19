import { useEffect, useState } from "react";
import { listSweeps } from "../../lib/sweeps/api";
import { NO_FILTER } from "../../lib/sweeps/filters";
import { ratiosOfList, shouldSuggest, suggestionsFor } from "../../lib/sweeps/suggest";
import type { PublicSweep } from "../../shared/sweeps/wire";
import { addDays, chinaDay } from "../../shared/time";
import { SweepCard } from "./SweepCard";

/**
 * Shown on a sweep's page when it is full, or when its community is already well covered beside the
 * least covered (src/lib/sweeps/suggest.ts): sweeps at a similar time nearby that still have places,
 * those of the communities most in need first. Nothing is shown when there are none or the list does
 * not load.
 */
export function SuggestedSweeps({ sweep }: { sweep: PublicSweep }) {
  const [suggested, setSuggested] = useState<PublicSweep[]>([]);
  const full = sweep.placesLeft <= 0;

  useEffect(() => {
    const day = chinaDay(sweep.startsAt);
    // Days compare as strings; the list never reaches into the past.
    const from = [addDays(day, -3), chinaDay()].sort()[1] ?? day;
    listSweeps({ ...NO_FILTER, from, to: addDays(day, 3) }).then(
      (list) => {
        const coverage = ratiosOfList(list.coverage);
        setSuggested(shouldSuggest(sweep, coverage) ? suggestionsFor(sweep, list.sweeps, { coverage }) : []);
      },
      () => setSuggested([]),
    );
  }, [sweep]);

  if (suggested.length === 0) return null;
  return (
    <section aria-labelledby="suggested-heading">
      <h2 id="suggested-heading">{full ? "这些活动时间相近，还有名额" : "这些社区更需要志愿者"}</h2>
      <p>
        {full
          ? "这场已报满。下面的活动时间相近、离得不远，标有“最需要志愿者”的社区人手最缺："
          : "这个社区报名的人已经较多。下面的活动时间相近、离得不远，所在社区更缺人手，也欢迎您报名："}
      </p>
      <ul className="sweep-cards">
        {suggested.map((s) => (
          <SweepCard key={s.id} sweep={s} />
        ))}
      </ul>
    </section>
  );
}
