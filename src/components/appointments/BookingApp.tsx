import { lazy, Suspense, useEffect, useState } from "react";
import { listSlots } from "../../lib/appointments/api";
import type { Catalogue } from "../../lib/appointments/catalogue";
import { whenText } from "../../lib/appointments/format";
import { errorMessage } from "../../lib/kit/problem";
import type { ServiceId } from "../../shared/appointments/points";
import type { BookingResult, FreeSlot, SlotListResult } from "../../shared/appointments/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { useLatestRequest } from "../forms/useLatestRequest";
import { PointPicker, ServicePicker } from "./ChoosePlace";
import { SlotPicker } from "./SlotPicker";

// The form (with the booking schema and its validators) and the answer load once a service is
// chosen, not with the page: the page's first load stays within its JavaScript budget. One chunk
// for both (BookingForm.tsx passes Booked on): every file built is one more `_headers` rule.
const BookingForm = lazy(() => import("./BookingForm").then((m) => ({ default: m.BookingForm })));
const Booked = lazy(() => import("./BookingForm").then((m) => ({ default: m.Booked })));

/**
 * Booking at /appointments/: the service type, the point (or the earliest, or the nearest), the free
 * slots by day, the merchant's details, and the answer with the manage link. `?service=` and
 * `?point=` in the address preselect (the points page links with them).
 */
export default function BookingApp({ catalogue }: { catalogue: Catalogue }) {
  const [service, setService] = useState<ServiceId | null>(null);
  const [point, setPoint] = useState("any");
  const [list, setList] = useState<SlotListResult | null>(null);
  const [listError, setListError] = useState("");
  const { busy: loading, load } = useLatestRequest();
  const [slot, setSlot] = useState<FreeSlot | null>(null);
  const [taken, setTaken] = useState<FreeSlot[]>([]);
  const [booked, setBooked] = useState<{ result: BookingResult; shopAddress: string } | null>(null);
  const focus = useFocusLater();
  const names = Object.fromEntries(catalogue.points.map((p) => [p.id, p.name]));
  const chosen = catalogue.services.find((s) => s.id === service);

  useEffect(() => {
    const q = new URLSearchParams(location.search);
    const s = catalogue.services.find((x) => x.id === q.get("service"));
    if (s) setService(s.id);
    const p = q.get("point");
    if (p && catalogue.points.some((x) => x.id === p)) setPoint(p);
  }, [catalogue]);

  useEffect(() => {
    if (!service) return;
    setSlot(null);
    setTaken([]);
    setListError("");
    load(
      () => listSlots(point, service),
      setList,
      (err) => {
        setList(null);
        setListError(errorMessage(err, "时段没有读取成功，请稍后再试。"));
      },
    );
  }, [service, point, load]);

  // The answer's chunk is fetched while the merchant types, so it is there when the booking is.
  useEffect(() => {
    if (service) import("./BookingForm");
  }, [service]);

  if (booked && chosen) {
    const where = catalogue.points.find((p) => p.id === booked.result.slotId.split(":")[0]);
    return (
      <Suspense fallback={<p role="status">预约成功，正在显示结果…</p>}>
        <Booked
          result={booked.result}
          service={chosen}
          point={where ?? { name: "", address: "" }}
          shopAddress={booked.shopAddress}
          cancelCutoffHours={catalogue.cancelCutoffHours}
        />
      </Suspense>
    );
  }

  const pick = (s: FreeSlot) => {
    setSlot(s);
    setTaken([]);
  };

  return (
    <>
      <section className="step" aria-labelledby="step-service">
        <h2 id="step-service">1. 选择服务和服务点</h2>
        <ServicePicker services={catalogue.services} value={service} onChange={setService} />
        <PointPicker points={catalogue.points} value={point} onChange={setPoint} />
      </section>
      <section className="step" aria-labelledby="step-slot">
        <h2 id="step-slot">2. 选择时段</h2>
        <p role="status">{loading ? "正在读取可预约的时段…" : ""}</p>
        <div role="alert">{listError && <p className="error-summary">{listError}</p>}</div>
        {!service && <p>请先选择服务类型。</p>}
        {service && list && !loading && (
          <SlotList
            hotline={catalogue.hotline}
            list={list}
            horizonDays={catalogue.horizonDays}
            slot={slot}
            onSelect={pick}
            names={point === "any" ? names : undefined}
          />
        )}
      </section>
      {chosen && (
        <section className="step" aria-labelledby="step-details">
          <h2 id="step-details">3. 填写预约信息</h2>
          {taken.length > 0 && (
            <section className="taken" aria-labelledby="taken-heading">
              <h3 id="taken-heading" tabIndex={-1}>
                这个时段刚被约满，可以改选以下最近的空闲时段
              </h3>
              <SlotPicker
                id="appointment-alternatives"
                slots={taken}
                selected={null}
                onSelect={pick}
                pointNames={names}
              />
            </section>
          )}
          <p>
            {slot ? (
              <>
                已选：<strong>{whenText(slot)}</strong>，{names[slot.pointId]}
              </>
            ) : (
              "还没有选择时段：请在上面选择。"
            )}
          </p>
          <Suspense fallback={<p role="status">正在加载预约表单…</p>}>
            <BookingForm
              service={chosen}
              slot={slot}
              onBooked={(result, shopAddress) => setBooked({ result, shopAddress })}
              onTaken={(alternatives) => {
                setSlot(null);
                setTaken(alternatives);
                focus("taken-heading");
              }}
            />
          </Suspense>
        </section>
      )}
    </>
  );
}

/** The free slots, or why there are none: the horizon full, or days in a year whose holidays are not published yet. */
function SlotList({
  list,
  horizonDays,
  slot,
  onSelect,
  names,
  hotline,
}: {
  hotline: string;
  list: SlotListResult;
  horizonDays: number;
  slot: FreeSlot | null;
  onSelect: (s: FreeSlot) => void;
  names?: Record<string, string>;
}) {
  return (
    <>
      {list.unknownYears.length > 0 && (
        <p className="callout">
          {list.unknownYears.join("、")} 年的法定节假日安排尚未公布，这些日子暂不能预约；公布后即可预约。
        </p>
      )}
      {list.slots.length === 0 ? (
        <p>
          未来 {horizonDays} 天内没有空闲时段。请换一个服务点或选“最早可约”，也可以拨打{" "}
          <a href={`tel:${hotline}`}>{hotline}</a> 咨询。
        </p>
      ) : (
        <SlotPicker
          id="appointment-slots"
          slots={list.slots}
          selected={slot?.id ?? null}
          onSelect={onSelect}
          pointNames={names}
        />
      )}
    </>
  );
}
