/*
 * Excel saves a formula filled down or across once, on its first cell, and
 * marks the others as sharing it (`<f t="shared" si="0"/>`): each of them is
 * the first cell's formula with its relative references moved by the
 * distance between the two cells, as when Excel fills. Absolute parts ($A,
 * $1) stay; text in quotes, quoted sheet names and structured references in
 * brackets are left alone.
 */

const COLUMN_LIMIT = 16_384;
const ROW_LIMIT = 1_048_576;

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function columnLetters(n: number): string {
  let letters = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 references outside quotes and brackets: not part of a longer name, nor a function's name (followed by "("), nor a sheet's ("!"). */
const PIECES = /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(!.])/g;

/** `formula` (without "=") as it reads `rows` rows down and `columns` columns across; a reference moved off the sheet becomes #REF!. */
export function slideFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula.replace(PIECES, (piece, colAbs?: string, col?: string, rowAbs?: string, row?: string) => {
    if (col === undefined || row === undefined) return piece;
    const column = colAbs ? columnNumber(col) : columnNumber(col) + columns;
    const line = rowAbs ? Number(row) : Number(row) + rows;
    if (column < 1 || column > COLUMN_LIMIT || line < 1 || line > ROW_LIMIT) return "#REF!";
    return `${colAbs}${columnLetters(column)}${rowAbs}${line}`;
  });
}
