import { quoteValue } from "../format.ts";
import { fail } from "../errors.ts";

/**
 * An NHS financial year, written as planners write it: "2025/26" runs from
 * 1 April 2025 to 31 March 2026. Tax-year figures (National Insurance, from
 * 6 April) are filed under the financial year that starts in the same April:
 * the model treats the two years as the same year, five days apart.
 */
export type FinancialYear = `${number}/${number}`;

const YEAR_PATTERNS = [/^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/, /^(?:fy\s*)?(\d{4})$/i];

/** The financial year starting in April of `startCalendarYear`. */
export function financialYear(startCalendarYear: number): FinancialYear {
  const end = String((startCalendarYear + 1) % 100).padStart(2, "0");
  return `${startCalendarYear}/${end}` as FinancialYear;
}

export function startCalendarYear(year: FinancialYear): number {
  return Number(year.slice(0, 4));
}

/** The year after `year`: "2025/26" gives "2026/27". */
export function nextYear(year: FinancialYear, by = 1): FinancialYear {
  return financialYear(startCalendarYear(year) + by);
}

/**
 * Reads a year as analysts type it: "2025/26", "2025-26", "2025/2026" or 2025
 * (the calendar year in which the financial year starts).
 */
export function parseFinancialYear(input: unknown, field = "year"): FinancialYear {
  if (typeof input === "number" && Number.isInteger(input) && input >= 1948 && input <= 2200) {
    return financialYear(input);
  }
  if (typeof input === "string") {
    const text = input.trim();
    for (const pattern of YEAR_PATTERNS) {
      const match = pattern.exec(text);
      if (!match) continue;
      const start = Number(match[1]);
      const end = match[2];
      if (end !== undefined) {
        const matches = end.length === 4 ? Number(end) === start + 1 : Number(end) === (start + 1) % 100;
        if (!matches) {
          fail(
            "value",
            `${field} ${quoteValue(text)} is not a financial year: the second year must follow the first (for example 2025/26)`,
            field,
          );
        }
      }
      return financialYear(start);
    }
  }
  return fail("value", `${field} ${quoteValue(input)} is not a financial year: write 2025/26, 2025-26 or 2025`, field);
}
