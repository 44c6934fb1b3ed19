import { useCallback, useEffect, useRef, useState } from "react";
import { announce, clockRange, matching, walkInSlots, withEntry } from "../../../lib/appointments/staff-desk";
import { type DeskAction, deskApi } from "../../../lib/appointments/staff-desk-api";
import { ApiError, errorMessage } from "../../../lib/kit/problem";
import type { WalkInInput } from "../../../shared/appointments/desk-schemas";
import type { DeskDay, DeskEntry } from "../../../shared/appointments/wire";
import { chinaDay, formatChinaTime } from "../../../shared/time";
import { PageStatus } from "../../forms/PageStatus";
import { DeskList } from "./DeskList";
import { DeskWalkInForm } from "./DeskWalkInForm";
import { PointSelect, useServicePoints } from "./ServicePoints";

/** How often the day refreshes itself while the page is in view (another tablet's steps, new bookings). */
const REFRESH_MS = 60_000;

/**
 * The service point's desk on a tablet: pick the point (a clerk has only their own) and the day;
 * the day's bookings in order with a big tap per step, notes, walk-ins onto today's free slots and
 * the inspection team's visits with addresses. Every step's outcome is said in a polite live region;
 * the day refreshes itself quietly every minute while the page is visible and nobody is typing.
 */
export function DeskWorkspace() {
  const [date, setDate] = useState(() => chinaDay());
  const [day, setDay] = useState<DeskDay | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState("");
  const [refreshedAt, setRefreshedAt] = useState("");
  const editing = useRef(false);
  const busyRef = useRef(false);

  const { points, pointId, setPointId } = useServicePoints(deskApi.points, setError);

  const load = useCallback(async (point: string, on: string) => {
    const view = await deskApi.day(point, on);
    setDay(view);
    setRefreshedAt(formatChinaTime(new Date()).slice(11, 16));
    return view;
  }, []);

  useEffect(() => {
    if (!pointId) return;
    setError("");
    load(pointId, date).catch((err) => setError(errorMessage(err)));
  }, [pointId, date, load]);

  // Polite auto-refresh: only while visible, idle and nobody is writing a note; says nothing aloud.
  useEffect(() => {
    if (!pointId) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== "visible" || busyRef.current || editing.current) return;
      load(pointId, date).catch(() => {
        // A missed refresh is retried by the next one; the steps say their own failures.
      });
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [pointId, date, load]);

  /** Runs one step; a refusal is said as the API says it, and a stale view is refreshed. */
  async function run(task: () => Promise<string>) {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError("");
    setStatus("");
    try {
      setStatus(await task());
    } catch (err) {
      setError(
        err instanceof ApiError && err.kind === "network"
          ? "网络中断，这一步没有完成。请稍后再点一次（重复点击不会重复记录）。"
          : errorMessage(err, "操作没有成功，请重试。"),
      );
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) {
        await load(pointId, date).catch(() => undefined);
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  const act = (action: DeskAction, entry: DeskEntry) =>
    run(async () => {
      const from = entry.status === "attended" || entry.status === "no_show" ? entry.status : undefined;
      const result = await deskApi.step(pointId, entry.id, action, from);
      setDay((old) => (old ? withEntry(old, result.entry) : old));
      return announce(action, result);
    });

  async function walkIn(input: WalkInInput) {
    try {
      const result = await deskApi.walkIn(pointId, input);
      setDay((old) => (old ? withEntry(old, result.entry) : old));
      setStatus(`已为 ${result.entry.name} 现场登记并签到，预约号 ${result.entry.bookingNumber}。`);
      return result;
    } catch (err) {
      // A slot that filled meanwhile: show the places as they are now.
      if (err instanceof ApiError && err.status === 409) await load(pointId, date).catch(() => undefined);
      throw err;
    }
  }

  async function saveNote(entry: DeskEntry, note: string, previous: string | null) {
    const result = await deskApi.note(pointId, entry.id, { note, previous });
    setDay((old) => (old ? withEntry(old, result.entry) : old));
    return result;
  }

  const refresh = () =>
    run(async () => {
      await load(pointId, date);
      return "已刷新。";
    });

  const pointName = points.find((p) => p.id === pointId)?.name ?? "";
  return (
    <div className="desk">
      <PageStatus status={status} error={error} />
      <form className="desk-pick" onSubmit={(e) => e.preventDefault()}>
        {points.length > 1 ? (
          <PointSelect id="desk-point" points={points} value={pointId} onChange={setPointId} />
        ) : (
          <p className="desk-point-name">{pointName}</p>
        )}
        <div className="field">
          <label htmlFor="desk-date">日期</label>
          <input id="desk-date" type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="desk-search">查找（姓名、电话、店名或预约号）</label>
          <input id="desk-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="actions">
          <button type="button" className="secondary" aria-disabled={busy || !pointId || undefined} onClick={refresh}>
            刷新
          </button>
        </div>
      </form>
      {day && (
        <>
          <p className="muted">
            {day.point.name} · {day.point.address} · {refreshedAt && `${refreshedAt} 更新，每分钟自动刷新`}
            {!day.canAct && " · 只读"}
          </p>
          <ul className="desk-counts" aria-label="当日人数">
            <li>
              待到 <strong>{day.counts.booked}</strong>
            </li>
            <li>
              已签到 <strong>{day.counts.attended}</strong>
            </li>
            <li>
              未到 <strong>{day.counts.noShow}</strong>
            </li>
            <li>
              现场登记 <strong>{day.counts.walkIn}</strong>
            </li>
            <li>
              取消 <strong>{day.counts.cancelled}</strong>
            </li>
          </ul>
          <div className="desk-columns">
            <section aria-labelledby="desk-heading" className="desk-main">
              <h2 id="desk-heading">窗口预约（咨询、收件）</h2>
              <DeskList
                entries={matching(day.desk, search)}
                day={day}
                busy={busy}
                onAct={act}
                saveNote={saveNote}
                onNoted={setStatus}
                onEditing={(on) => {
                  editing.current = on;
                }}
              />
              <h2 id="visits-heading">现场查看（上门）</h2>
              <DeskList
                entries={matching(day.inspection, search)}
                day={day}
                visits
                busy={busy}
                onAct={act}
                saveNote={saveNote}
                onNoted={setStatus}
                onEditing={(on) => {
                  editing.current = on;
                }}
              />
            </section>
            <aside className="desk-side" aria-label="空余时段与现场登记">
              <h2>当日空余</h2>
              <FreeSlots day={day} />
              {day.today && day.canAct && <DeskWalkInForm slots={walkInSlots(day)} add={walkIn} />}
            </aside>
          </div>
        </>
      )}
    </div>
  );
}

function FreeSlots({ day }: { day: DeskDay }) {
  if (day.slots.length === 0) return <p>这一天服务点不开放。</p>;
  return (
    <table className="desk-slots">
      <caption className="visually-hidden">各时段名额</caption>
      <thead>
        <tr>
          <th scope="col">时段</th>
          <th scope="col">服务</th>
          <th scope="col">空位</th>
        </tr>
      </thead>
      <tbody>
        {day.slots.map((s) => (
          <tr key={s.slotId}>
            <td>{s.windowName ?? clockRange(s.start, s.end)}</td>
            <td>{s.serviceName}</td>
            <td>
              {s.free} / {s.capacity}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
