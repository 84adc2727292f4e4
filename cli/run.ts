import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { checkVerdict, formatPounds, formatFte } from "../src/index.ts";
import { exists } from "./files.ts";

export const RUN_USAGE = `Usage: wfplan run FILE.xlsx [--scenario NAME]... [-o OUT.xlsx] [--force]

Runs a workbook's stored scenarios again on its stored links, through the same
steps as the task pane, and writes the same sheets (each scenario's results and
months, with the plan against the month's actuals) into a copy of the workbook.
With no scenario stored, runs a base case on the tables the pane would propose,
and says which it took. The workbook given is never written over.
  --scenario NAME    a stored scenario to run (repeat for more; every stored one when not given)
  -o, --output FILE  the copy to write (default: FILE-run.xlsx beside it); refused if it exists, unless --force
  --force            write over OUT.xlsx

Prints each scenario's checks and first-year figures, and progress on a terminal.
Exits 0 when every scenario ran, 1 when one could not be run (what and where),
or the workbook could not be read or written, 2 on bad usage.`;

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

class RunUsageError extends Error {}

interface RunOptions {
  file: string;
  names: string[];
  output: string;
  force: boolean;
}

export function parseRun(args: readonly string[]): RunOptions {
  const options: RunOptions = { file: "", names: [], output: "", force: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith("-")) throw new RunUsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--scenario") options.names.push(value());
    else if (arg === "-o" || arg === "--output") options.output = value();
    else if (arg === "--force") options.force = true;
    else if (arg.startsWith("-")) throw new RunUsageError(`unknown option ${arg}`);
    else if (!options.file) options.file = arg;
    else throw new RunUsageError(`one workbook at a time (also got ${JSON.stringify(arg)})`);
  }
  if (!options.file) throw new RunUsageError("no workbook given");
  if (!/\.xlsx$/i.test(options.file)) throw new RunUsageError(`${options.file}: wfplan runs .xlsx workbooks`);
  options.output ||= options.file.replace(/\.xlsx$/i, "-run.xlsx");
  if (!/\.xlsx$/i.test(options.output)) throw new RunUsageError(`-o ${options.output}: the copy is written as .xlsx`);
  if (options.output === options.file) throw new RunUsageError("-o names the workbook itself: the workbook given is never written over");
  return options;
}

export async function runCommand(args: readonly string[], stdout: Writable, stderr: Writable): Promise<number> {
  let options: RunOptions;
  try {
    options = parseRun(args);
  } catch (error) {
    if (!(error instanceof RunUsageError)) throw error;
    stderr.write(`wfplan run: ${error.message}\n\n${RUN_USAGE}\n`);
    return 2;
  }
  if (!options.force && (await exists(options.output))) {
    stderr.write(`wfplan run: ${options.output} exists: give another name with -o, or --force to write over it\n`);
    return 2;
  }
  const [{ registerWfpFunctions }, { loadMetadata }, { readXlsx, writeXlsx }, { installExcelGlobals }, { runStoredScenarios }] =
    await Promise.all([
      import("../engine/hyperformula.ts"),
      import("../engine/metadata.ts"),
      import("../engine/xlsx.ts"),
      import("../excelHost/index.ts"),
      import("../taskpane/useCases/runStored.ts"),
    ]);
  registerWfpFunctions(await loadMetadata());
  let model;
  try {
    const bytes = await readFile(options.file).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === "ENOENT" ? "there is no such file" : `it cannot be read (${error.message})`);
    });
    model = await readXlsx(bytes);
  } catch (error) {
    stderr.write(`wfplan run: ${basename(options.file)}: ${(error as Error).message}\n`);
    return 1;
  }
  installExcelGlobals(model);
  // A bar on a terminal, redrawn in place; nothing on a pipe or a log but the summary.
  const bar = stderr.isTTY ? (text: string) => stderr.write(`\r${text.slice(0, 78).padEnd(78)}`) : undefined;
  let current = "";
  const done = await runStoredScenarios({
    names: options.names,
    onScenario: (name, index, of) => (current = `${index + 1}/${of} ${name}`),
    onStep: bar ? (step) => bar(`${current}: ${step.label} (${step.index}/${step.of})`) : undefined,
  });
  if (bar) stderr.write("\r".padEnd(80) + "\r");

  for (const line of done.unreadable) stderr.write(`wfplan run: left as it is: ${line}\n`);
  if (done.baseCaseTables)
    stdout.write(`No scenario is stored: ran a base case on the tables the pane proposes (${done.baseCaseTables.join("; ")}).\n`);
  let failed = false;
  for (const { scenario, run, problem, notCarried } of done.runs) {
    if (!run) {
      failed = true;
      stderr.write(`wfplan run: "${scenario}" could not be run: ${problem}\n`);
      continue;
    }
    const first = run.result.rows.filter((r) => r.yearIndex === 1);
    const cost = first.reduce((sum, r) => sum + r.totalCost, 0);
    const budget = first.reduce((sum, r) => sum + r.budget, 0);
    const gap = first.reduce((sum, r) => sum + Math.max(0, r.gapFte), 0);
    stdout.write(
      `${scenario}: ${run.result.years[0]} pay cost ${formatPounds(cost)} against a budget of ${formatPounds(budget)}; gap ${formatFte(gap)}; ` +
        `sheets "${run.sheet}" and "${run.monthsSheet}"\n`,
    );
    for (const check of run.checks.checks) stdout.write(`  ${check.title}: ${checkVerdict(check)}\n`);
    if (run.actualsKept) stdout.write(`  ${run.actualsKept}\n`);
    if (run.leftOut.length) stdout.write(`  ${run.leftOut.length} row(s) left out of the plan (the rest were read)\n`);
    if (run.notStored) stderr.write(`wfplan run: ${run.notStored}\n`);
    for (const what of notCarried) stdout.write(`  Not carried by this run: ${what}\n`);
  }
  if (done.runs.some((r) => r.run)) {
    try {
      await writeFile(options.output, (await writeXlsx(model)).bytes);
    } catch (error) {
      stderr.write(`wfplan run: ${options.output} could not be written: ${(error as Error).message}\n`);
      return 1;
    }
    stdout.write(`Wrote ${options.output}\n`);
  }
  return failed ? 1 : 0;
}
