import { problem } from "../problem";

// What the database's refusals (migrations/0017's triggers and indexes) mean to the merchant: each
// RAISE message and constraint name becomes one problem. Anything else is rethrown by the caller.

const REFUSALS: [string, string][] = [
  ["slot_full", "这个时段已约满，请选择其他时段。"],
  ["appointments.person_key, appointments.service", "这个手机号已有一个同类服务的有效预约，请先取消或改期原预约。"],
  ["slot_mismatch", "预约时段与服务点或服务类型不符。"],
  ["appointment_fixed", "预约的服务类型和预约人不能修改。"],
  // migrations/0020: staff closed the point over this slot meanwhile (training, weather).
  ["point_closed", "服务点在这个时段临时闭门，请选择其他时段。"],
];

/** The problem for a refusal the database raised, or undefined when the error is something else. */
export function refusalOf(err: unknown, extensions?: Record<string, unknown>) {
  const message = String((err as Error)?.message ?? err);
  const found = REFUSALS.find(([key]) => message.includes(key));
  return found ? problem(409, { detail: found[1], ...(extensions ? { extensions } : {}) }) : undefined;
}

export const isRefusal = (err: unknown, key: string) => String((err as Error)?.message ?? err).includes(key);
