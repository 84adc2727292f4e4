/*
 * Every string wfplan writes into a cell is written as text. Excel turns a
 * value that begins with "=", "+", "-" or "@" into a formula, so a staff group
 * named =HYPERLINK(...) or =WEBSERVICE(...) in the planner's table would come
 * back live in the results sheet and the saved file. A leading apostrophe
 * makes Excel keep the rest as text and is not part of the cell's value.
 */

export type Written = string | number | boolean;

/** The most characters Excel keeps in a cell; a longer text makes the whole write fail. */
export const CELL_TEXT_LIMIT = 32_767;

/** One string as text, whatever it begins with (=, +, -, @, a tab, a carriage return). */
export function asText(value: string): string {
  return `'${value}`;
}

/** Text cut to what a cell holds, saying so at its end, so an output sheet's long line never fails the write. */
export function fitCellText(value: string): string {
  if (value.length <= CELL_TEXT_LIMIT) return value;
  const note = ` … (cut: ${value.length.toLocaleString("en-GB")} characters in all)`;
  return value.slice(0, CELL_TEXT_LIMIT - note.length) + note;
}

/** A block of cells with every string written as text; numbers and booleans as they are. */
export function asTextCells(rows: readonly (readonly Written[])[]): Written[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === "string" ? asText(cell) : cell)));
}
