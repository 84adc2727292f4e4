import { z } from "zod";
import { PlanningError } from "../src/index.ts";
import { FunctionError, type CellValue, type ExcelErrorCode } from "./cells.ts";

/*
 * Argument coercion, as Excel's own arithmetic does it: numbers pass, text
 * that reads as a number is read (" 37.5 " is 37.5), anything else is #VALUE!
 * with a message naming the argument, the value and what is allowed.
 */

const numericText = z
  .string()
  .trim()
  .regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/)
  .transform((text) => (text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text)));

const numberCell = z.union([z.number().finite(), numericText]);

export function toNumber(cell: CellValue, argument: string): number {
  const parsed = numberCell.safeParse(cell);
  if (parsed.success) return parsed.data;
  throw new FunctionError("#VALUE!", `${argument} must be a number, not ${describe(cell)}`);
}

export function toText(cell: CellValue, argument: string): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  throw new FunctionError("#VALUE!", `${argument} must be text or a number, not ${describe(cell)}`);
}

/** Passes the cell through untouched, for arguments the model parses itself (bands, years, points). */
export const asIs = (cell: CellValue): CellValue => cell;

function describe(cell: CellValue): string {
  if (typeof cell === "string") return `the text "${cell}"`;
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
  if (error instanceof PlanningError) return new FunctionError(CODES[error.kind], error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new FunctionError("#VALUE!", `wfplan could not compute this: ${message}`);
}
