/**
 * The one error type the planning model throws. `kind` says which Excel error
 * a caller should show, so the custom functions and the task pane never have to
 * guess from a message.
 */
export type PlanningErrorKind =
  | "value" // wrong type; a band, year, area or point that is unknown or not held: Excel #VALUE!
  | "num" // a number outside what the rule allows: Excel #NUM!
  | "div0"; // a divisor of zero: Excel #DIV/0!

export class PlanningError extends Error {
  override readonly name = "PlanningError";
  constructor(
    readonly kind: PlanningErrorKind,
    message: string,
    /** The argument or field at fault, where one can be named. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function fail(kind: PlanningErrorKind, message: string, field?: string): never {
  throw new PlanningError(kind, message, field);
}

/** Throws #NUM! unless `value` is a finite number of at least `min`. */
export function requireNonNegative(value: number, field: string): number {
  if (!Number.isFinite(value)) fail("value", `${field} must be a number, not ${String(value)}`, field);
  if (value < 0) fail("num", `${field} cannot be negative (got ${value})`, field);
  return value;
}

/** Throws #NUM! unless `value` is a fraction from 0 to 1 inclusive. */
export function requireFraction(value: number, field: string): number {
  if (!Number.isFinite(value)) fail("value", `${field} must be a number, not ${String(value)}`, field);
  if (value < 0 || value > 1) {
    fail("num", `${field} must be a fraction from 0 to 1 (got ${value}; 25% is 0.25)`, field);
  }
  return value;
}

/** Throws #DIV/0! when `value` is zero, #NUM! when negative. */
export function requirePositive(value: number, field: string): number {
  requireNonNegative(value, field);
  if (value === 0) fail("div0", `${field} is zero, and the rule divides by it`, field);
  return value;
}
