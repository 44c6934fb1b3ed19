import type { IcsAppointment } from "../../../src/shared/appointments/ics";

/** One booking as the calendar file is made from it: read line by line (ics.test.ts) and by ICAL.js (ics-parse.test.ts). */
export const booking: IcsAppointment = {
  bookingNumber: "YY7K3M9Q2T",
  version: 2,
  cancelled: false,
  serviceName: "现场收件",
  pointName: "临河街道为民服务点",
  location: "临河街道滨河路 1 号, 一楼; 东门",
  start: "2026-12-08T01:00:00.000Z",
  end: "2026-12-08T01:30:00.000Z",
  bring: [{ item: "营业执照" }, { item: "效果图", note: "A4，含相邻店招" }],
  url: "https://example.org/appointments/manage/#t=abc",
};

/** The file's DTSTAMP. */
export const now = new Date("2026-12-01T18:15:09.123Z");
