import { columnIndex, columnLetters } from "../src/addresses.ts";

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

/** A1 references outside quotes and brackets: not part of a longer name, nor a function's name (followed by "("), nor a sheet's ("!"). */
const PIECES = /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(!.])/g;

/** `formula` (without "=") as it reads `rows` rows down and `columns` columns across; a reference moved off the sheet becomes #REF!. */
export function slideFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula.replace(PIECES, (piece, colAbs?: string, col?: string, rowAbs?: string, row?: string) => {
    if (col === undefined || row === undefined) return piece;
    const column = (colAbs ? columnIndex(col) : columnIndex(col) + columns) + 1;
    const line = rowAbs ? Number(row) : Number(row) + rows;
    if (column < 1 || column > COLUMN_LIMIT || line < 1 || line > ROW_LIMIT) return "#REF!";
    return `${colAbs}${columnLetters(column - 1)}${rowAbs}${line}`;
  });
}
