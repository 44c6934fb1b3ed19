import { agesText, placesText, sweepDate, sweepTime } from "../../lib/sweeps/format";
import { sweepPath } from "../../lib/sweeps/manage-link";
import type { PublicSweep } from "../../shared/sweeps/wire";

/** One sweep in the list: what a student decides by, and the link to its page and sign-up form. */
export function SweepCard({ sweep }: { sweep: PublicSweep }) {
  const full = sweep.placesLeft <= 0;
  return (
    <li className="card sweep-card">
      {sweep.mostNeeded && <p className="needed">最需要志愿者</p>}
      <h3>
        <a href={sweepPath(sweep.id)}>
          {sweepDate(sweep)} {sweepTime(sweep)} · {sweep.communityName}
        </a>
      </h3>
      <p>集合地点：{sweep.meetingPoint}</p>
      <p className={full ? "full" : undefined}>{placesText(sweep)}</p>
      <p>适合年龄：{agesText(sweep)}</p>
    </li>
  );
}
