import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { detectPlanTables, runScenario, scenarioFromTables } from "../../src/index.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { PLAN_STEPS, runPlan, type PlanStep } from "../../taskpane/useCases/runPlan.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { readLinkedTables } from "./plan.ts";

/*
 * A trust's whole ESR extract: the sample's staff table grown to 50,000 rows,
 * linked and run through the workbench's Excel API as the pane does it. The
 * syncs and the largest request or response are counted (Excel on the web
 * refuses a payload over 5 MB); every progress step is reported in order. Its
 * time is the bench's ("A 5-year scenario from the pane's tables"), not
 * asserted here.
 */

const ROWS = 50_000;
let excel: ReturnType<typeof installExcelGlobals>;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  const model = await readXlsx(readFileSync(SAMPLE_FILE));
  const staff = model.table("tblStaff");
  const rows = model.values(staff.sheet, { ...staff.range, top: staff.range.top + 1 });
  const copy = rows.map((row) => row.map((cell) => (typeof cell === "string" ? `'${cell}` : (cell as number))));
  const more = Array.from({ length: ROWS - rows.length }, (_, i) => copy[i % copy.length]!);
  model.addTableRows("tblStaff", more);
  excel = installExcelGlobals(model);
}, 120_000);

describe("a workbook of 50,000 staff rows in the pane", () => {
  it("links and runs within the pane's sync budget, no payload over 4 MB, with every step of the progress shown", async () => {
    const view = await openWorkbook();
    const staff = view.tables.find((t) => t.name === "tblStaff")!;
    expect(staff.rows).toBe(ROWS);
    expect(excel.stats.syncs).toBe(2);
    const steps: PlanStep[] = [];
    const choices = { name: "Whole extract", startYear: "2025/26", horizonYears: 5, activityGrowth: 0.03, payAward: 0.03, headroom: 0.22 };
    const run = await runPlan(detectPlanTables(view.tables), choices, { view, onStep: (step) => steps.push(step) });
    expect(run.stored).toBe("saved");
    expect(run.leftOut).toEqual([]);
    expect(steps.map((s) => s.label)).toEqual([...PLAN_STEPS]);
    expect(steps.map((s) => `${s.index}/${s.of}`)).toEqual(PLAN_STEPS.map((_, i) => `${i + 1}/${PLAN_STEPS.length}`));
    // Open (2); the reads, split so no response passes the budget; results; the store row.
    const { syncs, largestRequestBytes, largestResponseBytes } = excel.stats;
    expect(syncs).toBeLessThanOrEqual(6);
    expect(Math.max(largestRequestBytes, largestResponseBytes)).toBeLessThan(4_000_000);
    // Every row costed: the first year's substantive FTE is the table's, and the results are the model's on the same tables.
    const direct = runScenario(scenarioFromTables(await readLinkedTables(), choices));
    expect(run.result.rows.map((r) => r.totalCost)).toEqual(direct.rows.map((r) => r.totalCost));
  }, 120_000);
});
