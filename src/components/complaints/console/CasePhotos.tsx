import type { CasePhoto } from "../../../shared/complaints/console-wire";

const STAGES = [
  { stage: "report", heading: "市民上报的照片", alt: (n: number) => `市民上报的第 ${n} 张照片` },
  { stage: "result", heading: "处置结果照片", alt: (n: number) => `处置结果第 ${n} 张照片` },
] as const;

/** The reporter's photos and the unit's result photos, each group under its own heading. */
export function CasePhotos({ photos }: { photos: CasePhoto[] }) {
  return (
    <section aria-labelledby="case-photos-heading">
      <h3 id="case-photos-heading">照片</h3>
      {photos.length === 0 && <p className="muted">本案件没有照片。</p>}
      {STAGES.map(({ stage, heading, alt }) => {
        const ofStage = photos.filter((p) => p.stage === stage);
        return (
          ofStage.length > 0 && (
            <figure key={stage} className="case-photos">
              <figcaption>{heading}</figcaption>
              <ul className="photo-grid">
                {ofStage.map((p, i) => (
                  <li key={p.id}>
                    <a href={p.url} target="_blank" rel="noopener">
                      <img src={p.url} alt={alt(i + 1)} loading="lazy" />
                      <span className="visually-hidden">（在新窗口中打开原图）</span>
                    </a>
                  </li>
                ))}
              </ul>
            </figure>
          )
        );
      })}
    </section>
  );
}
