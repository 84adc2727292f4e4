import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { detectPlanTables } from "../../src/index.ts";
import { listTables } from "../../taskpane/adapter/planTables.ts";
import { listSavedScenarios, STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan, WORKBOOK_STEPS } from "../../taskpane/useCases/runPlan.ts";
import { installExcelGlobals } from "../../workbench/excel/index.ts";

let model: Workbook;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  model = await readXlsx(readFileSync(SAMPLE_FILE));
  installExcelGlobals(model);
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("a run of the pane's plan, step by step", () => {
  const choices = { name: "Base case", startYear: "2025/26", horizonYears: 2 };

  it("writes the results and stores the scenario once per version", async () => {
    const roles = detectPlanTables(await listTables());
    const first = await runPlan(roles, choices);
    expect(first).toMatchObject({ sheet: "WFP results", stored: "saved" });
    expect((await runPlan(roles, choices)).stored).toBe("unchanged");
    expect((await listSavedScenarios()).map((s) => s.name)).toEqual(["Base case"]);
  });

  it("says what is in the workbook when storing fails after the results were written", async () => {
    const roles = detectPlanTables(await listTables());
    const failing = {
      ...WORKBOOK_STEPS,
      saveScenario: () => Promise.reject(new Error("The workbook is protected")),
    };
    const run = await runPlan(roles, { ...choices, name: "Protected" }, failing);
    expect(run.stored).toBeUndefined();
    expect(run.notStored).toBe(
      'The results are on the sheet "WFP results (3)", but the scenario was not saved in the workbook: The workbook is protected. Nothing else was written; run again to save it.',
    );
    expect(model.findSheet("WFP results (3)")).toBeTruthy();
    expect((await listSavedScenarios()).map((s) => s.name)).toEqual(["Base case"]);
    expect(model.findSheet(STORE_SHEET)).toBeTruthy();
  });
});
