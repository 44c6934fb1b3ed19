// The cases this browser follows ("关注"), kept in localStorage: following needs no account and
// tells the server nothing about who follows what. Each entry remembers how many public steps the
// person has seen, so the lookup page can say which cases moved since.

const KEY = "complaint-followed";
/** Enough for a resident's own and supported cases; the oldest drop out first. */
export const MAX_FOLLOWED = 20;

export interface FollowedCase {
  caseNumber: string;
  /** What the list shows before the case is read again. */
  title: string;
  /** Public steps seen on the case's page. */
  seenSteps: number;
}

const CASE_NUMBER = /^\d{6}-\d{4,6}$/;

/** The stored list, or an empty one when it is missing or not ours (edited, another version). */
export function parseFollowed(text: string | null): FollowedCase[] {
  try {
    const list: unknown = JSON.parse(text ?? "[]");
    if (!Array.isArray(list)) return [];
    return list
      .filter(
        (f): f is FollowedCase =>
          typeof f?.caseNumber === "string" &&
          CASE_NUMBER.test(f.caseNumber) &&
          typeof f.title === "string" &&
          Number.isInteger(f.seenSteps),
      )
      .slice(0, MAX_FOLLOWED);
  } catch {
    return [];
  }
}

/** Adds or refreshes a case at the top of the list. */
export function withFollowed(list: readonly FollowedCase[], f: FollowedCase): FollowedCase[] {
  return [f, ...list.filter((x) => x.caseNumber !== f.caseNumber)].slice(0, MAX_FOLLOWED);
}

export const withoutFollowed = (list: readonly FollowedCase[], caseNumber: string) =>
  list.filter((x) => x.caseNumber !== caseNumber);

/** Records the steps seen, keeping the case's place in the list. */
export const withSeen = (list: readonly FollowedCase[], caseNumber: string, seenSteps: number, title: string) =>
  list.map((x) => (x.caseNumber === caseNumber ? { ...x, seenSteps, title } : x));

export function readFollowed(): FollowedCase[] {
  try {
    return parseFollowed(localStorage.getItem(KEY));
  } catch {
    return [];
  }
}

/** Saves the list; false when the browser keeps nothing (private mode, storage off). */
export function saveFollowed(list: readonly FollowedCase[]): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}
