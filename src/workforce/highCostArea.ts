import { quoteValue } from "../format.ts";
import { fail, requireNonNegative } from "../errors.ts";
import { HCAS_AREA_NAMES, highCostAreaYear, type AreaOrNone, type FinancialYear } from "../reference/index.ts";

const AREA_ALIASES: Record<string, AreaOrNone> = {
  inner: "inner",
  "inner london": "inner",
  outer: "outer",
  "outer london": "outer",
  fringe: "fringe",
  none: "none",
  "": "none",
  no: "none",
};

export const AREA_HELP = 'use "inner", "outer", "fringe" or "none"';

export function parseArea(input: unknown, field = "area"): AreaOrNone {
  if (input === undefined || input === null) return "none";
  if (typeof input === "string") {
    const area = AREA_ALIASES[input.trim().toLowerCase()];
    if (area) return area;
  }
  return fail("value", `${field} ${quoteValue(input)} is not a high cost area: ${AREA_HELP}`, field);
}

/**
 * High Cost Area Supplement for a whole-time salary (Handbook section 4, Annex
 * 9): the area's percentage of basic salary, raised to the minimum or cut to
 * the maximum payment. Part-time staff receive the whole-time supplement pro
 * rata to their FTE, so the minimum and maximum scale with FTE too.
 */
export function highCostAreaSupplement(wholeTimeSalary: number, area: AreaOrNone, year: FinancialYear, fte = 1): number {
  requireNonNegative(wholeTimeSalary, "salary");
  requireNonNegative(fte, "fte");
  if (area === "none") return 0;
  const rates = highCostAreaYear(year).areas[area];
  if (!rates) return fail("value", `no ${HCAS_AREA_NAMES[area]} rate in ${year}`, "area");
  const wholeTime = Math.min(rates.maximum, Math.max(rates.minimum, (wholeTimeSalary * rates.percent) / 100));
  return wholeTime * fte;
}
