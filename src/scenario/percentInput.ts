import { fail } from "../errors.ts";
import { quoteValue } from "../format.ts";

/*
 * Percentages as planners type them into the pane: "3", "3%" and "0.03" are
 * all 3%. A number with a per cent sign, or a bare number of 1 or more (or -1
 * or less), is per cent; a bare number between -1 and 1 is a fraction. What
 * was understood is said back ("read as 3%"), so "0.5" meant as half a per
 * cent shows as 50% before anything runs.
 */

export interface PercentRange {
  /** The smallest and largest values accepted, as fractions. */
  min: number;
  max: number;
  /** What the value is of, for messages: "a year". */
  per?: string;
}

/** What each of the pane's percentages may be: wide enough for any plan, narrow enough to catch a slip of a digit. */
export const PERCENT_RANGES = {
  activityGrowth: { min: -0.5, max: 1, per: "a year" },
  payAward: { min: -0.1, max: 0.5, per: "a year" },
  headroom: { min: 0, max: 1 },
  bankPremium: { min: 0, max: 5 },
  agencyPremium: { min: 0, max: 5 },
  vacancyFill: { min: 0, max: 1, per: "a year" },
  productivityChange: { min: -0.5, max: 0.5, per: "a year" },
  retention: { min: 0, max: 1 },
  skillShift: { min: 0, max: 1 },
} satisfies Record<string, PercentRange>;

export interface PercentRead {
  fraction: number;
  /** "3%", for the pane to show beside the field. */
  understood: string;
}

const NUMBER = /^([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(%?)$/;

/** Per cent to two decimal places at most, without trailing zeros: 3%, 2.5%, 0.25%. */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

export function readPercent(text: string, label: string, range: PercentRange): PercentRead {
  const trimmed = text.trim();
  if (trimmed === "") fail("value", `${label} is empty: type a percentage such as 3 or 3%`, label);
  const match = NUMBER.exec(trimmed);
  if (!match) fail("value", `${label} ${quoteValue(text)} is not a percentage: type a number such as 3, 3% or 0.03`, label);
  const value = Number(match[1]!.replace(",", "."));
  const fraction = match[2] || Math.abs(value) >= 1 ? value / 100 : value;
  const per = range.per ? ` ${range.per}` : "";
  if (fraction < range.min || fraction > range.max) {
    fail(
      "num",
      `${label} of ${percentText(fraction)}${per} is outside what a plan can use: give ${percentText(range.min)} to ${percentText(range.max)}`,
      label,
    );
  }
  return { fraction, understood: percentText(fraction) };
}
