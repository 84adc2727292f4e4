import {
  absDependencies,
  addDependencies,
  ceilDependencies,
  compileDependencies,
  create,
  divideDependencies,
  expDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  type EvalFunction,
  type FactoryFunctionMap,
  type MathJsInstance,
} from "mathjs";
import { fail } from "../errors.ts";

/*
 * Drivers are numbers or small expressions over the scenario's named inputs,
 * such as "baseGrowth + 0.01 * year". They are evaluated by a mathjs instance
 * built from arithmetic alone (no units, matrices, symbolic algebra or
 * evaluate), and the functions that would let text reach the parser or the
 * instance itself are then replaced by ones that refuse, as the mathjs security
 * guide advises. Only finite numbers come out.
 */
const BLOCKED = [
  "import",
  "createUnit",
  "evaluate",
  "parse",
  "compile",
  "simplify",
  "derivative",
  "resolve",
  "reviver",
  "chain",
  "unit",
  "config",
];

let instance: { compile: (expression: string) => EvalFunction } | undefined;

/** Built on first use, so loading the model (as the custom functions do) costs nothing. */
function driverMath() {
  if (instance) return instance;
  // mathjs types each *Dependencies export as possibly undefined; they are all defined.
  const factories = {
    compileDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    powDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    minDependencies,
    maxDependencies,
    roundDependencies,
    floorDependencies,
    ceilDependencies,
    absDependencies,
    sqrtDependencies,
    expDependencies,
    logDependencies,
    modDependencies,
    largerDependencies,
    largerEqDependencies,
    smallerDependencies,
    smallerEqDependencies,
  } as unknown as FactoryFunctionMap;
  const math: MathJsInstance = create(factories);
  const compile = math.compile;
  const refuse = (name: string) => () => {
    throw new Error(`${name} is not available in driver expressions`);
  };
  math.import(Object.fromEntries(BLOCKED.map((name) => [name, refuse(name)])), { override: true });
  instance = { compile };
  return instance;
}

/** A driver: a number, an expression, or one per year (the last repeats for later years). */
export type DriverValue = number | string;
export type Driver = DriverValue | readonly DriverValue[];

const compiled = new Map<string, EvalFunction>();

function compileDriver(expression: string, field: string): EvalFunction {
  let found = compiled.get(expression);
  if (!found) {
    try {
      found = driverMath().compile(expression);
    } catch (error) {
      return fail("value", `${field}: cannot read the expression "${expression}": ${(error as Error).message}`, field);
    }
    compiled.set(expression, found);
  }
  return found;
}

/**
 * The driver's value for plan year `year` (1 = the first year). Expressions see
 * the named inputs, `year` (1, 2, ...) and `t` (0, 1, ...).
 */
export function driverValue(driver: Driver | undefined, year: number, inputs: Readonly<Record<string, number>>, field: string): number {
  if (driver === undefined) return 0;
  const value = Array.isArray(driver) ? driver[Math.min(year - 1, driver.length - 1)] : (driver as DriverValue);
  if (typeof value === "number") return value;
  if (typeof value !== "string") return fail("value", `${field} has no value for year ${year}`, field);
  const scope = new Map<string, number>(Object.entries(inputs));
  scope.set("year", year);
  scope.set("t", year - 1);
  let result: unknown;
  try {
    result = compileDriver(value, field).evaluate(scope);
  } catch (error) {
    return fail("value", `${field}: "${value}" failed in year ${year}: ${(error as Error).message}`, field);
  }
  if (typeof result !== "number" || !Number.isFinite(result)) {
    return fail("value", `${field}: "${value}" gave ${String(result)} in year ${year}, not a number`, field);
  }
  return result;
}
