// What personal data may look like outside the staff console. A public view never shows what a
// resident typed about the place: it names a gazetteer road or place (src/shared/complaints/places.ts).

/** 13812341234 → 138****1234: enough for staff to recognise a caller, not to dial them. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}

/** An app's account id (Open311), like the phone: wx_12345678 → wx***78, a short one *** only. */
export function maskAccountId(id: string): string {
  return id.length >= 8 ? `${id.slice(0, 2)}***${id.slice(-2)}` : "***";
}

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? "" : `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
}

/** Days after a case closes before the reporter's name and phone are anonymised (the privacy notice says so). */
export const CONTACT_RETENTION_DAYS = 180;
