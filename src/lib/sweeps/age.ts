// Age from the birth year and month the sign-up form asks for (no birthday: we ask for no more than
// the age rules need). Pure: tests/unit/sweeps/age.test.ts.

/**
 * Whole years on a China-time day ("2026-12-05") of someone born in "2010-05": counted from the
 * first of the birth month, the youngest they can be, so nobody under an age limit passes it.
 */
export function ageOn(birthMonth: string, day: string): number | null {
  const b = /^(\d{4})-(\d{2})$/.exec(birthMonth);
  const d = /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (!b || !d) return null;
  const [by, bm, dy, dm] = [Number(b[1]), Number(b[2]), Number(d[1]), Number(d[2])];
  if (bm < 1 || bm > 12) return null;
  // Born in month bm, they turn one year older at the latest on the last day of bm: until the
  // month after, count them the younger age.
  return dy - by - (dm <= bm ? 1 : 0);
}
