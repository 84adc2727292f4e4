/*
 * Column widths wfplan sets itself, in points as Excel's `columnWidth` is.
 * Excel's autofit measures every cell of a column, not the range it is asked
 * about: a sheet's title or a check's sentence in column A would widen it to
 * 255 characters and shrink a page fitted to A4 to nothing. So the output
 * sheets size each column from the cells meant to sit in it (tables' headers
 * and figures, labels), never from lines of text meant to run across.
 */

export type SizedCell = string | number | boolean;

/** Calibri 11, Excel's default: about 5.6 points a character, bold headers and a little margin allowed. */
const POINTS_PER_CHARACTER = 5.6;
const PADDING_POINTS = 9;
/** Excel's default column: 8.43 characters, 48 points. */
export const DEFAULT_COLUMN_POINTS = 48;
/** Wider than this and a table stops reading as one: a long name wraps in the eye anyway. */
const MAX_CHARACTERS = 60;

/** The characters a cell shows in a number format wfplan writes (£#,##0, #,##0.0, 0.0%, @, General). */
export function shownLength(cell: SizedCell, format = "General"): number {
  if (typeof cell === "boolean") return cell ? 4 : 5;
  if (typeof cell === "string") return cell.length;
  if (!Number.isFinite(cell)) return 7; // #VALUE!, #NUM!
  const percent = format.includes("%");
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? (format === "General" ? undefined : 0);
  const value = percent ? cell * 100 : cell;
  const digits =
    decimals === undefined ? String(Number(value.toPrecision(10))).replace("-", "").length : Math.abs(value).toFixed(decimals).length;
  const whole = decimals ? digits - decimals - 1 : digits;
  const separators = format.includes(",") ? Math.floor((whole - 1) / 3) : 0;
  const currency = /[£$€]/.test(format) ? 1 : 0;
  const sign = value < 0 ? 1 : 0;
  return digits + separators + currency + sign + (percent ? 1 : 0);
}

/** The width in points that shows the longest of a column's cells, within Excel's default and a readable most. */
export function columnPoints(longestCharacters: number): number {
  const characters = Math.min(longestCharacters, MAX_CHARACTERS);
  return Math.max(DEFAULT_COLUMN_POINTS, Math.ceil(characters * POINTS_PER_CHARACTER + PADDING_POINTS));
}
