/**
 * What Excel hands a custom function and takes back: 2-D arrays of cells.
 * Blank cells may arrive as null, undefined or "" depending on the host.
 */
export type CellValue = number | string | boolean | null | undefined;
export type Matrix = CellValue[][];

export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

/**
 * An error cell with its message. The runtime that hosts the functions turns it
 * into its own error type: `CustomFunctions.Error` in Excel, `CellError` in
 * HyperFormula.
 */
export class FunctionError {
  constructor(
    readonly code: ExcelErrorCode,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

/**
 * An error found in an argument's cell (#N/A in a lookup column, #REF! after
 * a deleted row): the row's result is this error, its message naming the
 * argument once the function that reads it knows its name.
 */
export class InputError extends FunctionError {
  constructor(
    code: ExcelErrorCode,
    /** The error the cell holds, which may be one a function cannot return (#REF!, #NAME?). */
    readonly found: string,
    readonly detail = "",
  ) {
    super(code, `an argument holds ${found} in this row`);
  }
  forArgument(argument: string): FunctionError {
    const why = this.code === this.found ? "" : ", so it has no value to work with";
    return new FunctionError(this.code, `${argument} holds ${this.found} in this row${why}${this.detail ? ` (${this.detail})` : ""}`);
  }
}

/** A result cell: a number, text, an error, or "" for a blank. */
export type ResultCell = number | string | FunctionError;
export type ResultMatrix = ResultCell[][];

export const BLANK = "";

export function isBlank(cell: CellValue): cell is null | undefined | "" {
  return cell === null || cell === undefined || cell === "";
}

/** Reads an argument as a matrix: an omitted argument is undefined, a single value becomes [[value]]. */
export function asMatrix(value: unknown): Matrix | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return value.map((row) => (Array.isArray(row) ? row : [row])) as Matrix;
  }
  return [[value as CellValue]];
}

/** Every cell of a matrix, row by row. */
export function cellsOf(matrix: Matrix | undefined): CellValue[] {
  return matrix ? matrix.flat() : [];
}
