import { normalHeader } from "../scenario/link.ts";
import { monthNumber } from "./calendar.ts";

/*
 * The month columns of a table, found by their headers as planners write
 * them: "Apr", "April", "Apr-26", "April 2026", "M1" or "Month 1". A table
 * has months only when all twelve are there, each once.
 */

/** The column of each month, April first; undefined unless all twelve are found once each. */
export function monthColumns(headers: readonly unknown[]): number[] | undefined {
  const columns = new Array<number>(12).fill(-1);
  for (const [index, header] of headers.entries()) {
    const words = normalHeader(header).split(" ");
    const month = words[0] === "month" && words.length === 2 ? monthNumber(`m${words[1]}`) : words.length <= 2 ? monthOf(words) : undefined;
    if (month === undefined) continue;
    if (columns[month - 1]! >= 0) return undefined;
    columns[month - 1] = index;
  }
  return columns.every((c) => c >= 0) ? columns : undefined;
}

/** "apr", "april", "apr 26", "april 2026", "m1": a month, with at most a year after it. */
function monthOf(words: string[]): number | undefined {
  if (words.length === 2 && !/^\d{2}(\d{2})?$/.test(words[1]!)) return undefined;
  return monthNumber(words[0]!);
}
