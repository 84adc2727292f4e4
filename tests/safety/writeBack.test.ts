import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook, type CellInput } from "../../engine/workbook.ts";
import { compareScenarios, runScenario, scenarioFromTables, triangulate } from "../../src/index.ts";
import { writeComparison } from "../../taskpane/adapter/comparison.ts";
import { writeScenarioResults } from "../../taskpane/adapter/results.ts";
import { saveScenario } from "../../taskpane/adapter/scenarioStore.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { addPlanTable, readLinkedTables } from "../workbench/plan.ts";

/*
 * Random planners' workbooks (text that looks like formulas included) and
 * random scenarios, run through the task pane's adapter on the workbench's
 * Excel API: no cell outside wfplan's own sheets changes, and no string
 * wfplan writes becomes a formula.
 */
beforeAll(async () => registerWfpFunctions(await loadMetadata()));
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

const name = fc.oneof(
  fc.constantFrom("Nursing", "Therapies", "=1+1", "+SUM(1)", "-A1", "@NOW()", '=HYPERLINK("http://x","y")', "\t=2", "Admin & clerical"),
  fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== ""),
);
const userCell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom("'=SUM(A1:A3)", "'+44 20 7946 0000", "'-", "note", "=1+2", "=SUM(A1:A2)", null),
);

function snapshot(model: Workbook, sheets: readonly string[]) {
  return sheets.map((sheet) => {
    const used = model.usedRange(sheet);
    return used ? model.formulas(sheet, used) : [];
  });
}

describe("write-back on random workbooks", () => {
  it("changes no cell outside wfplan's sheets and writes no formula", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4, selector: (text) => text.trim() }),
        fc.array(fc.array(userCell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.record({
          growth: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
          award: fc.double({ min: 0, max: 0.1, noNaN: true }),
          years: fc.integer({ min: 1, max: 4 }),
        }),
        async (groups, notes, drivers) => {
          const model = new Workbook("Staff");
          addPlanTable(model, "Staff", "tblStaff", [
            ["Staff group", "Band", "Contracted hours"],
            ...groups.map((group, i) => [group, `Band ${5 + (i % 3)}`, 37.5]),
          ]);
          addPlanTable(model, "Activity", "tblActivity", [
            ["Service line", "Total"],
            ["Bed days", 10000],
          ]);
          addPlanTable(model, "Standards", "tblStandards", [
            ["Service line", "Staff group", "Minutes per unit"],
            ...groups.map((group) => ["Bed days", group, 30]),
          ]);
          model.addSheet("Notes");
          model.setContents("Notes", 2, 1, notes);
          const userSheets = model.sheets.map((s) => s.name);
          const before = snapshot(model, userSheets);

          installExcelGlobals(model);
          const input = scenarioFromTables(await readLinkedTables(), {
            name: groups[0]!,
            startYear: "2025/26",
            horizonYears: drivers.years,
            activityGrowth: drivers.growth,
            payAward: drivers.award,
          });
          const result = runScenario(input);
          await writeScenarioResults(result, triangulate(result));
          await saveScenario(input, "2026-11-24T12:00:00.000Z");
          await writeComparison(compareScenarios([result]));

          expect(snapshot(model, userSheets)).toEqual(before);
          for (const sheet of model.sheets.map((s) => s.name).filter((s) => !userSheets.includes(s))) {
            const used = model.usedRange(sheet);
            const formulas = used
              ? model
                  .formulas(sheet, used)
                  .flat()
                  .filter((v) => typeof v === "string" && v.startsWith("="))
              : [];
            expect(formulas, sheet).toEqual([]);
          }
        },
      ),
      { numRuns: 25, seed: 424242 },
    );
  });
});
