// The booking being written, with its Idempotency-Key, kept in localStorage as the sweeps' sign-up
// draft is (src/lib/sweeps/draft.ts): a reload keeps what was typed, and a retry after a lost answer
// sends the same key, so it cannot book twice. A refusal (nothing written) or another slot starts a
// new key: the API refuses a key reused for another body.

export interface BookingDraft {
  idempotencyKey: string;
  name: string;
  phone: string;
  shopName: string;
  shopAddress: string;
  licenceNumber: string;
  applicationNumber: string;
}

const KEY = "appointment-booking";

export function newBookingDraft(idempotencyKey: string, from: Partial<BookingDraft> = {}): BookingDraft {
  return {
    name: "",
    phone: "",
    shopName: "",
    shopAddress: "",
    licenceNumber: "",
    applicationNumber: "",
    ...from,
    idempotencyKey,
  };
}

export function loadBookingDraft(): BookingDraft | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null");
    if (!saved || typeof saved.idempotencyKey !== "string" || !saved.idempotencyKey) return null;
    const draft = newBookingDraft(saved.idempotencyKey);
    for (const k of Object.keys(draft) as (keyof BookingDraft)[]) if (typeof saved[k] === "string") draft[k] = saved[k];
    return draft;
  } catch {
    return null;
  }
}

export function saveBookingDraft(draft: BookingDraft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives on in memory.
  }
}

export function clearBookingDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to clear
  }
}

/** The draft as the API takes it, for a slot: the optional numbers only when typed. */
export function bookingInput(d: BookingDraft, slotId: string) {
  return {
    slotId,
    name: d.name,
    phone: d.phone,
    shopName: d.shopName,
    shopAddress: d.shopAddress,
    ...(d.licenceNumber.trim() ? { licenceNumber: d.licenceNumber } : {}),
    ...(d.applicationNumber.trim() ? { applicationNumber: d.applicationNumber } : {}),
  };
}
