// The sign-up being written for one sweep, with its Idempotency-Key, kept in localStorage as the
// complaint draft is (src/lib/complaints/draft.ts): a reload keeps what was typed, and a retry
// after a lost answer sends the same key, so it cannot sign the person up twice.

export interface SignupDraft {
  /** One per draft: every attempt of this sign-up sends the same key. */
  idempotencyKey: string;
  name: string;
  phone: string;
  organisation: string;
  /** "YYYY-MM", as <input type="month"> gives it. */
  birthMonth: string;
  volunteerNumber: string;
  /** Asked only of a person under 18 on the sweep's day (sent only then: see SignupForm). */
  guardianName: string;
  guardianPhone: string;
  consent: boolean;
}

const keyOf = (sweepId: string) => `sweep-signup-${sweepId}`;

/** A blank draft; the key is made in the browser, never at build time. */
export function newSignupDraft(idempotencyKey: string): SignupDraft {
  return {
    idempotencyKey,
    name: "",
    phone: "",
    organisation: "",
    birthMonth: "",
    volunteerNumber: "",
    guardianName: "",
    guardianPhone: "",
    consent: false,
  };
}

export function loadSignupDraft(sweepId: string): SignupDraft | null {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(sweepId)) ?? "null");
    if (!saved || typeof saved.idempotencyKey !== "string" || !saved.idempotencyKey) return null;
    const draft = { ...newSignupDraft(saved.idempotencyKey), ...saved } as SignupDraft;
    draft.consent = draft.consent === true;
    return draft;
  } catch {
    return null;
  }
}

export function saveSignupDraft(sweepId: string, draft: SignupDraft): void {
  try {
    localStorage.setItem(keyOf(sweepId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives on in memory.
  }
}

export function clearSignupDraft(sweepId: string): void {
  try {
    localStorage.removeItem(keyOf(sweepId));
  } catch {
    // nothing kept, nothing to clear
  }
}

/** The draft as the API takes it: the optional number only when typed. */
export function signupInput(d: SignupDraft) {
  return {
    name: d.name,
    phone: d.phone,
    organisation: d.organisation,
    birthMonth: d.birthMonth,
    ...(d.volunteerNumber.trim() ? { volunteerNumber: d.volunteerNumber } : {}),
    consent: d.consent,
  };
}
