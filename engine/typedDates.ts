import type { ConfigParams } from "hyperformula";

/*
 * Text typed into a cell (or written through Range.values) that Excel reads
 * as a date or a time becomes a number, and a cell in the General format is
 * given a date or time format so it shows as one: 01/04/2025 stays
 * 01/04/2025 on screen, not 45748. HyperFormula turns the text into the
 * number; this says which format the cell takes, by the same reader and
 * formats HyperFormula uses, so the two agree.
 */

type DateReading = Pick<ConfigParams, "dateFormats" | "timeFormats" | "parseDateTime">;

/** The number format a cell typed as `text` takes, or undefined when the text is not a date or a time. */
export function typedDateFormat(text: string, config: DateReading): string | undefined {
  const trimmed = text.trim();
  if (!/^[0-9]/.test(trimmed)) return undefined;
  const dates = config.dateFormats.length ? config.dateFormats : [undefined];
  const times = config.timeFormats.length ? config.timeFormats : [undefined];
  for (const date of dates) {
    for (const time of times) {
      const read = config.parseDateTime(trimmed, date, time);
      if (!read) continue;
      const hasDate = "year" in read;
      const hasTime = "hours" in read;
      return hasDate && hasTime ? "dd/mm/yyyy hh:mm" : hasDate ? "dd/mm/yyyy" : "hh:mm";
    }
  }
  return undefined;
}
