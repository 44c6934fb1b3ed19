// The calendar page's calls: the staff calendar's own and the desk's list of reachable points.
import { calendarApi } from "../../../../lib/appointments/staff-calendar-api";
import { deskApi } from "../../../../lib/appointments/staff-desk-api";

export const staffCalendarApi = { ...calendarApi, points: deskApi.points };
