import { readFile } from "node:fs/promises";
import { DetailedCellError, type CellValue } from "hyperformula";
import { registerWfpFunctions } from "../engine/hyperformula.ts";
import { loadMetadata } from "../engine/metadata.ts";
import { Workbook } from "../engine/workbook.ts";
import { catalogue } from "../functions/catalogue.ts";
import type { BareErrors } from "../functions/shape.ts";

const USAGE = `Usage: wfplan eval [--json] [--workbook file.xlsx [--sheet Name]] '=FORMULA'
       wfplan run FILE.xlsx [--scenario NAME]... [-o OUT.xlsx]   (see wfplan run --help)
       wfplan consolidate FILE.xlsx ... -o OUT.xlsx   (see wfplan consolidate --help)

Evaluates a formula with the WFP functions on a real spreadsheet engine.
  --json             print the result as JSON
  --workbook FILE    evaluate against the cells of an .xlsx workbook
  --sheet NAME       the sheet whose cells unqualified references mean (default: the first)

Prints numbers in full precision, text as it is, errors as their code with the
message on stderr (for #NUM! and #DIV/0!, which carry none in Excel, what each
function in the formula means by it); arrays one row a line, columns separated by tabs.
Exits 0 when the formula was evaluated (even to an Excel error), 1 when it
could not be read or evaluated, 2 on bad usage.`;

interface Writable {
  write(text: string): unknown;
  /** A terminal: `run` and `consolidate` draw their progress on it. */
  isTTY?: boolean;
}

interface EvalOptions {
  formula: string;
  json: boolean;
  workbook?: string;
  sheet?: string;
}

class UsageError extends Error {}

function parseArguments(args: string[]): EvalOptions {
  const [command, ...rest] = args;
  if (command !== "eval") throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  const options: Partial<EvalOptions> & { json: boolean } = { json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--json") options.json = true;
    else if (arg === "--workbook" || arg === "--sheet") {
      const value = rest[++i];
      if (!value) throw new UsageError(`${arg} needs a value`);
      options[arg === "--workbook" ? "workbook" : "sheet"] = value;
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (options.formula === undefined) options.formula = arg;
    else throw new UsageError(`one formula at a time (also got ${JSON.stringify(arg)})`);
  }
  if (!options.formula) throw new UsageError("no formula given");
  if (options.sheet && !options.workbook) throw new UsageError("--sheet goes with --workbook");
  return { ...options, formula: options.formula.startsWith("=") ? options.formula : `=${options.formula}` };
}

/**
 * Evaluates one formula, alone or in a workbook's sheet. Tables' structured
 * references work as in Excel. The formula is calculated without a cell of its
 * own (so it can read any cell, and a full sheet leaves it room to spill), and an
 * array answer comes back at its own size.
 */
export async function evaluateFormula(options: Omit<EvalOptions, "json">): Promise<CellValue[][]> {
  registerWfpFunctions(await loadMetadata());
  // exceljs (about 0.3 s to load) only when there is a file to read.
  const workbook = options.workbook
    ? await (await import("../engine/xlsx.ts")).readXlsx(await readFile(options.workbook))
    : new Workbook("Sheet1");
  const sheetName = options.sheet ?? workbook.sheets[0]!.name;
  if (!workbook.findSheet(sheetName)) {
    throw new UsageError(`the workbook has no sheet "${sheetName}": it has ${workbook.sheets.map((s) => s.name).join(", ")}`);
  }
  try {
    const value = workbook.calculate(sheetName, options.formula);
    return Array.isArray(value) ? trimTrailingBlanks(value) : [[value]];
  } finally {
    workbook.engine.destroy();
  }
}

function trimTrailingBlanks(values: CellValue[][]): CellValue[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 1 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
    return row.slice(0, end);
  });
  while (rows.length > 1 && rows[rows.length - 1]!.every((v) => v === null || v === undefined)) rows.pop();
  return rows;
}

function show(value: CellValue): string {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return "";
  return String(value);
}

/**
 * An error's message, or for a bare #NUM! or #DIV/0! (Excel shows none with
 * them, and the engine keeps none) what it means for each WFP function the
 * formula calls, from the functions' own catalogue entries.
 */
function errorMessage(error: DetailedCellError, formula: string): string {
  if (error.message) return error.message;
  const ids = [...new Set([...formula.matchAll(/WFP\.(\w+)\s*\(/gi)].map((m) => m[1]!.toUpperCase()))];
  const meanings = ids.flatMap((id) => {
    const meaning = catalogue[id]?.errors[error.value as keyof BareErrors];
    return meaning ? [`WFP.${id}: ${meaning}`] : [];
  });
  const tooLarge = error.value === "#NUM!" ? ["or a result too large for a cell"] : [];
  return meanings.length || tooLarge.length ? [...meanings, ...tooLarge].join("; ") : "";
}

function asJson(value: CellValue, formula: string): unknown {
  if (value instanceof DetailedCellError) return { error: value.value, message: errorMessage(value, formula) };
  return value ?? null;
}

/** The commands of their own, each loaded only when asked for: its usage, and how it runs. */
const COMMANDS: Record<
  string,
  () => Promise<{ usage: string; run: (args: readonly string[], stdout: Writable, stderr: Writable) => Promise<number> }>
> = {
  run: async () => {
    const { runCommand, RUN_USAGE } = await import("./run.ts");
    return { usage: RUN_USAGE, run: runCommand };
  },
  consolidate: async () => {
    const { consolidateCommand, CONSOLIDATE_USAGE } = await import("./consolidate.ts");
    return { usage: CONSOLIDATE_USAGE, run: consolidateCommand };
  },
};

export async function main(args: string[], stdout: Writable, stderr: Writable): Promise<number> {
  // Own keys only: "wfplan toString" is no command.
  const command = args[0] !== undefined && Object.hasOwn(COMMANDS, args[0]) ? COMMANDS[args[0]] : undefined;
  if (command) {
    const { usage, run } = await command();
    if (args.includes("--help") || args.includes("-h")) {
      stdout.write(`${usage}\n`);
      return 0;
    }
    return run(args.slice(1), stdout, stderr);
  }
  if (args.includes("--help") || args.includes("-h")) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: EvalOptions;
  try {
    options = parseArguments(args);
  } catch (error) {
    stderr.write(`wfplan: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  let values: CellValue[][];
  try {
    values = await evaluateFormula(options);
  } catch (error) {
    stderr.write(`wfplan: ${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  if (options.json) {
    const json =
      values.length === 1 && values[0]!.length === 1
        ? asJson(values[0]![0]!, options.formula)
        : values.map((row) => row.map((value) => asJson(value, options.formula)));
    stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    stdout.write(`${values.map((row) => row.map(show).join("\t")).join("\n")}\n`);
  }
  let unreadable = false;
  for (const value of values.flat()) {
    if (value instanceof DetailedCellError) stderr.write(`${value.value} ${errorMessage(value, options.formula)}\n`);
    // #ERROR! is the engine's word for a formula it could not read: that is a failure, not a result.
    if (value instanceof DetailedCellError && value.type === "ERROR") unreadable = true;
  }
  return unreadable ? 1 : 0;
}
