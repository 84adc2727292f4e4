import { fail } from "../errors.ts";
import { quoteValue } from "../format.ts";

/*
 * The months of an NHS financial year, April (month 1, "M1") to March (M12),
 * as operational plans and the Provider Workforce Return count them, and
 * how planners write one: "Sep", "September", "Sept" or "M6".
 */

export const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"] as const;
export type MonthName = (typeof MONTHS)[number];

const FULL = ["april", "may", "june", "july", "august", "september", "october", "november", "december", "january", "february", "march"];

/** A financial year's month (1 = April, 12 = March) by its name as planners write it, or undefined. */
export function monthNumber(text: string): number | undefined {
  const word = text.trim().toLowerCase().replace(/\.$/, "");
  const index = /^m(\d{1,2})$/.exec(word);
  if (index) {
    const n = Number(index[1]);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  if (word.length < 3) return undefined;
  const found = FULL.findIndex((name) => name.startsWith(word) || (word === "sept" && name === "september"));
  return found < 0 ? undefined : found + 1;
}

/** Reads a month, failing with what to type: a plain number is refused, as 6 could be June or M6 (September). */
export function readMonth(text: string, label: string): number {
  const month = monthNumber(text);
  if (month !== undefined) return month;
  const hint = /^\s*\d+\s*$/.test(text)
    ? `a number alone could be a calendar month or the financial year's: type its name (Sep) or M6 for the sixth month, September`
    : "type a month's name (Apr to Mar) or M1 to M12 (M1 is April)";
  return fail("value", `${label} ${quoteValue(text)} is not a month: ${hint}`, label);
}

/** A month's short name: 1 is "Apr". */
export const monthName = (month: number): MonthName => MONTHS[month - 1]!;
