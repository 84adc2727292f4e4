import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { detectPlanTables, runScenario, scenarioFromTables } from "../../src/index.ts";
import { listTables } from "../../taskpane/adapter/planTables.ts";
import { listSavedScenarios, STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { PLAN_STEPS, runPlan, RunCancelled } from "../../taskpane/useCases/runPlan.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { openSample, readLinkedTables } from "./plan.ts";

let model: Workbook;
beforeAll(async () => {
  ({ model } = await openSample());
});

describe("a run of the pane's plan, step by step", () => {
  const choices = { name: "Base case", startYear: "2025/26", horizonYears: 2 };

  it("writes the results and stores the scenario once per version", async () => {
    const roles = detectPlanTables(await listTables());
    const first = await runPlan(roles, choices);
    expect(first).toMatchObject({ sheet: "WFP Base case", stored: "saved" });
    expect((await runPlan(roles, choices)).stored).toBe("unchanged");
    expect((await listSavedScenarios()).map((s) => s.name)).toEqual(["Base case"]);
  });

  it("says what is in the workbook when storing fails after the results were written", async () => {
    const roles = detectPlanTables(await listTables());
    const failing = { saveScenario: () => Promise.reject(new Error("The workbook is protected")) };
    const run = await runPlan(roles, { ...choices, name: "Protected" }, { steps: failing });
    expect(run.stored).toBeUndefined();
    expect(run.notStored).toBe(
      'The results are on the sheets "WFP Protected" and "WFP Protected by month", but the scenario was not saved in the workbook: The workbook is protected. Nothing else was written; run again to save it.',
    );
    expect(model.findSheet("WFP Protected")).toBeTruthy();
    expect((await listSavedScenarios()).map((s) => s.name)).toEqual(["Base case"]);
    expect(model.findSheet(STORE_SHEET)).toBeTruthy();
  });

  it("takes five syncs from opening the pane to a stored scenario, four when nothing changed, none over 4 MB", async () => {
    const { excel } = await openSample();
    const open = await openWorkbook();
    expect(excel.stats.syncs).toBe(2); // names; headers, sizes, samples and the store
    const roles = detectPlanTables(open.tables);
    const first = await runPlan(roles, choices, { view: open });
    expect(first.stored).toBe("saved");
    // Reads; results; the new store row. Excel.run's closing syncs carry nothing.
    expect(excel.stats.syncs).toBe(5);
    const again = await openWorkbook();
    expect(again.saved.map((s) => s.name)).toEqual(["Base case"]);
    expect((await runPlan(roles, choices, { view: again })).stored).toBe("unchanged");
    expect(excel.stats.syncs).toBe(5 + 4); // open (2); reads with the store's index; results with the stored version
    expect(excel.stats.largestRequestBytes).toBeLessThan(4_000_000);
    expect(excel.stats.largestResponseBytes).toBeLessThan(4_000_000);
    // The results match the model run on the tables directly.
    const direct = runScenario(scenarioFromTables(await readLinkedTables(), choices));
    expect(first.result.rows.map((r) => r.totalCost)).toEqual(direct.rows.map((r) => r.totalCost));
  });

  it("reads a table that grew since the pane looked at it, and a store made since, without losing a row", async () => {
    const { model: fresh } = await openSample();
    const open = await openWorkbook();
    const roles = detectPlanTables(open.tables);
    const before = await runPlan(roles, choices, { view: open }); // makes the store the view does not know of
    const staff = open.tables.find((t) => t.name === roles.staff)!;
    const rows = fresh.values(staff.sheet, { top: 1, left: 0, bottom: 1, right: staff.columns - 1 });
    // One more row at the table's end, as Excel extends a table when a row is typed below it.
    fresh.addTableRows(
      roles.staff!,
      rows.map((row) => row.map((cell) => (typeof cell === "string" ? `'${cell}` : (cell as number)))),
    );
    const second = await runPlan(roles, { ...choices, name: "Grown" }, { view: open });
    expect(second.stored).toBe("saved");
    // The new row is read: the plan's staff are the sample's plus a copy of its first row.
    const direct = runScenario(scenarioFromTables(await readLinkedTables(), { ...choices, name: "Grown" }));
    expect(second.result.rows.map((r) => r.supplyFte)).toEqual(direct.rows.map((r) => r.supplyFte));
    const inPost = (run: typeof direct) => run.rows.filter((r) => r.yearIndex === 1).reduce((sum, r) => sum + r.supplyFte, 0);
    expect(inPost(second.result)).toBeGreaterThan(inPost(before.result));
    expect((await listSavedScenarios()).map((s) => s.name)).toEqual(["Base case", "Grown"]);
  });

  it("tells each step as it starts, and a cancel before writing leaves the workbook as it was", async () => {
    const { model: fresh } = await openSample();
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    const seen: string[] = [];
    const done = await runPlan(
      roles,
      { ...choices, name: "Stepped" },
      { view, onStep: (step) => seen.push(`${step.index}/${step.of} ${step.label}`) },
    );
    expect(seen).toEqual(PLAN_STEPS.map((label, i) => `${i + 1}/7 ${label}`));
    expect(done.stored).toBe("saved");

    const controller = new AbortController();
    const count = fresh.changeCount;
    const cancelled = runPlan(
      roles,
      { ...choices, name: "Cancelled" },
      {
        view: done.view,
        signal: controller.signal,
        onStep: (step) => step.label === "Running it" && controller.abort(),
      },
    );
    await expect(cancelled).rejects.toThrow(RunCancelled);
    expect(fresh.changeCount).toBe(count);
    expect(fresh.findSheet("WFP Cancelled")).toBeUndefined();
  });
});
