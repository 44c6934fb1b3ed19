import { useState } from "react";
import { cancelBooking, manageView } from "../../lib/appointments/api";
import { MESSAGE_LABELS, STATUS_LABELS, whenText } from "../../lib/appointments/format";
import { errorMessage } from "../../lib/kit/problem";
import type { AppointmentView } from "../../shared/appointments/wire";
import { ManageTokenSchema } from "../../shared/sweeps/schemas";
import { formatDateTimeZh } from "../../shared/time";
import { PageStatus } from "../forms/PageStatus";
import { useFocusLater } from "../forms/useFocusLater";
import { useLinkSecret } from "../forms/useLinkSecret";
import { ApplicationPanel } from "./ApplicationPanel";
import { CalendarDownload } from "./CalendarDownload";
import { CancelBooking } from "./CancelBooking";
import { Checklist } from "./Checklist";
import { DrawingUpload } from "./DrawingUpload";
import { ReschedulePanel } from "./ReschedulePanel";

/**
 * A booking's page, opened by the manage link: the secret in the fragment goes only in the
 * x-manage-token header. Status, time and place, what to bring, messages, the calendar file,
 * rescheduling and cancelling until the cut-off.
 */
interface Props {
  pointNames: Record<string, string>;
  hotline: string;
  cutoffHours: number;
}

export default function ManageAppointment({ pointNames, hotline, cutoffHours }: Props) {
  const {
    secret: token,
    view,
    setView,
    status,
    setStatus,
    error,
    setError,
  } = useLinkSecret({
    schema: ManageTokenSchema,
    open: manageView,
    missing: "管理链接不完整。请从预约成功页面完整复制链接后打开。",
  });
  const [busy, setBusy] = useState(false);
  const focus = useFocusLater();

  async function reload(t: string, message: string) {
    setView(await manageView(t));
    setStatus(message);
    focus("manage-heading");
  }

  async function cancel() {
    if (!token || busy) return;
    setBusy(true);
    setError("");
    try {
      const { status: done } = await cancelBooking(token);
      await reload(token, done === "late_cancelled" ? "预约已取消（记为截止后取消）。" : "预约已取消。");
    } catch (err) {
      setError(errorMessage(err, "取消没有成功，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  }

  const upcoming = view !== null && view.status === "booked" && Date.parse(view.start) > Date.now();
  return (
    <div className="manage">
      <PageStatus status={status} error={error} />
      {view && token && (
        <>
          <h2 id="manage-heading" tabIndex={-1}>
            预约号 <span className="booking-number">{view.bookingNumber}</span>
          </h2>
          <p className="status-line">
            状态：<strong>{STATUS_LABELS[view.status]}</strong>
          </p>
          <Facts view={view} />
          {view.application && <ApplicationPanel application={view.application} />}
          {view.status === "booked" && <Checklist bring={view.bring} headingId="manage-bring" />}
          <DrawingUpload token={token} status={view.status} service={view.service} />
          <h3>日历文件</h3>
          <p>
            {view.status === "booked"
              ? "日历文件总是按预约的最新时间生成：改期后请重新下载，日历会更新原来的提醒。"
              : "预约已不再有效：下载的日历文件会从日历中删除原来的提醒。"}
          </p>
          <CalendarDownload
            token={token}
            label={view.status === "booked" ? "下载日历文件（.ics）" : "下载取消用的日历文件（.ics）"}
          />
          {view.closure && <ClosureNotice closure={view.closure} pointNames={pointNames} />}
          {view.canChange && (
            <ReschedulePanel
              token={token}
              view={view}
              pointNames={pointNames}
              onDone={(r) => reload(token, `已改期到 ${whenText(r)}。日历文件已更新，请重新下载，替换原来的提醒。`)}
            />
          )}
          {upcoming && !view.canChange && (
            <p className="callout">
              距开始已不足 {cutoffHours} 小时，不能再在线改期。如需改期请取消后重新预约，或拨打{" "}
              <a href={`tel:${hotline}`}>{hotline}</a>。
            </p>
          )}
          {!upcoming && view.status === "booked" && <p className="callout">预约时间已过，不能再改期或取消。</p>}
          {(view.status === "cancelled" || view.status === "late_cancelled") && !view.closure && (
            <p className="callout">
              这个预约已取消，不能再改期。需要办理的请<a href="/appointments/">重新预约</a>。
            </p>
          )}
          {upcoming && (
            <CancelBooking late={!view.canChange} cutoff={view.cancelDeadline} busy={busy} onCancel={cancel} />
          )}
          <Messages messages={view.messages} />
        </>
      )}
    </div>
  );
}

/** A booking the point cancelled (staff closed it): why, and the nearest free slots to move to below. */
function ClosureNotice({
  closure,
  pointNames,
}: {
  closure: NonNullable<AppointmentView["closure"]>;
  pointNames: Record<string, string>;
}) {
  return (
    <div className="callout" role="note">
      <p>服务点{closure.note}，您的预约已由服务点取消（不计为您的取消或未到）。请选择新的时间：</p>
      {closure.nearestFree.length > 0 && (
        <ul>
          {closure.nearestFree.map((s) => (
            <li key={s.id}>
              {whenText(s)}，{pointNames[s.pointId] ?? s.pointId}（余 {s.placesLeft} 个）
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Facts({ view }: { view: AppointmentView }) {
  const shop = view.service === "inspection";
  return (
    <dl className="facts">
      <div>
        <dt>服务</dt>
        <dd>{view.serviceName}</dd>
      </div>
      <div>
        <dt>时间</dt>
        <dd>{whenText(view)}</dd>
      </div>
      <div>
        <dt>地点</dt>
        <dd>
          {shop
            ? `工作人员到店查看：${view.shopAddress}（${view.point.name}）`
            : `${view.point.name}，${view.point.address}`}
        </dd>
      </div>
      <div>
        <dt>店铺</dt>
        <dd>{view.shopName}</dd>
      </div>
      <div>
        <dt>预约人</dt>
        <dd>
          {view.name}，{view.phone}
        </dd>
      </div>
      {view.applicationNumber && (
        <div>
          <dt>申请编号</dt>
          <dd>{view.applicationNumber}</dd>
        </div>
      )}
      {view.status === "booked" && (
        <div>
          <dt>改期取消</dt>
          <dd>{formatDateTimeZh(view.cancelDeadline)} 前可在线改期或取消</dd>
        </div>
      )}
    </dl>
  );
}

function Messages({ messages }: { messages: AppointmentView["messages"] }) {
  return (
    <>
      <h3>消息</h3>
      {messages.length === 0 ? (
        <p>还没有消息。</p>
      ) : (
        <ol className="messages">
          {messages.map((m) => (
            <li key={`${m.createdAt}-${m.kind}`}>
              <time dateTime={m.createdAt}>{formatDateTimeZh(m.createdAt)}</time>
              <p>{MESSAGE_LABELS[m.kind] ?? "新消息"}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
