import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type ImplementedFunctions,
  type Sheets,
} from "hyperformula";
import type { ExcelErrorCode, ResultMatrix } from "../functions/cells.ts";
import { cellFromExcel, resultForExcel } from "../functions/excelValues.ts";
import { catalogue } from "../functions/catalogue.ts";
import type { FunctionMetadata } from "./functionMetadata.ts";

/*
 * The WFP catalogue on HyperFormula, a real spreadsheet engine, for the tests,
 * the CLI and the workbench (never the add-in bundle). Functions are registered
 * from the same functions.json and implementations that Excel gets.
 */

export const LICENSE_KEY = "gpl-v3";

const TO_HF: Record<ExcelErrorCode, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#N/A": ErrorType.NA,
};
/** HyperFormula's errors by the code Excel shows for each; one with no Excel code is #VALUE!. */
const EXCEL_CODE: Partial<Record<ErrorType, string>> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.SPILL]: "#SPILL!",
};

/**
 * A HyperFormula value as Excel hands a cell to a custom function (with
 * allowErrorForDataTypeAny): blanks as null, errors as { code, message }
 * objects, read by the same translation as in Excel (functions/excelValues.ts).
 */
function toCell(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) return { code: EXCEL_CODE[value.type] ?? "#VALUE!", message: value.message || undefined };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // Rich numbers (dates, currency) carry their value in `val`, as Excel's formatted numbers carry theirs in `basicValue`.
  if (value && typeof value === "object" && "val" in value) return { type: "FormattedNumber", basicValue: (value as { val: number }).val };
  return String(value);
}

const isPlain = (value: unknown) => typeof value === "number" || typeof value === "string" || typeof value === "boolean";

function toArgument(value: unknown): unknown {
  if (value === undefined) return undefined;
  // Rows of plain numbers, text and booleans are handed over as they are; only rows with blanks, errors or rich numbers are
  // converted, each cell once, through Excel's shape (cellFromExcel), so a long column is not read twice.
  const read = (cell: unknown) => cellFromExcel(toCell(cell));
  return value instanceof SimpleRangeValue ? value.rawData().map((row) => (row.every(isPlain) ? row : row.map(read))) : [[read(value)]];
}

/** A result as Excel takes it: errors as HyperFormula's, with a message only on #VALUE! and #N/A, where Excel shows one. */
function fromResult(result: ResultMatrix): CellError | SimpleRangeValue | number | string {
  const cells = resultForExcel(result, (code, message) => new CellError(TO_HF[code], message));
  if (cells.length === 1 && cells[0]!.length === 1) return cells[0]![0]!;
  return SimpleRangeValue.onlyValues(cells as never);
}

/** The protected FunctionPlugin members a plugin built at run time calls. */
interface PluginInternals {
  runFunction(args: unknown[], state: unknown, metadata: unknown, implementation: (...args: unknown[]) => unknown): unknown;
  arraySizeForAst(ast: unknown, state: unknown): ArraySize;
}

interface AstLike {
  type: string;
  value?: number;
  args: AstLike[];
  reference?: { toSimpleCellAddress(base: unknown): unknown };
}

/**
 * A whole number from 1 to 50 given as a literal or in a referenced cell that
 * holds a plain number, for spills whose size is a value (WFP.SUPPLY's years).
 * HyperFormula sizes a spill when it reads the formula, before evaluating.
 */
function literalOrCellNumber(plugin: FunctionPlugin, arg: AstLike | undefined, state: unknown): number | undefined {
  let value: unknown;
  if (arg?.type === "NUMBER") value = arg.value;
  else if (arg?.type === "CELL_REFERENCE" && arg.reference) {
    try {
      const address = arg.reference.toSimpleCellAddress((state as { formulaAddress: unknown }).formulaAddress);
      value = (plugin as unknown as { dependencyGraph: { getCellValue(a: unknown): unknown } }).dependencyGraph.getCellValue(address);
    } catch {
      value = undefined;
    }
  }
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 50 ? value : undefined;
}

function buildPlugin(metadata: readonly FunctionMetadata[]) {
  class WfpPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};
  }
  const prototype = WfpPlugin.prototype as unknown as Record<string, unknown>;
  // custom-functions-metadata leaves out a function whose JSDoc it cannot attach, without an error.
  const missing = Object.keys(catalogue).filter((id) => !metadata.some((fn) => fn.id === id));
  if (missing.length)
    throw new Error(`functions.json has no entry for WFP.${missing.join(", WFP.")}: check the JSDoc just above each function`);
  for (const fn of metadata) {
    const entry = catalogue[fn.id];
    if (!entry) throw new Error(`functions.json names WFP.${fn.id}, which has no implementation`);
    const name = `WFP.${fn.name}`;
    const method = `wfp_${fn.id}`;
    WfpPlugin.implementedFunctions[name] = {
      method,
      sizeOfResultArrayMethod: `${method}_size`,
      vectorizationForbidden: true,
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(p.optional) })),
    };
    prototype[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      return (this as unknown as PluginInternals).runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) =>
        fromResult(entry.run(...args.map(toArgument))),
      );
    };
    prototype[`${method}_size`] = function (this: FunctionPlugin, ast: AstLike, state: unknown) {
      // The shape its catalogue entry declares (functions/shape.ts).
      const shape = entry.shape;
      if (shape.kind === "one value") return ArraySize.scalar();
      if (shape.kind === "row") return new ArraySize(literalOrCellNumber(this, ast.args[shape.lengthFromArgument], state) ?? 1, 1);
      // Element-wise: the broadcast of the arguments' shapes.
      let width = 1;
      let height = 1;
      for (const [index, arg] of ast.args.entries()) {
        if (shape.wholeArguments?.includes(index)) continue;
        const size = (this as unknown as PluginInternals).arraySizeForAst(arg, state);
        if (size.width === 1 && size.height === 1) continue;
        width = Math.max(width, size.width);
        height = Math.max(height, size.height);
      }
      return new ArraySize(width, height);
    };
  }
  return WfpPlugin;
}

let registered = false;

/**
 * Registers the WFP functions with HyperFormula, once per process or page,
 * from functions.json (read by engine/metadata.ts in Node, fetched by the
 * workbench in a browser).
 */
export function registerWfpFunctions(metadata: readonly FunctionMetadata[]): void {
  if (registered) return;
  const names = Object.fromEntries(metadata.map((fn) => [`WFP.${fn.name}`, `WFP.${fn.name}`]));
  HyperFormula.registerFunctionPlugin(buildPlugin(metadata), { enGB: names, enUS: names });
  registered = true;
}

const parseDateTimeAsDefault = HyperFormula.defaultConfig.parseDateTime;

/**
 * HyperFormula's own date and time reader, asked only about text that could
 * be a date or a time. It reads every text a cell is given, once for each of
 * its date and time formats, to see whether it is a date; its own first check
 * (all digits and / . - : and spaces, then am/pm) already rejects names and
 * codes, but only after copying and lower-casing them. Text that does not
 * begin as a date or time can, ours says no at once: building an 81,603-row
 * extract spent 0.8 s of its 5.9 s there.
 */
const parseDateTime: ConfigParams["parseDateTime"] = (text, dateFormat, timeFormat) =>
  /^\s*[0-9/.\-:]/.test(text) ? parseDateTimeAsDefault(text, dateFormat, timeFormat) : undefined;

/** HyperFormula's settings for an Excel-like workbook. */
export const EXCEL_LIKE_CONFIG: Partial<ConfigParams> = {
  licenseKey: LICENSE_KEY,
  // Planners' workforce extracts run past HyperFormula's default 40,000 rows.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  useArrayArithmetic: true,
  // Excel keeps 15 significant digits; HyperFormula's default of 10 would lose pennies on a pay bill.
  precisionRounding: 15,
  parseDateTime,
};

/** A HyperFormula workbook with the WFP functions (register them first), configured like Excel. */
export function createEngine(sheets: Sheets = { Sheet1: [] }, config: Partial<ConfigParams> = {}): HyperFormula {
  if (!registered) throw new Error("call registerWfpFunctions(metadata) before createEngine");
  const engine = HyperFormula.buildFromSheets(sheets, {
    ...EXCEL_LIKE_CONFIG,
    ...config,
  });
  keepTinyNumbers(engine);
  return engine;
}

interface Rounding {
  cellValueRounding(value: number): number;
  wfplanKeepsTinyNumbers?: boolean;
}

/**
 * HyperFormula rounds each value it reports to 15 significant digits by
 * multiplying by 10^(15 - magnitude), which overflows below about 1e-293 and
 * reports NaN; Excel shows such numbers (down to about 2.2e-308). Its exporter
 * is internal, so its rounding is wrapped once, on the prototype every engine shares.
 */
function keepTinyNumbers(engine: HyperFormula): void {
  const exporter = (engine as unknown as { _exporter?: object })._exporter;
  const prototype = exporter && (Object.getPrototypeOf(exporter) as Rounding);
  if (!prototype || prototype.wfplanKeepsTinyNumbers || typeof prototype.cellValueRounding !== "function") return;
  const round = prototype.cellValueRounding;
  prototype.cellValueRounding = function (this: Rounding, value: number) {
    const rounded = round.call(this, value);
    return Number.isNaN(rounded) && Number.isFinite(value) ? Number(value.toPrecision(15)) : rounded;
  };
  prototype.wfplanKeepsTinyNumbers = true;
}
