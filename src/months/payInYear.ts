/*
 * The pay award as each plan year pays it. wfplan applies the award from the
 * second plan year (the first year's pay is the published table, paid from
 * April as awards are backdated); an award paid from a later month leaves
 * the months before it at last year's pay, so the year costs what it pays:
 * the mean of its months. With the award from April the year's factor is the
 * award's, exactly as before months were planned.
 */

/**
 * For each plan year (0-based), its pay factor as paid in the year, and the
 * pay in force in each of its months (1 = last year's pay for the months
 * before the award, relative to this year's first plan year's pay).
 */
export function payInYear(factors: readonly number[], awardMonth: number): { payFactors: number[]; payByMonth: number[][] } {
  const payByMonth = factors.map((factor, y) =>
    Array.from({ length: 12 }, (_, m) => (y > 0 && m + 1 < awardMonth ? factors[y - 1]! : factor)),
  );
  const payFactors = factors.map((factor, y) => (y === 0 || awardMonth === 1 ? factor : payByMonth[y]!.reduce((a, b) => a + b, 0) / 12));
  return { payFactors, payByMonth };
}
