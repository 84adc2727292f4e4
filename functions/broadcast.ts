import { asMatrix, BLANK, FunctionError, isBlank, type CellValue, type Matrix, type ResultCell, type ResultMatrix } from "./cells.ts";
import { toFunctionError } from "./coerce.ts";

/** One argument of an element-wise function. */
export interface Arg<T> {
  name: string;
  /** The value the host passed: a single value, a 2-D array, or undefined when omitted. */
  value: unknown;
  read: (cell: CellValue, name: string) => T;
  /**
   * The default for an omitted argument or a blank cell. Required arguments
   * have none: a blank cell there gives a blank result, as Excel users expect
   * from a formula filled down past the end of their data.
   */
  fallback?: T;
}

type Args<T extends unknown[]> = { [K in keyof T]: Arg<T[K]> };

interface Prepared {
  arg: Arg<unknown>;
  matrix: Matrix | undefined;
  rows: number;
  columns: number;
}

/** The shape Excel gives arrays combined cell by cell: each side is 1 or the largest. */
export function broadcastShape(matrices: readonly (Matrix | undefined)[]): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (const m of matrices) {
    if (!m) continue;
    rows = Math.max(rows, m.length);
    columns = Math.max(columns, m[0]?.length ?? 1);
  }
  return { rows, columns };
}

function cellAt(p: Prepared, row: number, column: number): CellValue | FunctionError {
  if (!p.matrix) return undefined;
  const r = p.rows === 1 ? 0 : row;
  const c = p.columns === 1 ? 0 : column;
  if (r >= p.rows || c >= p.columns) {
    return new FunctionError("#N/A", `${p.arg.name} has ${p.rows} x ${p.columns} cells, fewer than the other arguments`);
  }
  return p.matrix[r]?.[c];
}

/**
 * Applies `compute` cell by cell, broadcasting single values and ranges like
 * Excel's own arithmetic, and spills a result of the ranges' shape. A whole
 * column is one call. Errors become error cells; they never escape.
 */
export function elementwise<T extends unknown[]>(args: Args<T>, compute: (...values: T) => number | string): ResultMatrix {
  const prepared: Prepared[] = (args as readonly Arg<unknown>[]).map((arg) => {
    const matrix = asMatrix(arg.value);
    return { arg, matrix, rows: matrix?.length ?? 1, columns: matrix?.[0]?.length ?? 1 };
  });
  const { rows, columns } = broadcastShape(prepared.map((p) => p.matrix));
  const result: ResultMatrix = new Array(rows);
  const values = new Array<unknown>(prepared.length);
  for (let row = 0; row < rows; row++) {
    const out: ResultCell[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      out[column] = computeCell(prepared, values, row, column, compute as (...v: unknown[]) => number | string);
    }
    result[row] = out;
  }
  return result;
}

function computeCell(
  prepared: readonly Prepared[],
  values: unknown[],
  row: number,
  column: number,
  compute: (...values: unknown[]) => number | string,
): ResultCell {
  try {
    for (let i = 0; i < prepared.length; i++) {
      const p = prepared[i]!;
      const cell = cellAt(p, row, column);
      if (cell instanceof FunctionError) return cell;
      if (isBlank(cell)) {
        if (!("fallback" in p.arg)) return BLANK;
        values[i] = p.arg.fallback;
      } else {
        values[i] = p.arg.read(cell, p.arg.name);
      }
    }
    return finite(compute(...values));
  } catch (error) {
    return toFunctionError(error);
  }
}

/** A result Excel can hold: a number too large or too small to be one is #NUM!, as Excel's own arithmetic gives. */
function finite<T>(value: T): T | FunctionError {
  if (typeof value === "number" && !Number.isFinite(value)) {
    return new FunctionError("#NUM!", `the result is ${Number.isNaN(value) ? "not a number" : "too large for a cell"}`);
  }
  return value;
}

/** Runs a function that returns one value or a row, turning any failure into an error cell. */
export function single(compute: () => ResultCell | ResultCell[]): ResultMatrix {
  try {
    const value = compute();
    return Array.isArray(value) ? [value.map(finite)] : [[finite(value)]];
  } catch (error) {
    return [[toFunctionError(error)]];
  }
}

/**
 * Reads an argument that is used whole (a pay table) once, then runs an
 * element-wise function with it. If it cannot be read, every cell of the
 * result shows why, so the spill keeps its shape.
 */
export function withWholeArgument<P>(read: () => P, broadcastOver: readonly unknown[], run: (value: P) => ResultMatrix): ResultMatrix {
  let value: P;
  try {
    value = read();
  } catch (error) {
    const { rows, columns } = broadcastShape(broadcastOver.map(asMatrix));
    const cell = toFunctionError(error);
    return Array.from({ length: rows }, () => new Array<ResultCell>(columns).fill(cell));
  }
  return run(value);
}
