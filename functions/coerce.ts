import { PlanningError } from "../src/calculations.ts";
import { FunctionError, InputError, type CellValue, type ExcelErrorCode } from "./cells.ts";

/*
 * Argument coercion, as Excel's own arithmetic does it: numbers pass, text
 * that reads as a number is read (" 37.5 " is 37.5), anything else is #VALUE!
 * with a message naming the argument, the value and what is allowed.
 */

/**
 * Text Excel's arithmetic reads as a number: "37.5", " -1e3 ", "50%". The
 * pattern is linear (each run of digits can only match one way), and text
 * longer than any number is written is not tried at all: Excel cells hold
 * 32,767 characters, and a backtracking pattern over them would block the
 * runtime the task pane shares.
 */
const NUMERIC_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?$/;
export const LONGEST_NUMERIC_TEXT = 400;

function numberFromText(text: string): number | undefined {
  if (text.length > LONGEST_NUMERIC_TEXT + 64) return undefined;
  const trimmed = text.trim();
  if (trimmed.length > LONGEST_NUMERIC_TEXT || !NUMERIC_TEXT.test(trimmed)) return undefined;
  const value = trimmed.endsWith("%") ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** An error cell read as an argument: thrown as that argument's error. */
function thrownError(cell: unknown, argument: string): void {
  if (cell instanceof InputError) throw cell.forArgument(argument);
  if (cell instanceof FunctionError) throw cell;
}

export function toNumber(cell: CellValue, argument: string): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  thrownError(cell, argument);
  if (typeof cell === "string") {
    const value = numberFromText(cell);
    if (value !== undefined) return value;
  }
  throw new FunctionError("#VALUE!", `${argument} must be a number, not ${describe(cell)}`);
}

export function toText(cell: CellValue, argument: string): string {
  if (typeof cell === "string") return cell;
  thrownError(cell, argument);
  if (typeof cell === "number") return String(cell);
  throw new FunctionError("#VALUE!", `${argument} must be text or a number, not ${describe(cell)}`);
}

/** Passes the cell through untouched, for arguments the model parses itself (bands, years, points). */
export const asIs = (cell: CellValue): CellValue => cell;

/** A value as a message quotes it: long text by its first characters and its length, never the whole cell. */
export function describe(cell: CellValue): string {
  if (typeof cell === "string") {
    if (cell.length <= 60) return `the text "${cell}"`;
    return `the text "${cell.slice(0, 40)}…" (${cell.length.toLocaleString("en-GB")} characters)`;
  }
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

const CODES: Record<PlanningError["kind"], ExcelErrorCode> = {
  value: "#VALUE!",
  num: "#NUM!",
  div0: "#DIV/0!",
};

/**
 * Turns anything thrown into an error cell, so no raw JavaScript error ever
 * reaches Excel. Unknown failures become #VALUE! with their message.
 */
export function toFunctionError(error: unknown): FunctionError {
  if (error instanceof FunctionError) return error;
  if (error instanceof PlanningError) return new FunctionError(CODES[error.kind], capped(error.message));
  const message = error instanceof Error ? error.message : String(error);
  return new FunctionError("#VALUE!", capped(`wfplan could not compute this: ${message}`));
}

/** A last guard on what a cell's message can carry: messages quote values briefly, and never run past this. */
export const LONGEST_MESSAGE = 600;
const capped = (message: string) => (message.length <= LONGEST_MESSAGE ? message : `${message.slice(0, LONGEST_MESSAGE - 1)}…`);
