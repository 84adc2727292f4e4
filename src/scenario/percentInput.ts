import { fail } from "../errors.ts";
import { quoteValue } from "../format.ts";
import { driverValue } from "./drivers.ts";

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
  /** The first plan year a yearly value acts in: 2 for growth and the pay award, which move year 1's baseline on. */
  from?: number;
}

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

/** A yearly driver as the pane read it: one value, one per year, or an expression, with what was understood. */
export interface YearlyRead {
  /** A fraction, fractions by year (the last repeats), or an expression over named inputs, `year` and `t`. */
  value: number | number[] | string;
  understood: string;
}

/** Year values as a planner reads them: "3% a year", or "year 2: 3%, year 3: 2.5%, year 4 on: 2%". */
function yearsText(fractions: readonly number[], per: string, from: number, years: number): string {
  if (fractions.every((f) => f === fractions[0])) return `${percentText(fractions[0]!)}${per}`;
  return fractions
    .map((f, i) => {
      const year = from + i;
      return `year ${year}${i === fractions.length - 1 && year < years ? " on" : ""}: ${percentText(f)}`;
    })
    .join(", ");
}

/**
 * A yearly percentage as planners type it: one value ("3%"); one per year,
 * separated by ";" or ", " ("3; 2.5; 2", the last repeating for later
 * years); or "=" and an expression over the workbook's named inputs, `year`
 * (1, 2, ...) and `t` (0, 1, ...), as in a cell ("=BaseGrowth + 0.5%"). Each
 * year's value is checked against the range and said back. A comma with no
 * space after it is a decimal comma ("2,5" is 2.5%).
 */
export function readYearlyPercent(
  text: string,
  label: string,
  range: PercentRange,
  context: { years: number; inputs?: Readonly<Record<string, number>> },
): YearlyRead {
  const trimmed = text.trim();
  const per = range.per ? ` ${range.per}` : "";
  const from = range.from ?? 1;
  if (trimmed.startsWith("=")) {
    const expression = trimmed.slice(1).trim();
    if (!expression) fail("value", `${label} is an "=" with nothing after it: type an expression such as =2% + 0.5% * t`, label);
    const fractions: number[] = [];
    for (let year = from; year <= Math.max(from, context.years); year++) {
      const fraction = driverValue(expression, year, context.inputs ?? {}, label);
      if (fraction < range.min || fraction > range.max)
        fail(
          "num",
          `${label} "=${expression}" gives ${percentText(fraction)}${per} in year ${year}, outside what a plan can use: give ${percentText(range.min)} to ${percentText(range.max)}`,
          label,
        );
      fractions.push(fraction);
    }
    return { value: expression, understood: `=${expression}: ${yearsText(fractions, per, from, context.years)}` };
  }
  const parts = trimmed.split(/\s*;\s*|,\s+/);
  if (parts.length === 1) {
    const one = readPercent(trimmed, label, range);
    return { value: one.fraction, understood: one.understood };
  }
  // One value per year from the first year the driver acts in; the model's list starts at year 1, so years before are filled with the first.
  const fractions = parts.map((part, i) => readPercent(part, `${label} for year ${from + i}`, range).fraction);
  const span = Math.max(1, context.years - from + 1);
  const ignored = fractions.length > span ? ` (the plan ends in year ${context.years}: the last ${fractions.length - span} ignored)` : "";
  return {
    value: [...new Array<number>(from - 1).fill(fractions[0]!), ...fractions],
    understood: `${yearsText(fractions.slice(0, span), per, from, context.years)}${ignored}`,
  };
}

/**
 * Pounds as a finance lead types them: "2070000", "2,070,000", "£2,070,000",
 * "£2.07m" or "£450k"; blank is not given (undefined). Anything else fails
 * saying how to type it.
 */
export function readPounds(text: string, label: string): number | undefined {
  const typed = text.trim();
  if (typed === "") return undefined;
  // Thousands grouped by commas, or no commas at all; then millions (m) or thousands (k), as finance papers write them.
  const match = /^£?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*([mk])?$/i.exec(typed);
  if (!match)
    fail(
      "value",
      `${label} ${quoteValue(text)} is not an amount in pounds: type it as 2070000, £2,070,000 or £2.07m, or leave it blank`,
      label,
    );
  const scale = match[2]?.toLowerCase() === "m" ? 1e6 : match[2] ? 1e3 : 1;
  return Math.round(Number(match[1]!.replace(/,/g, "")) * scale * 100) / 100;
}
