import { useState } from "react";
import { icsSweepOf } from "../../lib/sweeps/format";
import { calendarFile } from "../../lib/sweeps/ics";
import type { PublicSweep } from "../../shared/sweeps/wire";

/**
 * Saves the sweep as a calendar file made in the browser (src/lib/sweeps/ics.ts): nothing is
 * fetched, and the entry links back to the manage page.
 */
export function CalendarButton({ sweep, manageUrl }: { sweep: PublicSweep; manageUrl: string }) {
  const [status, setStatus] = useState("");
  const save = () => {
    const { name, blob } = calendarFile(icsSweepOf(sweep, manageUrl), location.host);
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`已生成日历文件 ${name}，用手机的日历打开即可添加。`);
  };
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={save}>
        添加到日历（.ics 文件）
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
