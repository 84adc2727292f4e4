import { fail } from "../errors.ts";
import { driverValue, type Driver } from "./drivers.ts";

/* A yearly driver as the run uses it: a running product of its changes, or a fraction checked year by year. */

/** Running product of (1 + driver) from year 2 onwards: year 1 is the baseline. */
export function cumulativeFactors(driver: Driver | undefined, years: number, inputs: Record<string, number>, field: string): number[] {
  const factors = [1];
  for (let year = 2; year <= years; year++) {
    const change = driverValue(driver, year, inputs, field);
    if (change <= -1)
      fail("num", `${field} in year ${year} is ${change}: a fall of 100% or more leaves nothing (-0.05 is a 5% fall)`, field);
    const factor = factors[year - 2]! * (1 + change);
    if (!Number.isFinite(factor) || factor > 1e6) {
      fail("num", `${field} grows a million-fold by year ${year}: write growth as a fraction (0.03 is 3% a year)`, field);
    }
    factors.push(factor);
  }
  return factors;
}

export function checkFraction(value: number, field: string, year: number): number {
  if (value < 0 || value > 1) fail("num", `${field} in year ${year} is ${value}: it must be a fraction from 0 to 1`, field);
  return value;
}
