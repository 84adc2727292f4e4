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

/**
 * What each error Excel shows without a message means for this function:
 * Excel drops a custom function's message on #NUM! and #DIV/0!, so the
 * reference says it instead. Any function also gives #NUM! for a result too
 * large for a cell. A test probes each function and fails on a code it gives
 * that is not here, or one here it never gives.
 */
export type BareErrors = Partial<Record<"#NUM!" | "#DIV/0!", string>>;

export interface CatalogueEntry {
  run: (...args: any[]) => ResultMatrix;
  shape: ResultShape;
  errors: BareErrors;
}
