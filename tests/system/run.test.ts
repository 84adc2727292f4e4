import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { runScenario } from "../../src/index.ts";
import { latestVersions, listSavedScenarios } from "../../taskpane/adapter/scenarioStore.ts";
import { runCli } from "../functions/helpers.ts";
import { icsFiles, ownResults, pence } from "./trustFiles.ts";

/*
 * `wfplan run`: a workbook's stored scenarios run again headlessly through
 * the pane's own steps, or a base case where none is stored, written into a
 * copy; what it prints, and the exit codes a schedule reads.
 */

let dir: string;
const path = (name: string) => join(dir, name);
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  dir = mkdtempSync(join(tmpdir(), "wfplan-run-"));
  writeFileSync(path("sample.xlsx"), readFileSync(SAMPLE_FILE));
  const northfield = icsFiles().trusts[0]!;
  writeFileSync(path("northfield.xlsx"), northfield.bytes);
});

/** The stored scenario of `name` in a written workbook, and that workbook. */
async function storedIn(file: string, name: string) {
  const book = await readXlsx(readFileSync(file));
  installExcelGlobals(book);
  const input = latestVersions(await listSavedScenarios()).find((v) => v.name === name)!.input!;
  return { book, input };
}

describe("wfplan run", () => {
  it("runs a base case on a workbook with no scenario stored, says which tables it took, and writes a copy", async () => {
    const before = readFileSync(path("sample.xlsx"));
    const result = await runCli("run", path("sample.xlsx"));
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      "No scenario is stored: ran a base case on the tables the pane proposes (staff: tblStaff (Staff); establishment: tblEstablishment (Establishment); " +
        "activity: tblActivity (Activity); standards: tblStandards (Staffing standards); budget: tblPayBudget (Finance); temporary: tblTemporary (Bank and agency); flows: tblFlows (Flows)).",
    );
    expect(result.stdout).toMatch(
      /^Base case: 2025\/26 pay cost £[\d,]+ against a budget of £[\d,]+; gap [\d,.]+ FTE; sheets "WFP Base case" and "WFP Base case by month"$/m,
    );
    expect(result.stdout).toContain(
      "  Agency and bank spend meet the temporary staffing rules: not checked: no agency spend is given for the year before",
    );
    expect(result.stdout.trim().split("\n").at(-1)).toBe(`Wrote ${path("sample-run.xlsx")}`);
    // The workbook given is as it was; the copy's results are the model's, run directly on the scenario it stored, to the penny.
    expect(readFileSync(path("sample.xlsx")).equals(before)).toBe(true);
    const { book, input } = await storedIn(path("sample-run.xlsx"), "Base case");
    const direct = runScenario(input);
    const table = book.tables.find((t) => t.sheet === "WFP Base case")!;
    const [header, ...rows] = book.values(table.sheet, table.range);
    const cost = header!.indexOf("Total pay cost");
    expect(rows.map((r) => pence(Number(r[cost])))).toEqual(direct.rows.map((r) => pence(r.totalCost)));
    expect(book.findSheet("WFP Base case by month")).toBeDefined();
    const first = direct.rows.filter((r) => r.yearIndex === 1).reduce((sum, r) => sum + r.totalCost, 0);
    expect(result.stdout).toContain(`2025/26 pay cost £${Math.round(first).toLocaleString("en-GB")} against`);
  });

  it("runs a stored scenario again on its stored links, the same as the pane ran it", async () => {
    const result = await runCli("run", path("northfield.xlsx"), "--scenario", "stretch", "-o", path("northfield-stretch.xlsx"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Stretch: 2025\/26 pay cost £[\d,]+ against a budget of £[\d,]+; gap [\d,.]+ FTE; sheets "WFP Stretch" and "WFP Stretch by month"$/m,
    );
    // The same figures as the trust's own results sheet for it, to the penny: the same steps on the same tables.
    const own = await ownResults(new Uint8Array(readFileSync(path("northfield.xlsx"))), "Stretch");
    const again = await ownResults(new Uint8Array(readFileSync(path("northfield-stretch.xlsx"))), "Stretch");
    expect(again.map((r) => [r.year, r.staffGroup, pence(r.totalCost)])).toEqual(
      own.map((r) => [r.year, r.staffGroup, pence(r.totalCost)]),
    );
  });

  it("shows each step on a terminal, and nothing but the summary on a pipe", async () => {
    const { main } = await import("../../cli/main.ts");
    let terminal = "";
    let out = "";
    const code = await main(
      ["run", path("northfield.xlsx"), "--scenario", "Stretch", "-o", path("northfield-tty.xlsx")],
      { write: (t: string) => (out += t) },
      { write: (t: string) => (terminal += t), isTTY: true },
    );
    expect(code).toBe(0);
    expect(terminal).toContain("\r1/1 Stretch: Reading the linked tables (1/7)");
    expect(terminal).toContain("1/1 Stretch: Saving the scenario (7/7)");
    expect(out).toMatch(/^Stretch: 2025\/26 pay cost/m);
  });

  it("exits 1 naming a scenario that is not stored or a file that cannot be read, and 2 on bad usage", async () => {
    const missing = await runCli("run", path("northfield.xlsx"), "--scenario", "Winter", "-o", path("winter.xlsx"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^wfplan run: "Winter" could not be run: no scenario named "Winter" is stored in the workbook \(it has "Plan 2025", .*"Stretch"/,
    );
    expect(existsSync(path("winter.xlsx"))).toBe(false);
    expect(await runCli("run", path("nowhere.xlsx"))).toMatchObject({
      code: 1,
      stderr: "wfplan run: nowhere.xlsx: there is no such file\n",
    });
    expect((await runCli("run")).code).toBe(2);
    expect((await runCli("run", path("plan.csv"))).stderr).toMatch(/^wfplan run: .*plan\.csv: wfplan runs \.xlsx workbooks/);
    expect((await runCli("run", path("sample.xlsx"), "-o", path("sample.xlsx"))).stderr).toMatch(
      /the workbook given is never written over/,
    );
    // The copy of the first test is there: not written over without --force.
    const exists = await runCli("run", path("sample.xlsx"));
    expect(exists).toMatchObject({
      code: 2,
      stderr: `wfplan run: ${path("sample-run.xlsx")} exists: give another name with -o, or --force to write over it\n`,
    });
    expect((await runCli("run", "--help")).stdout).toMatch(/^Usage: wfplan run FILE\.xlsx/);
  });
});
