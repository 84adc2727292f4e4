import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { listSavedScenarios, saveScenario } from "../../taskpane/adapter/scenarioStore.ts";
import { saveLinks } from "../../taskpane/adapter/linkStore.ts";
import { boardSummary, icsSummary, runScenario, starBreakdown, type ScenarioInput } from "../../src/index.ts";
import { writeBoardSummary } from "../../taskpane/adapter/board.ts";
import { writeIcsSummary } from "../../taskpane/adapter/icsSummary.ts";
import { OUTPUTS_SHEET } from "../../taskpane/adapter/outputSheets.ts";
import "./plan.ts"; // removes the Excel globals after the file

/*
 * Two people with the pane open on one shared workbook (Excel on the web
 * co-authoring), saving at the same moment: their syncs interleave (both read
 * the store's end, then both write), and no version is lost or written over.
 * Each `Excel.run` here is its own pane's batch on the one workbook.
 */

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

const scenario = (name: string, horizonYears: number): ScenarioInput => ({
  name,
  startYear: "2025/26",
  horizonYears,
  staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 9 }] }],
});

describe("two panes saving at once", () => {
  it("keeps both versions when both panes read the same end of the store and write together", async () => {
    const excel = installExcelGlobals(new Workbook("Plan"));
    await saveScenario(scenario("Base case", 3), "2026-12-07T09:00:00.000Z");
    const before = excel.stats.syncs;
    const [a, b] = await Promise.all([
      saveScenario(scenario("Growth (Asha)", 5), "2026-12-07T10:00:00.000Z"),
      saveScenario(scenario("Retain (Ben)", 4), "2026-12-07T10:00:00.000Z"),
    ]);
    expect([a, b]).toEqual(["saved", "saved"]);
    // Interleaved, as co-authors' are: each pane read the store's end before either wrote.
    expect(excel.stats.syncs - before).toBeGreaterThanOrEqual(4);
    const saved = await listSavedScenarios();
    expect(saved.map((s) => [s.name, s.input?.horizonYears])).toEqual(
      expect.arrayContaining([
        ["Base case", 3],
        ["Growth (Asha)", 5],
        ["Retain (Ben)", 4],
      ]),
    );
    expect(saved).toHaveLength(3);
    expect(saved.every((s) => !s.problem)).toBe(true);
  });

  it("keeps two new versions of one scenario saved at once, and both first saves where neither pane found a store", async () => {
    installExcelGlobals(new Workbook("Plan"));
    await Promise.all([saveScenario(scenario("Base case", 3)), saveScenario(scenario("Base case", 5))]);
    const saved = await listSavedScenarios();
    expect(saved.map((s) => s.input?.horizonYears).sort()).toEqual([3, 5]);
  });

  it("keeps both panes' links saved at once", async () => {
    const model = new Workbook("Plan");
    installExcelGlobals(model);
    await saveLinks({});
    await Promise.all([
      saveLinks({ staff: { source: "table:tblStaff", fields: {} } }),
      saveLinks({ activity: { source: "table:tblActivity", fields: {} } }),
    ]);
    const rows = model.values("wfplan_links", { top: 1, left: 1, bottom: 3, right: 1 }).map((r) => String(r[0]));
    expect(rows.filter((json) => json.includes("tblStaff"))).toHaveLength(1);
    expect(rows.filter((json) => json.includes("tblActivity"))).toHaveLength(1);
  });

  it("keeps both panes' links when neither found the links sheet and both made it at once", async () => {
    const model = new Workbook("Plan");
    installExcelGlobals(model);
    const [a, b] = await Promise.all([
      saveLinks({ staff: { source: "table:tblStaff", fields: {} } }),
      saveLinks({ activity: { source: "table:tblActivity", fields: {} } }),
    ]);
    expect([a.changed, b.changed]).toEqual([true, true]);
    const used = model.usedRange("wfplan_links")!;
    const rows = model.values("wfplan_links", { ...used, top: 1, left: 1, right: 1 }).map((r) => String(r[0]));
    expect(rows).toHaveLength(2);
    expect(rows.some((json) => json.includes("tblStaff")) && rows.some((json) => json.includes("tblActivity"))).toBe(true);
  });

  it("keeps both panes' output sheets registered when two new ones are written at once", async () => {
    const model = new Workbook("Plan");
    installExcelGlobals(model);
    // A register with one sheet on it already, as a run before left it.
    model.addSheet(OUTPUTS_SHEET);
    model.setContents(OUTPUTS_SHEET, 0, 0, [
      ["Scenario", "Sheet", "Fingerprint", "Written at"],
      ["'Base case", "'WFP Base case", "'0", "'2026-12-06T09:00:00Z"],
    ]);
    const input = scenario("Base case", 3);
    const result = runScenario(input);
    const at = new Date("2026-12-07T10:00:00Z");
    const [board, ics] = await Promise.all([
      writeBoardSummary(boardSummary([result], [starBreakdown(input)]), at),
      writeIcsSummary(icsSummary([{ trust: "Trust A", scenario: "Base case", result }]), at),
    ]);
    const keys = model.values(OUTPUTS_SHEET, model.usedRange(OUTPUTS_SHEET)!).map((row) => [String(row[0]), String(row[1])]);
    expect(keys.slice(1).sort()).toEqual(
      [
        ["Base case", "WFP Base case"],
        ["wfplan:board", board.sheet],
        ["wfplan:ics", ics.sheet],
      ].sort(),
    );
  });
});
