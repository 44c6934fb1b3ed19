// The service point's signboard applications: a point's queue by deadline, the overdue board, intake
// from a booking number, and one application (its number in the address, ?n=) with the steps the
// table allows from where it is. Each step's outcome is said in the page's live region.
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../../lib/kit/problem";
import type {
  ApplicationQueue,
  ApplicationQueueItem,
  StaffApplicationView,
} from "../../../../shared/appointments/applications-wire";
import { formatDateZh } from "../../../../shared/time";
import { Field } from "../../../forms/Field";
import { PageStatus } from "../../../forms/PageStatus";
import { useFocusLater } from "../../../forms/useFocusLater";
import { ApplicationPanel, daysLeftText } from "../../ApplicationPanel";
import { PointSelect, useServicePoints } from "../ServicePoints";
import { ApplicationActions } from "./ApplicationActions";
import { applicationsApi } from "./applications-api";

const numberInAddress = () => new URLSearchParams(window.location.search).get("n") ?? "";

export function ApplicationsWorkspace({ canAct }: { canAct: boolean }) {
  const [queue, setQueue] = useState<ApplicationQueue | null>(null);
  const [overdue, setOverdue] = useState<ApplicationQueue | null>(null);
  const [view, setView] = useState<StaffApplicationView | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const focus = useFocusLater();

  const { points, pointId, setPointId } = useServicePoints(applicationsApi.points, setError);

  const loadLists = useCallback(async (point: string) => {
    const [q, o] = await Promise.all([applicationsApi.queue(point), applicationsApi.overdue()]);
    setQueue(q);
    setOverdue(o);
  }, []);

  useEffect(() => {
    if (pointId) loadLists(pointId).catch((err) => setError(errorMessage(err)));
  }, [pointId, loadLists]);

  const open = useCallback(
    async (n: string) => {
      setError("");
      try {
        setView(await applicationsApi.get(n));
        const url = new URL(window.location.href);
        url.searchParams.set("n", n);
        window.history.replaceState(null, "", url);
        focus("application-detail-heading");
      } catch (err) {
        setError(errorMessage(err, "没有打开这件申请。"));
      }
    },
    [focus],
  );

  useEffect(() => {
    const n = numberInAddress();
    if (n) open(n);
  }, [open]);

  /** Runs a step; a refusal is said as the API says it, and a stale view is read again. */
  async function run(done: string, task: () => Promise<unknown>) {
    if (busy || !view) return;
    setBusy(true);
    setError("");
    setStatus("");
    try {
      await task();
      setView(await applicationsApi.get(view.applicationNumber));
      setStatus(done);
      focus("application-detail-heading");
      if (pointId) await loadLists(pointId).catch(() => undefined);
    } catch (err) {
      setError(errorMessage(err, "操作没有成功，请重试。"));
      if (err instanceof ApiError && err.status === 409) {
        setView(await applicationsApi.get(view.applicationNumber).catch(() => view));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="applications">
      <PageStatus status={status} error={error} />
      {points.length > 1 && (
        <PointSelect id="applications-point" points={points} value={pointId} onChange={setPointId} />
      )}
      {canAct && <IntakeForm onReceived={(v) => open(v.applicationNumber).then(() => setStatus("已登记收件。"))} />}
      {view && (
        <section className="application-detail" aria-labelledby="application-detail-heading">
          <h2 id="application-detail-heading" tabIndex={-1}>
            申请 {view.applicationNumber}：{view.shopName}
          </h2>
          <p>
            申请人 {view.applicant.name}（{view.applicant.phone}），收件预约号 {view.applicant.bookingNumber}，店铺地址{" "}
            {view.applicant.shopAddress}
          </p>
          {canAct && <ApplicationActions view={view} busy={busy} run={run} />}
          <ApplicationPanel application={view} headingId="application-detail-panel" />
        </section>
      )}
      <QueueTable
        id="applications-queue"
        title="办理中的申请（按期限）"
        empty="这个服务点没有办理中的申请。"
        items={queue?.items ?? null}
        onOpen={open}
      />
      <QueueTable
        id="applications-overdue"
        title="逾期看板"
        empty="没有逾期的申请。"
        items={overdue?.items ?? null}
        onOpen={open}
        showPoint
      />
    </div>
  );
}

function IntakeForm({ onReceived }: { onReceived: (v: StaffApplicationView) => void }) {
  const [bookingNumber, setBookingNumber] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onReceived(await applicationsApi.intake(bookingNumber.trim()));
      setBookingNumber("");
    } catch (err) {
      setError(errorMessage(err, "没有登记成功，请重试。"));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form applications-intake" onSubmit={submit} noValidate>
      <h2>收件登记</h2>
      <Field
        id="applications-booking"
        label="现场收件的预约号"
        hint="已签到或今天的“现场收件”预约，如 YY8K2M4P6Q"
        error={error}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            autoComplete="off"
            value={bookingNumber}
            onChange={(e) => setBookingNumber(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" aria-disabled={busy || undefined}>
        登记为申请
      </button>
    </form>
  );
}

function QueueTable(props: {
  id: string;
  title: string;
  empty: string;
  items: ApplicationQueueItem[] | null;
  onOpen: (n: string) => void;
  showPoint?: boolean;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.items === null ? (
        <p>正在读取…</p>
      ) : props.items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                {props.showPoint && <th scope="col">服务点</th>}
                <th scope="col">店铺</th>
                <th scope="col">步骤</th>
                <th scope="col">期限</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={i.applicationNumber} className={i.overdue ? "overdue" : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => props.onOpen(i.applicationNumber)}>
                      {i.applicationNumber}
                    </button>
                  </td>
                  {props.showPoint && <td>{i.pointName}</td>}
                  <td>{i.shopName}</td>
                  <td>{i.stepLabel}</td>
                  <td>
                    {formatDateZh(i.dueOn)}（{daysLeftText(i.workingDaysLeft) ?? "期限待定"}）
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
