/*
 * Every string wfplan writes into a cell is written as text. Excel turns a
 * value that begins with "=", "+", "-" or "@" into a formula, so a staff group
 * named =HYPERLINK(...) or =WEBSERVICE(...) in the planner's table would come
 * back live in the results sheet and the saved file. A leading apostrophe
 * makes Excel keep the rest as text and is not part of the cell's value.
 */

export type Written = string | number | boolean;

/** One string as text, whatever it begins with (=, +, -, @, a tab, a carriage return). */
export function asText(value: string): string {
  return `'${value}`;
}

/** A block of cells with every string written as text; numbers and booleans as they are. */
export function asTextCells(rows: readonly (readonly Written[])[]): Written[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === "string" ? asText(cell) : cell)));
}
