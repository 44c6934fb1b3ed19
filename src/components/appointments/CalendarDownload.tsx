import { useState } from "react";
import { calendarFile } from "../../lib/appointments/api";
import { errorMessage } from "../../lib/kit/problem";

/**
 * Saves the booking's calendar file as the Worker writes it now (its time and place after a
 * reschedule, with a raised SEQUENCE, so the calendar replaces the entry instead of adding one).
 */
export function CalendarDownload({ token, label = "添加到日历（.ics 文件）" }: { token: string; label?: string }) {
  const [status, setStatus] = useState("");
  const save = async () => {
    setStatus("正在生成日历文件…");
    try {
      const { name, blob } = await calendarFile(token);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(`已生成日历文件 ${name}，用手机或电脑的日历打开即可添加。`);
    } catch (err) {
      setStatus(errorMessage(err, "日历文件没有生成，请稍后再试。"));
    }
  };
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={save}>
        {label}
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
