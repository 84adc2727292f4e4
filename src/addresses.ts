/** A1-style addresses, 0-based rows and columns inside, as Excel writes them outside; and where a cell is, as messages say it. */

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

export function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

/** 'Staff list'!, or Staff! when the name needs no quotes. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replaceAll("'", "''")}'!`;
}

export function cellAddress(row: number, column: number, absolute = false): string {
  const $ = absolute ? "$" : "";
  return `${$}${columnLetters(column)}${$}${row + 1}`;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rangeAddress(range: CellRange, absolute = false): string {
  const start = cellAddress(range.top, range.left, absolute);
  const end = cellAddress(range.bottom, range.right, absolute);
  return start === end ? start : `${start}:${end}`;
}

/** Reads "B2", "B2:D10", "B:B", "2:4" (an optional sheet is handled by the caller). */
export function parseRangeAddress(address: string, maxRows = 1_048_576, maxColumns = 16_384): CellRange {
  const text = address.replaceAll("$", "").trim().toUpperCase();
  const [first, second = first] = text.split(":") as [string, string?];
  const cell = /^([A-Z]+)?(\d+)?$/;
  const a = cell.exec(first);
  const b = cell.exec(second!);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new Error(`"${address}" is not a cell or range address`);
  const top = a[2] ? Number(a[2]) - 1 : 0;
  const bottom = b[2] ? Number(b[2]) - 1 : maxRows - 1;
  const left = a[1] ? columnIndex(a[1]) : 0;
  const right = b[1] ? columnIndex(b[1]) : maxColumns - 1;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** Splits "Sheet1!A1:B2" or "'My sheet'!A1" into its sheet (if any) and address. */
export function splitSheet(address: string): { sheet?: string; address: string } {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(address.trim());
  if (!match) return { address: address.trim() };
  return { sheet: (match[1] ?? match[2])!.replaceAll("''", "'"), address: match[3]! };
}

/**
 * What a defined name's formula refers to, as Excel stores it: one block of
 * cells of one sheet (whole columns and rows included: "Plan!$A:$C"), several
 * blocks ("Plan!$A$1:$B$5,Plan!$D$1:$E$5"), or a formula (OFFSET, INDEX, a
 * constant) whose range, if any, only Excel can work out.
 */
export function nameReferenceKind(formula: string): "range" | "areas" | "formula" {
  const sheet = String.raw`(?:'(?:[^']|'')+'|[^!'=,()\s]+)!`;
  const cells = String.raw`(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)`;
  const text = formula.replace(/^=/, "").trim();
  if (new RegExp(`^${sheet}${cells}$`, "i").test(text)) return "range";
  if (new RegExp(`^${sheet}${cells}(?:,${sheet}${cells})+$`, "i").test(text)) return "areas";
  return "formula";
}
