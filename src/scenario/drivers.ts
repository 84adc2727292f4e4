import { fail } from "../errors.ts";

/*
 * A driver's value for a plan year: a number, one per year, or an expression
 * over the scenario's named inputs. Expressions are read by mathjs
 * (driverExpressions.ts), which is large and slow to import: it is loaded
 * only where drivers are evaluated, by loadDriverExpressions, which every
 * run awaits before it starts and the form when a field begins with "=".
 */

/** A driver: a number, an expression, or one per year (the last repeats for later years). */
export type DriverValue = number | string;
export type Driver = DriverValue | readonly DriverValue[];

type Expressions = typeof import("./driverExpressions.ts");
let expressions: Expressions | undefined;
let loading: Promise<Expressions> | undefined;

/** Loads the expression reader once; later calls cost nothing. */
export async function loadDriverExpressions(): Promise<void> {
  loading ??= import("./driverExpressions.ts");
  expressions = await loading;
}

/** Whether expressions can be read now, without waiting. */
export const driverExpressionsLoaded = (): boolean => expressions !== undefined;

/** An expression as a message quotes it: at most its first 60 characters. */
const quoted = (expression: string) =>
  expression.length <= 60 ? `"${expression}"` : `"${expression.slice(0, 40)}…" (${expression.length} characters)`;

/**
 * The driver's value for plan year `year` (1 = the first year). Expressions see
 * the named inputs, `year` (1, 2, ...) and `t` (0, 1, ...).
 */
export function driverValue(driver: Driver | undefined, year: number, inputs: Readonly<Record<string, number>>, field: string): number {
  if (driver === undefined) return 0;
  const value = Array.isArray(driver) ? driver[Math.min(year - 1, driver.length - 1)] : (driver as DriverValue);
  if (typeof value === "number") return value;
  if (typeof value !== "string") return fail("value", `${field} has no value for year ${year}`, field);
  // A number stored as text needs no expression reader.
  if (/^\s*-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i.test(value)) return Number(value);
  const scope = new Map<string, number>(Object.entries(inputs));
  scope.set("year", year);
  scope.set("t", year - 1);
  if (!expressions)
    return fail(
      "value",
      `${field}: the expression ${quoted(value)} is still being read (wfplan loads its expression reader on first use)`,
      field,
    );
  const expression = expressions.compileDriver(value, field);
  let result: unknown;
  try {
    result = expression.evaluate(scope);
  } catch (error) {
    return fail("value", `${field}: ${quoted(value)} failed in year ${year}: ${(error as Error).message}`, field);
  }
  if (typeof result !== "number" || !Number.isFinite(result)) {
    return fail("value", `${field}: ${quoted(value)} gave ${String(result).slice(0, 40)} in year ${year}, not a number`, field);
  }
  return result;
}
