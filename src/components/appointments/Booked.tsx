import { useEffect } from "react";
import type { CatalogueService } from "../../lib/appointments/catalogue";
import { whenText } from "../../lib/appointments/format";
import { manageLink } from "../../lib/appointments/manage-link";
import type { BookingResult } from "../../shared/appointments/wire";
import { formatDateTimeZh } from "../../shared/time";
import { CopyButton } from "../forms/CopyButton";
import { CalendarDownload } from "./CalendarDownload";
import { Checklist } from "./Checklist";

interface Props {
  result: BookingResult;
  service: CatalogueService;
  point: { name: string; address: string };
  shopAddress: string;
  cancelCutoffHours: number;
}

/** The answer: the booking number, when and where, what to bring, the calendar file and the manage link to keep. */
export function Booked({ result, service, point, shopAddress, cancelCutoffHours }: Props) {
  const link = manageLink(location.origin, result.managePath);
  // The answer replaces the form: focus goes to its heading, read first by a screen reader.
  useEffect(() => document.getElementById("booked-heading")?.focus(), []);
  const cutoff = new Date(Date.parse(result.start) - cancelCutoffHours * 3_600_000);
  return (
    <section className="booked" aria-labelledby="booked-heading">
      <h2 id="booked-heading" tabIndex={-1}>
        预约成功
      </h2>
      <p>
        预约号 <span className="booking-number">{result.bookingNumber}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>服务</dt>
          <dd>{service.name}</dd>
        </div>
        <div>
          <dt>时间</dt>
          <dd>{whenText(result)}</dd>
        </div>
        {service.where === "shop" ? (
          <div>
            <dt>地点</dt>
            <dd>
              工作人员在这段时间内到店查看：{shopAddress}（{point.name}）
            </dd>
          </div>
        ) : (
          <div>
            <dt>地点</dt>
            <dd>
              {point.name}，{point.address}
            </dd>
          </div>
        )}
      </dl>
      <Checklist bring={service.bring} headingId="booked-bring" />
      <h3>添加到日历</h3>
      <CalendarDownload token={result.manageToken} />
      <section className="save-link" aria-labelledby="save-link-heading">
        <h3 id="save-link-heading">请保存管理链接</h3>
        <p>
          这个链接是您查看预约、改期或取消的唯一凭证：请现在收藏或复制保存，不要转发或公开。
          {formatDateTimeZh(cutoff)} 前可以在线改期或取消。
        </p>
        <p className="manage-link">
          <a href={link}>{link}</a>
        </p>
        <CopyButton text={link} label="复制管理链接" />
      </section>
      <p>
        <a href="/appointments/points/">服务点地址和开放时间</a>
      </p>
    </section>
  );
}
