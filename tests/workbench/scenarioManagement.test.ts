import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { detectPlanTables } from "../../src/index.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import {
  deleteScenario,
  duplicateScenario,
  latestVersions,
  listSavedScenarios,
  renameScenario,
  STORE_SHEET,
} from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { openSample } from "./plan.ts";

/*
 * Managing saved scenarios: duplicate, rename and delete, each a new row on
 * the store (never writing over one), names unique whatever their case.
 */

let model: Workbook;
beforeAll(async () => {
  ({ model } = await openSample());
});

const live = async () => latestVersions(await listSavedScenarios()).map((s) => s.name);

describe("managing saved scenarios", () => {
  it("duplicates, renames and deletes, refusing a name that is taken, and keeps every row", async () => {
    const view = await openWorkbook();
    await runPlan(detectPlanTables(view.tables), { name: "Base case", startYear: "2025/26", horizonYears: 1 }, { view });
    const base = () => listSavedScenarios().then((all) => ({ all, row: latestVersions(all).find((s) => s.name === "Base case")! }));

    let { all, row } = await base();
    expect(await duplicateScenario(row, "  Winter pressures ", all)).toBe("Winter pressures");
    expect(await live()).toEqual(["Base case", "Winter pressures"]);
    const copy = latestVersions(await listSavedScenarios()).find((s) => s.name === "Winter pressures")!;
    expect(copy.input).toEqual({ ...row.input, name: "Winter pressures" });

    // Names are unique whatever their case or spaces.
    ({ all, row } = await base());
    await expect(duplicateScenario(row, "winter PRESSURES", all)).rejects.toThrow(
      'A scenario named "Winter pressures" is already saved in this workbook: choose another name.',
    );
    await expect(renameScenario(row, " ", all)).rejects.toThrow("Give the scenario a name.");

    // Rename: the new name has the scenario, the old name is gone from the list; a change of case alone is allowed.
    expect(model.findSheet("WFP Base case")).toBeTruthy();
    await renameScenario(row, "Baseline", all);
    expect(await live()).toEqual(["Winter pressures", "Baseline"]);
    // Its results sheet follows the name.
    expect(model.findSheet("WFP Base case")).toBeUndefined();
    expect(model.findSheet("WFP Baseline")).toBeTruthy();
    const renamed = latestVersions(await listSavedScenarios()).find((s) => s.name === "Baseline")!;
    await renameScenario(renamed, "BASELINE", await listSavedScenarios());
    expect(await live()).toEqual(["Winter pressures", "BASELINE"]);
    // Run again under its new name, the same sheet is replaced, not another added.
    const sheets = model.sheets.length;
    const again = await runPlan(detectPlanTables(view.tables), { name: "BASELINE", startYear: "2025/26", horizonYears: 1 });
    expect(again.sheet).toBe("WFP BASELINE");
    expect(model.sheets.length).toBe(sheets);

    // Delete: gone from the list, every earlier row kept on the store sheet.
    const rowsBefore = (await listSavedScenarios()).length;
    await deleteScenario(latestVersions(await listSavedScenarios()).find((s) => s.name === "Winter pressures")!);
    expect(await live()).toEqual(["BASELINE"]);
    const stored = await listSavedScenarios();
    expect(stored.length).toBe(rowsBefore + 1);
    expect(stored.filter((s) => s.deleted).map((s) => s.name)).toEqual(["Base case", "Winter pressures"]);
    expect(model.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
  });
});
