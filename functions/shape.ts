import type { ResultMatrix } from "./cells.ts";

/**
 * The shape of a function's result, declared once in its catalogue entry.
 * Excel sizes a spill from the result itself; hosts that size it from the
 * formula before evaluating (HyperFormula) read it from here.
 */
export type ResultShape =
  /**
   * Cell by cell over its arguments: the broadcast of their shapes, leaving out
   * arguments (0-based) that are read whole, such as a pay table.
   */
  | { kind: "elementwise"; wholeArguments?: readonly number[] }
  /** One value, whatever ranges it is given. */
  | { kind: "one value" }
  /** A row whose length is the value of one argument (0-based), such as a number of years. */
  | { kind: "row"; lengthFromArgument: number };

export const ELEMENTWISE: ResultShape = { kind: "elementwise" };
export const ONE_VALUE: ResultShape = { kind: "one value" };

export interface CatalogueEntry {
  run: (...args: any[]) => ResultMatrix;
  shape: ResultShape;
}
