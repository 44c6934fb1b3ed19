// What personal data may look like outside the staff console.

/**
 * The street-level part of an address a resident typed: cut before the first house number or
 * building part ("临河路 88 号 3 单元" → "临河路"), so a public view never points at a home.
 */
export function streetLevel(address: string): string {
  const cut = address.search(/[0-9０-９一二三四五六七八九十]+\s*(号|栋|幢|单元|室|楼|弄|巷)|[0-9０-９#＃]/);
  const street = (cut === -1 ? address : address.slice(0, cut)).replace(/[\s,，、(（-]+$/, "").trim();
  return street.length >= 2 ? street : "（地址已隐去）";
}

/** 13812341234 → 138****1234: enough for staff to recognise a caller, not to dial them. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? "" : `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
}

/** Days after a case closes before the reporter's name and phone are anonymised (the privacy notice says so). */
export const CONTACT_RETENTION_DAYS = 180;
