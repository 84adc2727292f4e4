/** Formats used in messages and reasons, so every figure a planner reads looks the same. */

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const pence = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatPounds = (value: number): string => pounds.format(value);
export const formatPence = (value: number): string => pence.format(value);
export const formatFte = (value: number): string => `${oneDecimal.format(value)} FTE`;
export const formatPercent = (fraction: number): string => percent.format(fraction);

/** Excel's column letters for a 0-based column: 0 is A, 26 is AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where a cell is, as a planner would look for it: Staff!C12 (0-based row and column). */
export function cellPlace(sheet: string, row: number, column: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet}'`;
  return `${name}!${columnLetters(column)}${row + 1}`;
}

/**
 * A value as an error message quotes it: text in quotes, and long text by its
 * first 40 characters and its length, so a 32,767-character cell never comes
 * back whole in a message.
 */
export function quoteValue(value: unknown): string {
  if (typeof value === "string") {
    return value.length <= 60
      ? JSON.stringify(value)
      : `${JSON.stringify(value.slice(0, 40)).slice(0, -1)}…" (${value.length.toLocaleString("en-GB")} characters)`;
  }
  const text = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length <= 60 ? text : `${text.slice(0, 40)}…`;
}
