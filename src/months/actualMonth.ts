import { normalHeader } from "../scenario/link.ts";
import { monthNumber } from "./calendar.ts";

/*
 * The month of a row of actuals, as ESR and finance extracts give it: a
 * month's name ("Apr", "April", "Apr-26", "April 2026"), "M1" or "Month 1",
 * the Provider Workforce Return's month number (1 is April, 12 March), an
 * ISO month ("2026-04"), or a date as Excel stores it (a serial number).
 * With a year given, the month must fall in the plan year.
 */

export type ActualMonthRead = { month: number } | { problem: string };

/** Excel's serial day 1 is 1 January 1900 (with its 1900 leap-year bug, so day 60 is the missing 29 February). */
function fromSerial(serial: number): { year: number; month: number } {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** A calendar month in a calendar year as the plan year's month (1 April ... 12 March), or a problem when it is outside it. */
function inPlanYear(year: number, calendarMonth: number, planYear: string): ActualMonthRead {
  const first = Number(planYear.slice(0, 4));
  const month = calendarMonth >= 4 ? calendarMonth - 3 : calendarMonth + 9;
  const expected = calendarMonth >= 4 ? first : first + 1;
  if (year !== expected) return { problem: `is not a month of the plan year ${planYear} (April ${first} to March ${first + 1})` };
  return { month };
}

export function readActualMonth(value: unknown, planYear: string): ActualMonthRead {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1 && value <= 12) return { month: value };
    if (value >= 367) {
      const { year, month } = fromSerial(value);
      return inPlanYear(year, month, planYear);
    }
    return { problem: "is not a month: give its name (Apr), M1 to M12, the PWR's 1 to 12 (1 is April) or a date" };
  }
  const text = String(value ?? "").trim();
  const iso = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(text);
  if (iso) return inPlanYear(Number(iso[1]), Number(iso[2]), planYear);
  const words = normalHeader(text).split(" ").filter(Boolean);
  if (words[0] === "month" && words.length === 2) {
    const month = monthNumber(`m${words[1]}`);
    if (month !== undefined) return { month };
  }
  const month = words.length >= 1 && words.length <= 2 ? monthNumber(words[0]!) : undefined;
  if (month !== undefined && words.length === 1) return { month };
  if (month !== undefined && /^\d{2}(\d{2})?$/.test(words[1]!)) {
    const year = words[1]!.length === 2 ? 2000 + Number(words[1]) : Number(words[1]);
    const calendarMonth = ((month + 2) % 12) + 1;
    return inPlanYear(year, calendarMonth, planYear);
  }
  return { problem: "is not a month: give its name (Apr), M1 to M12, the PWR's 1 to 12 (1 is April) or a date" };
}
