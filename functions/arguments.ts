/* How the functions read their arguments: an optional one's default, a list of numbers, one value. */
import { fail } from "../src/calculations.ts";
import { asMatrix, cellsOf, isBlank } from "./cells.ts";
import { toNumber } from "./coerce.ts";

export const optional = <T>(fallback: T) => ({ fallback });

/** Numbers of a range, skipping blanks, for arguments that take a list. */
export function numbersOf(value: unknown, argument: string): number[] {
  return cellsOf(asMatrix(value))
    .filter((cell) => !isBlank(cell))
    .map((cell) => toNumber(cell, argument));
}

/** The one value of an argument that takes a single value; undefined when omitted or blank. */
export function singleValue(value: unknown, argument: string) {
  const cells = cellsOf(asMatrix(value));
  if (cells.length > 1) fail("value", `${argument} takes one value, not a range of ${cells.length} cells`, argument);
  return isBlank(cells[0]) ? undefined : cells[0];
}
