import { FunctionError, InputError, type ExcelErrorCode, type ResultMatrix } from "./cells.ts";

/*
 * The values Excel hands a custom function and takes back, as Microsoft
 * documents them ("Handle and return errors from your custom function"):
 * - with `allowErrorForDataTypeAny` in functions.json, an error in an
 *   argument's range arrives as a CustomFunctions.Error object ({ code:
 *   "#N/A", message }), not as a value; #NAME? and #REF! arrive too, though a
 *   function may not return them;
 * - with `allowCustomDataForDataTypeAny`, a cell holding a data type arrives
 *   as an object ({ type: "FormattedNumber", basicValue: 37.5, … });
 * - a message shows with #VALUE! and #N/A only: on #NUM! and #DIV/0! Excel
 *   drops it, so none is sent, and each function's reference lists what each
 *   bare code means for it.
 * The workbench's engine hands its cells over in the same shapes, so both
 * hosts run this one translation.
 */

/** The error codes a custom function may return with a message, and those it may return at all. */
export const CODES_WITH_MESSAGE: readonly ExcelErrorCode[] = ["#VALUE!", "#N/A"];
const RETURNABLE: readonly string[] = ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"];

/** An error as Excel hands it to a custom function: a CustomFunctions.Error. */
export interface ExcelError {
  code: string;
  message?: string;
}

/** Whether a value is an error object as Excel hands it (CustomFunctions.Error, or the workbench's of the same shape). */
export function isExcelError(value: unknown): value is ExcelError {
  return typeof value === "object" && value !== null && typeof (value as ExcelError).code === "string" && !Array.isArray(value);
}

/**
 * One argument cell as the functions read cells: an error becomes that row's
 * error (its own code where a function may return it, #VALUE! for #REF!,
 * #NAME? and the rest), named for its argument by the function that reads
 * it; a data type, its basic value; any other object, #VALUE! saying what it is.
 */
export function cellFromExcel(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isExcelError(value)) {
    const code = RETURNABLE.includes(value.code) ? (value.code as ExcelErrorCode) : "#VALUE!";
    return new InputError(code, value.code, value.message ?? "");
  }
  const basic = (value as { basicValue?: unknown }).basicValue;
  if (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  const type = String((value as { type?: unknown }).type ?? "an object");
  return new InputError("#VALUE!", `a data type (${type}) with no value wfplan can read`);
}

/** An argument as the functions read it: a 2-D array's cells translated, the array handed over as it is when no cell is an object. */
export function argumentFromExcel(value: unknown): unknown {
  if (!Array.isArray(value)) return cellFromExcel(value);
  let copy: unknown[][] | undefined;
  for (let r = 0; r < value.length; r++) {
    const row = value[r] as unknown;
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      if (typeof row[c] !== "object" || row[c] === null) continue;
      copy ??= value.map((line) => (Array.isArray(line) ? [...line] : line));
      copy[r]![c] = cellFromExcel(row[c]);
    }
  }
  return copy ?? value;
}

/** A result for Excel: each error cell made by the host's `error`, with its message only where Excel shows one. */
export function resultForExcel<E>(result: ResultMatrix, error: (code: ExcelErrorCode, message?: string) => E): (number | string | E)[][] {
  return result.map((row) =>
    row.some((cell) => cell instanceof FunctionError)
      ? row.map((cell) =>
          cell instanceof FunctionError ? error(cell.code, CODES_WITH_MESSAGE.includes(cell.code) ? cell.message : undefined) : cell,
        )
      : (row as (number | string)[]),
  );
}
