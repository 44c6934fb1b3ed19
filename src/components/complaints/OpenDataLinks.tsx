import { useEffect, useState } from "react";
import { lastDays } from "../../shared/time";

/**
 * The open-data files for the last 30 days (China time). The days are reckoned in the browser,
 * not at build time, so the links are never stale.
 */
export default function OpenDataLinks() {
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  useEffect(() => setRange(lastDays(30)), []);
  if (!range) return null;
  const query = new URLSearchParams(range);
  return (
    <ul className="open-data">
      <li>
        <a href={`/api/complaints/open-data.csv?${query}`}>
          下载 CSV（{range.from} 至 {range.to}）
        </a>
      </li>
      <li>
        <a href={`/api/complaints/open-data.json?${query}`}>
          下载 JSON（{range.from} 至 {range.to}）
        </a>
      </li>
    </ul>
  );
}
