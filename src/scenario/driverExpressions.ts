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
  type MathNode,
} from "mathjs";
import { fail } from "../errors.ts";

/*
 * Drivers are numbers or small expressions over the scenario's named inputs,
 * such as "baseGrowth + 0.01 * year". They are evaluated by a mathjs instance
 * built from arithmetic alone (no units, matrices, symbolic algebra or
 * evaluate), and the functions that would let text reach the parser or the
 * instance itself are then replaced by ones that refuse, as the mathjs security
 * guide advises. A stored scenario travels between trusts, so before anything
 * is compiled its expression tree is checked: only numbers, names, scalar
 * operators, parentheses, a ? b : c and the functions below, in at most
 * MAX_LENGTH characters and MAX_NODES nodes. No matrices (zeros(1e9) would
 * exhaust memory), no assignments or function definitions (so no recursion),
 * no strings, objects or property access: evaluation is bounded by the size of
 * the expression. Only finite numbers come out.
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

const MAX_LENGTH = 500;
const MAX_NODES = 200;
const FUNCTIONS = new Set(["min", "max", "round", "floor", "ceil", "abs", "sqrt", "exp", "log", "mod"]);
const OPERATORS = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "mod",
  "unaryMinus",
  "unaryPlus",
  "larger",
  "largerEq",
  "smaller",
  "smallerEq",
]);

let instance: { parse: (expression: string) => MathNode } | undefined;

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
  const parse = math.parse as (expression: string) => MathNode;
  const refuse = (name: string) => () => {
    throw new Error(`${name} is not available in driver expressions`);
  };
  math.import(Object.fromEntries(BLOCKED.map((name) => [name, refuse(name)])), { override: true });
  instance = { parse };
  return instance;
}

/** What in an expression tree is not scalar arithmetic, or undefined when all of it is. */
function refusedPart(root: MathNode): string | undefined {
  let nodes = 0;
  let refused: string | undefined;
  root.traverse((node, path, parent) => {
    if (refused) return;
    if (++nodes > MAX_NODES) refused = `more than ${MAX_NODES} terms`;
    const n = node as MathNode & { op?: string; fn?: unknown; value?: unknown; name?: string };
    switch (node.type) {
      case "ConstantNode":
        if (typeof n.value !== "number") refused = `the value ${JSON.stringify(n.value)}`;
        return;
      case "SymbolNode":
        if (parent?.type === "FunctionNode" && path === "fn" && !FUNCTIONS.has(n.name ?? "")) refused = `the function ${n.name}()`;
        return;
      case "OperatorNode":
        if (!OPERATORS.has(String(n.fn))) refused = `the operator ${n.op}`;
        return;
      case "FunctionNode":
        if ((n.fn as MathNode).type !== "SymbolNode") refused = "a call of something that is not a function name";
        return;
      case "ParenthesisNode":
      case "ConditionalNode":
        return;
      case "FunctionAssignmentNode":
        refused = "a function definition";
        return;
      case "AssignmentNode":
        refused = "an assignment";
        return;
      case "ArrayNode":
      case "MatrixNode":
      case "RangeNode":
      case "IndexNode":
        refused = "a matrix or range";
        return;
      case "BlockNode":
        refused = "more than one expression";
        return;
      default:
        refused = `a ${node.type.replace(/Node$/, "").toLowerCase()}`;
    }
  });
  return refused;
}

const compiled = new Map<string, EvalFunction>();

/** An expression as a message quotes it: at most its first 60 characters. */
export function quoted(expression: string): string {
  return expression.length <= 60 ? `"${expression}"` : `"${expression.slice(0, 40)}…" (${expression.length} characters)`;
}

/** The expression checked and compiled, once per text. */
export function compileDriver(expression: string, field: string): EvalFunction {
  let found = compiled.get(expression);
  if (!found) {
    if (expression.length > MAX_LENGTH) {
      return fail("value", `${field}: the expression ${quoted(expression)} is longer than ${MAX_LENGTH} characters`, field);
    }
    // As in a cell, a number followed by % is a percentage (mathjs would read "3% + 1%" as a remainder, 0).
    const readable = expression.replace(/(\d+(?:\.\d*)?|\.\d+)\s*%/g, "($1 / 100)");
    if (readable.includes("%"))
      return fail(
        "value",
        `${field}: the expression ${quoted(expression)} has a % that follows no number; for a remainder use mod(a, b)`,
        field,
      );
    let tree: MathNode;
    try {
      tree = driverMath().parse(readable);
    } catch (error) {
      return fail("value", `${field}: cannot read the expression ${quoted(expression)}: ${(error as Error).message}`, field);
    }
    const refused = refusedPart(tree);
    if (refused) {
      return fail(
        "value",
        `${field}: the expression ${quoted(expression)} uses ${refused}; a driver is arithmetic on numbers and named inputs (+ - * / ^, min, max, round, abs, sqrt, exp, log, a ? b : c)`,
        field,
      );
    }
    found = tree.compile();
    compiled.set(expression, found);
  }
  return found;
}
