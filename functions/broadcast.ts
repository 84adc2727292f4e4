import { asMatrix, BLANK, FunctionError, InputError, type CellValue, type Matrix, type ResultCell, type ResultMatrix } from "./cells.ts";
import { toFunctionError, toNumber } from "./coerce.ts";

/**
 * One argument of an element-wise function. A number argument is read as a
 * number in every cell; a key argument (a band, a year, an area) is handed
 * raw to the function's `resolve`, which runs once per distinct combination
 * of keys, however many rows share it.
 */
export interface Arg {
  name: string;
  /** The value the host passed: a single value, a 2-D array, or undefined when omitted. */
  value: unknown;
  key?: true;
  /**
   * The default for an omitted argument or a blank cell. Required arguments
   * have none: a blank cell there gives a blank result, as Excel users expect
   * from a formula filled down past the end of their data.
   */
  fallback?: unknown;
}

type Numbers = number[];
type Compute<R> = (resolved: R, ...numbers: Numbers) => number | string;

/** The shape Excel gives arrays combined cell by cell: each side is 1 or the largest. */
export function broadcastShape(matrices: readonly (Matrix | undefined)[]): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (const m of matrices) {
    if (!m) continue;
    rows = Math.max(rows, m.length);
    columns = Math.max(columns, m[0]?.length ?? 1);
  }
  return { rows, columns };
}

/** The host's 2-D array as it is: copied only in the rare case a row is not an array. */
function matrixOf(value: unknown): Matrix | undefined {
  if (!Array.isArray(value)) return asMatrix(value);
  if (value.length === 0) return undefined;
  for (let i = 0; i < value.length; i++) if (!Array.isArray(value[i])) return asMatrix(value);
  return value as Matrix;
}

/**
 * Applies `compute` cell by cell over number arguments, broadcasting single
 * values and ranges like Excel's own arithmetic, and spills a result of the
 * ranges' shape. A whole column is one call. Errors become error cells; they
 * never escape.
 */
export function elementwise(args: readonly Arg[], compute: (...numbers: Numbers) => number | string): ResultMatrix {
  return new Broadcast<undefined>(args, undefined, (_resolved, ...numbers) => compute(...numbers), compute).run();
}

/**
 * The same with key arguments: `resolve` turns each distinct combination of
 * keys (in argument order) into what `compute` needs, once, and `compute`
 * takes it with the row's numbers (in argument order). A key combination that
 * cannot be resolved gives its error in every row that has it.
 */
export function elementwiseBy<R>(args: readonly Arg[], resolve: (...keys: unknown[]) => R, compute: Compute<R>): ResultMatrix {
  return new Broadcast<R>(args, resolve, compute).run();
}

/** What reading a cell of an argument gave when it is not a value: a blank result or an error. */
type Stop = ResultCell;
const NO_STOP = undefined;

/**
 * The loop, built to run near a plain loop's speed: arguments that are one
 * value (or omitted) are read once, not per row; only ranges are read per
 * row, straight from the host's arrays (never copied); keys are resolved once
 * per distinct combination; and no object, closure or string is made per row
 * on the success path. The result is the same cell for cell as reading every
 * argument of every row in order: the first argument, in order, that is
 * blank (with no default) or unreadable decides the row.
 */
class Broadcast<R> {
  private readonly rows: number;
  private readonly columns: number;
  /** Arguments that are ranges, in argument order. */
  private readonly varying: {
    index: number;
    matrix: Matrix;
    rows: number;
    columns: number;
    name: string;
    /** Where its value goes: a slot in `keys` or in `numbers`. */
    key: boolean;
    slot: number;
    hasFallback: boolean;
    fallback: unknown;
  }[] = [];
  private readonly keys: unknown[];
  private readonly numbers: number[];
  /** The first single-valued argument that stops every row (blank with no default, or unreadable), and where. */
  private constantStop: Stop | undefined = NO_STOP;
  private constantStopAt: number = Infinity;
  private readonly memo: KeyMemo<R> | undefined;
  private readonly direct: ((...numbers: Numbers) => number | string) | undefined;
  private readonly compute: Compute<R>;

  constructor(
    args: readonly Arg[],
    resolve: ((...keys: unknown[]) => R) | undefined,
    compute: Compute<R>,
    direct?: (...numbers: Numbers) => number | string,
  ) {
    this.compute = compute;
    this.direct = direct;
    const matrices = args.map((arg) => matrixOf(arg.value));
    const shape = broadcastShape(matrices);
    this.rows = shape.rows;
    this.columns = shape.columns;
    const keyCount = args.filter((a) => a.key).length;
    this.keys = new Array(keyCount);
    this.numbers = Array.from({ length: args.length - keyCount }, () => 0.5); // doubles from the start: no elements-kind change per row
    const varyingKeys: number[] = [];
    let keySlot = 0;
    let numberSlot = 0;
    args.forEach((arg, index) => {
      const matrix = matrices[index];
      const key = arg.key === true;
      const slot = key ? keySlot++ : numberSlot++;
      const rows = matrix?.length ?? 1;
      const columns = matrix?.[0]?.length ?? 1;
      const hasFallback = "fallback" in arg;
      if (matrix && (rows > 1 || columns > 1)) {
        this.varying.push({ index, matrix, rows, columns, name: arg.name, key, slot, hasFallback, fallback: arg.fallback });
        if (key) varyingKeys.push(slot);
        return;
      }
      const stop = this.read(matrix?.[0]?.[0], arg.name, key, slot, hasFallback, arg.fallback);
      if (stop !== NO_STOP && index < this.constantStopAt) {
        this.constantStop = stop;
        this.constantStopAt = index;
      }
    });
    this.memo = resolve ? new KeyMemo(resolve, this.keys, varyingKeys) : undefined;
  }

  /** Puts a cell's value in its slot, or says what stops the row. */
  private read(cell: CellValue, name: string, key: boolean, slot: number, hasFallback: boolean, fallback: unknown): Stop | undefined {
    // An error in an input cell passes through to its own result cell, as in Excel, saying which argument held it.
    if ((cell as unknown) instanceof InputError) return (cell as unknown as InputError).forArgument(name);
    if ((cell as unknown) instanceof FunctionError) return cell as unknown as FunctionError;
    const blank = cell === null || cell === undefined || cell === "";
    if (blank && !hasFallback) return BLANK;
    if (key) this.keys[slot] = blank ? fallback : cell;
    else if (blank) this.numbers[slot] = fallback as number;
    else if (typeof cell === "number" && cell - cell === 0) this.numbers[slot] = cell;
    else {
      try {
        this.numbers[slot] = toNumber(cell, name);
      } catch (error) {
        return toFunctionError(error);
      }
    }
    return NO_STOP;
  }

  run(): ResultMatrix {
    const { rows, columns } = this;
    const result: ResultMatrix = new Array(rows);
    if (columns === 1) {
      // A column, the usual spill: numbers are gathered unboxed, then each row is made in one go.
      const values = new Float64Array(rows);
      let others: Map<number, ResultCell> | undefined;
      for (let row = 0; row < rows; row++) {
        const value = this.cell(row, 0);
        if (typeof value === "number") values[row] = value;
        else (others ??= new Map()).set(row, value);
      }
      for (let row = 0; row < rows; row++) result[row] = [values[row]!];
      if (others) for (const [row, value] of others) result[row] = [value];
      return result;
    }
    for (let row = 0; row < rows; row++) {
      const out: ResultCell[] = new Array(columns);
      for (let column = 0; column < columns; column++) out[column] = this.cell(row, column);
      result[row] = out;
    }
    return result;
  }

  private cell(row: number, column: number): ResultCell {
    const varying = this.varying;
    const numbers = this.numbers;
    for (let i = 0; i < varying.length; i++) {
      const v = varying[i]!;
      if (v.index > this.constantStopAt) break;
      const r = v.rows === 1 ? 0 : row;
      const c = v.columns === 1 ? 0 : column;
      if (r >= v.rows || c >= v.columns) return tooSmall(v.name, v.rows, v.columns);
      const cell = v.matrix[r]![c];
      // The common cases without a call: a number in a number argument, a value in a key.
      if (v.key) {
        if (typeof cell === "number" || typeof cell === "boolean" || (typeof cell === "string" && cell !== "")) {
          this.keys[v.slot] = cell;
          continue;
        }
      } else if (typeof cell === "number" && cell - cell === 0) {
        numbers[v.slot] = cell;
        continue;
      }
      const stop = this.read(cell, v.name, v.key, v.slot, v.hasFallback, v.fallback);
      if (stop !== NO_STOP) return stop;
    }
    if (this.constantStop !== NO_STOP) return this.constantStop;
    try {
      let value: number | string;
      if (this.direct) value = call(this.direct, numbers);
      else {
        const resolved = this.memo!.get();
        if (resolved instanceof FunctionError) return resolved;
        value = callWith(this.compute, resolved, numbers);
      }
      return typeof value === "number" && value - value !== 0 ? notFinite(value) : value;
    } catch (error) {
      return toFunctionError(error);
    }
  }
}

function tooSmall(name: string, rows: number, columns: number): FunctionError {
  return new FunctionError("#N/A", `${name} has ${rows} x ${columns} cells, fewer than the other arguments`);
}

/** Calls with a fixed number of arguments, so no array is spread per row. */
function call(f: (...numbers: Numbers) => number | string, n: Numbers): number | string {
  switch (n.length) {
    case 1:
      return f(n[0]!);
    case 2:
      return f(n[0]!, n[1]!);
    case 3:
      return f(n[0]!, n[1]!, n[2]!);
    case 4:
      return f(n[0]!, n[1]!, n[2]!, n[3]!);
    default:
      return f(...n);
  }
}

function callWith<R>(f: Compute<R>, resolved: R, n: Numbers): number | string {
  switch (n.length) {
    case 0:
      return f(resolved);
    case 1:
      return f(resolved, n[0]!);
    case 2:
      return f(resolved, n[0]!, n[1]!);
    default:
      return f(resolved, ...n);
  }
}

/**
 * What `resolve` gave for each distinct combination of keys. Keys that are
 * one value are fixed; the ones that vary by row are looked up in nested
 * maps (one level each), so a typical row (one varying key: the band) costs
 * one map lookup. A failure is kept as its error cell.
 */
class KeyMemo<R> {
  private readonly root = new Map<unknown, unknown>();
  private fixed: R | FunctionError | undefined;
  private resolvedFixed = false;
  private lastKey: unknown;
  private lastValue: R | FunctionError | undefined;

  constructor(
    private readonly resolve: (...keys: unknown[]) => R,
    private readonly keys: unknown[],
    private readonly varying: readonly number[],
  ) {}

  get(): R | FunctionError {
    const varying = this.varying;
    if (varying.length === 0) {
      if (!this.resolvedFixed) {
        this.fixed = this.resolveNow();
        this.resolvedFixed = true;
      }
      return this.fixed as R | FunctionError;
    }
    if (varying.length === 1) {
      // Extracts are often sorted, so the row before usually has the same key.
      const key = this.keys[varying[0]!];
      if (key === this.lastKey && this.lastValue !== undefined) return this.lastValue;
      this.lastKey = key;
      return (this.lastValue = this.lookup(this.root, key));
    }
    let level = this.root;
    const last = varying.length - 1;
    for (let i = 0; i < last; i++) {
      const key = this.keys[varying[i]!];
      let next = level.get(key) as Map<unknown, unknown> | undefined;
      if (!next) level.set(key, (next = new Map()));
      level = next;
    }
    return this.lookup(level, this.keys[varying[last]!]);
  }

  private lookup(level: Map<unknown, unknown>, key: unknown): R | FunctionError {
    const hit = level.get(key) as R | FunctionError | undefined;
    if (hit !== undefined || level.has(key)) return hit as R | FunctionError;
    const value = this.resolveNow();
    level.set(key, value);
    return value;
  }

  private resolveNow(): R | FunctionError {
    try {
      return this.resolve(...this.keys);
    } catch (error) {
      return toFunctionError(error);
    }
  }
}

/** A number too large or too small for a cell is #NUM!, as Excel's own arithmetic gives. */
function notFinite(value: number): FunctionError {
  return new FunctionError("#NUM!", `the result is ${Number.isNaN(value) ? "not a number" : "too large for a cell"}`);
}

/** A result Excel can hold. */
function finite<T>(value: T): T | FunctionError {
  return typeof value === "number" && value - value !== 0 ? notFinite(value) : value;
}

/** Runs a function that returns one value or a row, turning any failure into an error cell. */
export function single(compute: () => ResultCell | ResultCell[]): ResultMatrix {
  try {
    const value = compute();
    return Array.isArray(value) ? [value.map(finite)] : [[finite(value)]];
  } catch (error) {
    return [[toFunctionError(error)]];
  }
}

/**
 * Reads an argument that is used whole (a pay table) once, then runs an
 * element-wise function with it. If it cannot be read, every cell of the
 * result shows why, so the spill keeps its shape.
 */
export function withWholeArgument<P>(read: () => P, broadcastOver: readonly unknown[], run: (value: P) => ResultMatrix): ResultMatrix {
  let value: P;
  try {
    value = read();
  } catch (error) {
    const { rows, columns } = broadcastShape(broadcastOver.map(asMatrix));
    const cell = toFunctionError(error);
    return Array.from({ length: rows }, () => new Array<ResultCell>(columns).fill(cell));
  }
  return run(value);
}
