import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { icsSummary, loadDriverExpressions, trustPlan, uniqueTrustNames, type SystemBankSettings, type TrustPlan } from "../src/index.ts";
import { readTrustWorkbook } from "../files/trustWorkbook.ts";
import { exists } from "./files.ts";

export const CONSOLIDATE_USAGE = `Usage: wfplan consolidate FILE.xlsx [FILE.xlsx=SCENARIO ...] [--scenario NAME] -o OUT.xlsx [options]

Consolidates trusts' workbooks that wfplan has run on into an ICS summary
workbook: each trust's chosen scenario, run as the trust ran it, by staff
group and year; the system's totals; competing shortages and differing
assumptions; shared pay rates; and a collaborative bank's savings. Files are
read one at a time, from the files alone, and never sent anywhere.
  --scenario NAME       the scenario to use in every file (a file's only scenario when not given)
  FILE.xlsx=NAME        the scenario to use in that file, where it differs
  -o, --output FILE     the ICS summary workbook to write (refused if it exists, unless --force)
  --bank-share X        share of agency cover a collaborative bank fills: 0.3 or 30% (default 0)
  --bank-fee X          the bank's management fee on its pay bill: 0.05 or 5% (default 0)
  --bank-cap GROUP=FTE  the most bank FTE the bank supplies of a staff group (repeat for each)
  --force               write over OUT.xlsx

Reports each file as it goes (a progress bar on a terminal) and why any was skipped.
Exits 0 when every file was used, 3 when some were skipped (the summary holds the
others), 1 when none could be used or the summary could not be written, 2 on bad usage.`;

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class ConsolidateUsageError extends Error {}

interface ConsolidateOptions {
  files: { path: string; scenario?: string }[];
  output: string;
  force: boolean;
  bank: SystemBankSettings;
}

/** A share as a fraction: "30%" or 0.3. */
function share(text: string, option: string): number {
  const percent = /^\s*(-?[\d.]+)\s*%\s*$/.exec(text);
  const value = percent ? Number(percent[1]) / 100 : Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1 || text.trim() === "")
    throw new ConsolidateUsageError(`${option} ${JSON.stringify(text)}: give a share from 0 to 1, such as 0.3 or 30%`);
  return value;
}

export function parseConsolidate(args: readonly string[]): ConsolidateOptions {
  const options: ConsolidateOptions = { files: [], output: "", force: false, bank: { share: 0, fee: 0, capFte: {} } };
  let scenario: string | undefined;
  const value = (i: number, arg: string) => {
    const next = args[i];
    if (next === undefined || next.startsWith("--")) throw new ConsolidateUsageError(`${arg} needs a value`);
    return next;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--scenario") scenario = value(++i, arg);
    else if (arg === "-o" || arg === "--output") options.output = value(++i, arg);
    else if (arg === "--force") options.force = true;
    else if (arg === "--bank-share") options.bank.share = share(value(++i, arg), arg);
    else if (arg === "--bank-fee") options.bank.fee = share(value(++i, arg), arg);
    else if (arg === "--bank-cap") {
      const text = value(++i, arg);
      const at = text.lastIndexOf("=");
      const fte = Number(text.slice(at + 1));
      if (at <= 0 || !Number.isFinite(fte) || fte < 0 || text.slice(at + 1).trim() === "")
        throw new ConsolidateUsageError(`--bank-cap ${JSON.stringify(text)}: give a staff group and FTE, such as "Registered nursing=40"`);
      options.bank.capFte[text.slice(0, at).trim()] = fte;
    } else if (arg.startsWith("-")) throw new ConsolidateUsageError(`unknown option ${arg}`);
    else {
      // FILE.xlsx=SCENARIO names the scenario for that file.
      const match = /^(.*\.xlsx)=(.+)$/i.exec(arg);
      options.files.push(match ? { path: match[1]!, scenario: match[2]! } : { path: arg });
    }
  }
  if (!options.files.length) throw new ConsolidateUsageError("no workbooks given");
  if (!options.output) throw new ConsolidateUsageError("give the workbook to write with -o OUT.xlsx");
  if (!/\.xlsx$/i.test(options.output)) throw new ConsolidateUsageError(`-o ${options.output}: the ICS summary is written as .xlsx`);
  options.files = options.files.map((f) => ({ ...f, scenario: f.scenario ?? scenario }));
  return options;
}

/** Reports progress: a bar redrawn in place on a terminal, a line a file otherwise (logs, pipes). */
function progress(stderr: Writable, total: number) {
  return (done: number, file: string, outcome: string) => {
    if (stderr.isTTY) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${file.slice(0, 40).padEnd(40)}`);
      if (outcome.startsWith("skipped")) stderr.write(`\n  ${file}: ${outcome}\n`);
      if (done === total) stderr.write("\n");
    } else stderr.write(`${done}/${total} ${file}: ${outcome}\n`);
  };
}

export async function consolidateCommand(args: readonly string[], stdout: Writable, stderr: Writable): Promise<number> {
  let options: ConsolidateOptions;
  try {
    options = parseConsolidate(args);
  } catch (error) {
    if (!(error instanceof ConsolidateUsageError)) throw error;
    stderr.write(`wfplan consolidate: ${error.message}\n\n${CONSOLIDATE_USAGE}\n`);
    return 2;
  }
  if (!options.force && (await exists(options.output))) {
    stderr.write(`wfplan consolidate: ${options.output} exists: give another name, or --force to write over it\n`);
    return 2;
  }
  // One file at a time: each is read, its scenario run, and only the result kept, so 200 trusts never sit in memory at once.
  const report = progress(stderr, options.files.length);
  const plans: TrustPlan[] = [];
  await loadDriverExpressions();
  const outcomes: { file: string; trust?: string; scenario?: string; outcome: string }[] = [];
  for (const [i, { path, scenario }] of options.files.entries()) {
    const file = basename(path);
    let outcome: string;
    try {
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new Error(error.code === "ENOENT" ? "there is no such file" : `it cannot be read (${error.message})`);
      });
      const plan = trustPlan(await readTrustWorkbook(bytes, file), scenario);
      plans.push(plan);
      outcome = `used "${plan.scenario}"`;
      outcomes.push({ file, trust: plan.trust, scenario: plan.scenario, outcome: "used" });
    } catch (error) {
      const message = (error as Error).message;
      outcome = `skipped: ${message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message}`;
      outcomes.push({ file, outcome });
    }
    report(i + 1, file, outcome);
  }
  if (!plans.length) {
    stderr.write("wfplan consolidate: no workbook could be used, so nothing was written\n");
    return 1;
  }
  const names = uniqueTrustNames(plans.map((p) => p.trust));
  plans.forEach((plan, i) => (plan.trust = names[i]!));
  try {
    const summary = icsSummary(plans, options.bank);
    await writeFile(options.output, await summaryWorkbook(summary, outcomes));
  } catch (error) {
    stderr.write(`wfplan consolidate: ${(error as Error).message}\n`);
    return 1;
  }
  const skipped = outcomes.length - plans.length;
  stdout.write(
    `Wrote ${options.output}: ${plans.length} trust${plans.length === 1 ? "" : "s"}${skipped ? `, ${skipped} file${skipped === 1 ? "" : "s"} skipped` : ""}\n`,
  );
  return skipped ? 3 : 0;
}

/** The ICS summary workbook: a sheet saying which files were used and why any was not, and the pane's own ICS summary sheet. */
async function summaryWorkbook(
  summary: ReturnType<typeof icsSummary>,
  outcomes: readonly { file: string; trust?: string; scenario?: string; outcome: string }[],
): Promise<Uint8Array> {
  // The spreadsheet side only now: the workbench's Excel API writes the sheet exactly as the pane does.
  const [{ registerWfpFunctions }, { loadMetadata }, { Workbook }, { writeXlsx }, { installExcelGlobals }, { writeIcsSummary }] =
    await Promise.all([
      import("../engine/hyperformula.ts"),
      import("../engine/metadata.ts"),
      import("../engine/workbook.ts"),
      import("../engine/xlsx.ts"),
      import("../excelHost/index.ts"),
      import("../taskpane/adapter/icsSummary.ts"),
    ]);
  registerWfpFunctions(await loadMetadata());
  const model = new Workbook("Files");
  model.setContents("Files", 0, 0, [
    ["File", "Trust", "Scenario", "Used"],
    ...outcomes.map((o) => [o.file, o.trust ?? "", o.scenario ?? "", o.outcome].map((v) => `'${v}`)),
  ]);
  model.setStyle("Files", { top: 0, left: 0, bottom: 0, right: 3 }, { bold: true });
  installExcelGlobals(model);
  await writeIcsSummary(summary);
  return (await writeXlsx(model)).bytes;
}
