import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { detectPlanTables, starByYear } from "../../src/index.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { outputSheetName, valuesFingerprint } from "../../taskpane/adapter/outputSheets.ts";
import { RunCancelled } from "../../taskpane/adapter/planSession.ts";
import type { installExcelGlobals } from "../../excelHost/index.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { openSample } from "./plan.ts";

/*
 * One output sheet per scenario: a re-run replaces its contents, an edit by
 * the planner is noticed and asked about, a sheet wfplan did not write is
 * never written over, and no sheet but wfplan's own changes.
 */

let model: Workbook;
let excel: ReturnType<typeof installExcelGlobals>;
beforeAll(async () => {
  ({ model, excel } = await openSample());
});

const WFPLAN_SHEETS = /^(WFP |wfplan_)/;
/** Every cell of every sheet that is not wfplan's, as text. */
function plannersSheets(): string {
  return JSON.stringify(
    model.sheets
      .filter((s) => !WFPLAN_SHEETS.test(s.name))
      .map((s) => [s.name, model.usedRange(s.name) ? model.values(s.name, model.usedRange(s.name)!) : []]),
  );
}

describe("a scenario's own output sheet", () => {
  const choices = { name: "Base case", startYear: "2025/26", horizonYears: 2 };

  it("names the sheet after the scenario, within Excel's rules", () => {
    expect(outputSheetName("Base case")).toBe("WFP Base case");
    expect(outputSheetName("From 2024/25: [draft]?")).toBe("WFP From 2024 25 draft");
    expect(outputSheetName("A very long scenario name for the board in March")).toBe("WFP A very long scenario name f");
  });

  it("fingerprints values as they read back: text without its apostrophe, numbers to 12 digits, blanks ignored", () => {
    const written = valuesFingerprint([{ top: 0, left: 0, values: [["'=Nurses", 0.1 + 0.2, ""]] }]);
    expect(valuesFingerprint([{ top: 0, left: 0, values: [["=Nurses", 0.3]] }])).toBe(written);
    expect(valuesFingerprint([{ top: 0, left: 0, values: [["=Nurses", 0.31]] }])).not.toBe(written);
    // HyperFormula read 2.91411291953924 back as ...923: a host's last digit is not the planner's edit; a penny is.
    const figure = valuesFingerprint([{ top: 0, left: 0, values: [[2.91411291953924, 108_512_345.67]] }]);
    expect(valuesFingerprint([{ top: 0, left: 0, values: [[2.91411291953923, 108_512_345.67]] }])).toBe(figure);
    expect(valuesFingerprint([{ top: 0, left: 0, values: [[2.91411291953924, 108_512_345.68]] }])).not.toBe(figure);
    expect(valuesFingerprint([{ top: 1, left: 0, values: [["=Nurses", 0.3]] }])).not.toBe(written);
  });

  it("replaces its own sheet on a re-run, asks when the planner edited it, and never touches the planner's sheets", async () => {
    const before = plannersSheets();
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    const asked: string[] = [];
    let answer: "replace" | "keep" | "cancel" = "keep";
    const onEdited = async (sheet: string) => (asked.push(sheet), answer);

    const first = await runPlan(roles, choices, { view, onEdited });
    expect(first.sheet).toBe("WFP Base case");
    const sheets = model.sheets.length;
    // Again, with a pay award: the same sheet, its contents replaced, in three syncs and no question.
    let syncs = excel.stats.syncs;
    const again = await runPlan(roles, { ...choices, payAward: 0.05 }, { view: first.view, onEdited });
    expect(excel.stats.syncs - syncs).toBe(3);
    expect(again.sheet).toBe("WFP Base case");
    expect(model.sheets.length).toBe(sheets);
    expect(model.tables.filter((t) => t.sheet === "WFP Base case").map((t) => t.name)).toEqual(["tblWfpResults"]);
    const charts = model.charts.filter((c) => c.sheet === "WFP Base case");
    expect(charts.map((c) => c.type)).toEqual(["ColumnClustered", "Line", "ColumnStacked", "ColumnStacked"]);
    // Beside the tables, one under another (column AL on), not over them; the waterfall's base series has no fill.
    expect(charts.map((c) => c.anchor?.left)).toEqual([39, 39, 39, 39]);
    expect(charts.map((c) => c.anchor!.top)).toEqual([0, 17, 34, 51].map((n) => n + model.table("tblWfpResults").range.top));
    expect(charts[3]!.seriesFills).toEqual({ 0: "none" });
    // The HEE Star by year beside the summaries (column AD): what each point closes, the gap left, the gap with no action.
    const starTop = model.table("tblWfpResults").range.top;
    // The charts' data beside the table (from column V) reads as figures in any program: formatted, and wide enough.
    const format = (column: number) =>
      model.numberFormats("WFP Base case", { top: starTop + 1, left: column, bottom: starTop + 1, right: column })[0]![0];
    expect([format(22), format(23), format(26)]).toEqual(["#,##0.0", "#,##0.0", "£#,##0"]);
    expect(model.columnWidth("WFP Base case", 26)).toBeGreaterThan(48);
    const star = model.values("WFP Base case", { top: starTop, left: 29, bottom: starTop + 1, right: 36 });
    expect(star[0]).toEqual([
      "Year",
      "Supply",
      "Upskilling",
      "New roles",
      "New ways of working",
      "Leadership",
      "Gap left",
      "Gap with no action",
    ]);
    const year1 = starByYear(again.star)[0]!;
    expect(star[1]![0]).toBe("2025/26");
    expect(star[1]![6]).toBeCloseTo(year1.gap, 9);
    expect(star[1]![7]).toBeCloseTo(year1.noActionGap, 9);
    expect(year1.gap).toBeCloseTo(
      again.result.rows.filter((r) => r.yearIndex === 1).reduce((sum, r) => sum + r.gapFte, 0),
      9,
    );
    // The last year's waterfall below the Star by staff group: the steps from the gap with no action to the gap left.
    const lastYear = starByYear(again.star).at(-1)!;
    const fallTop = starTop + (starByYear(again.star).length + 1) + 2 + (again.star.length + 1) + 2;
    const fall = model.values("WFP Base case", { top: fallTop, left: 29, bottom: fallTop + 8, right: 33 });
    expect(fall[0]![0]).toBe("HEE Star waterfall, 2026/27 (FTE)");
    expect(fall[1]).toEqual(["Step", "Base", "Gap", "Closes", "Widens"]);
    expect(fall[2]!.slice(0, 3)).toEqual(["Gap with no action", 0, lastYear.noActionGap]);
    expect(fall[8]!.slice(0, 3)).toEqual(["Gap left", 0, lastYear.gap]);
    expect(asked).toEqual([]);
    // The sheet opens with its assumptions: every setting, the pay and on-cost sources, the linked tables with their rows.
    const about = model.values("WFP Base case", { top: 3, left: 0, bottom: 60, right: 1 });
    const line = (label: string) => about.find((r) => r[0] === label)?.[1];
    expect(about[0]![0]).toBe("Assumptions");
    expect(line("Pay award")).toBe("5% a year");
    expect(line("Activity growth")).toBe("0% a year");
    expect(line("Pension in costs")).toBe("full");
    expect(line("On-costs")).toMatch(
      /^2025\/26 rates: employer NI 15% above £5,000 \(.+\); pension 23\.78% \(.+\); apprenticeship levy 0\.5% \(.+\)$/,
    );
    expect(line("Linked: staff in post")).toMatch(/^tblStaff \(Staff\), \d,\d{3} rows$/);
    // Then the table, where the sheet's table now starts.
    const top = model.table("tblWfpResults").range.top;
    const cost = model.values("WFP Base case", { top: top + 1, left: 12, bottom: top + 1, right: 12 })[0]![0] as number;
    expect(cost).toBeCloseTo(again.result.rows[0]!.totalCost, 6);
    // Totals by year below it, summed over the staff groups.
    const bottom = model.table("tblWfpResults").range.bottom;
    const totals = model.values("WFP Base case", { top: bottom + 2, left: 0, bottom: bottom + 4, right: 12 });
    expect(totals[0]![0]).toBe("Totals by year");
    expect(totals[2]!.slice(0, 2)).toEqual(["2025/26", "All staff groups"]);
    expect(totals[2]![12]).toBeCloseTo(
      again.result.rows.filter((r) => r.yearIndex === 1).reduce((sum, r) => sum + r.totalCost, 0),
      4,
    );

    // The planner writes a note on the sheet: the next run asks; keeping their copy renames it out of the way.
    model.setContents("WFP Base case", 1, 3, [["'Checked by finance, 24 Nov"]]);
    const kept = await runPlan(roles, choices, { view: again.view, onEdited });
    expect(asked).toEqual(["WFP Base case"]);
    expect(kept.sheet).toBe("WFP Base case");
    expect(model.values("WFP Base case (edited)", { top: 1, left: 3, bottom: 1, right: 3 })).toEqual([["Checked by finance, 24 Nov"]]);
    expect(model.values("WFP Base case", { top: 1, left: 3, bottom: 1, right: 3 })).toEqual([[""]]);

    // Edited again: replacing it writes over the edit, in the same sheet.
    model.setContents("WFP Base case", 1, 3, [["'Draft"]]);
    answer = "replace";
    const replaced = await runPlan(roles, choices, { view: kept.view, onEdited });
    expect(replaced.sheet).toBe("WFP Base case");
    expect(model.findSheet("WFP Base case (edited) (2)")).toBeUndefined();

    // Edited, and the planner cancels: nothing is written.
    model.setContents("WFP Base case", 1, 3, [["'Draft 2"]]);
    answer = "cancel";
    const count = model.changeCount;
    await expect(runPlan(roles, choices, { view: replaced.view, onEdited })).rejects.toThrow(RunCancelled);
    expect(model.changeCount).toBe(count);

    // A sheet of the planner's own with the name a scenario would take is not written over.
    model.addSheet("WFP Plan B");
    model.setContents("WFP Plan B", 0, 0, [["'My notes"]]);
    const planB = await runPlan(roles, { ...choices, name: "Plan B" }, { view: replaced.view, onEdited });
    expect(planB.sheet).toBe("WFP Plan B (2)");
    expect(model.values("WFP Plan B", { top: 0, left: 0, bottom: 0, right: 0 })).toEqual([["My notes"]]);

    // No sheet but wfplan's changed through all of it.
    expect(plannersSheets()).toBe(before);
    syncs = excel.stats.syncs;
    // A pane that looked before any of it (a stale view) still finds the scenario's sheet: one sync more.
    await runPlan(roles, { ...choices, name: "Plan B" }, { view, onEdited });
    expect(model.findSheet("WFP Plan B (3)")).toBeUndefined();
    expect(excel.stats.syncs - syncs).toBeLessThanOrEqual(5);
  });

  it("does not take its own figures, read back, for an edit: a scenario with every HEE Star action re-runs without asking", async () => {
    const asked: string[] = [];
    const ask = async (sheet: string) => (asked.push(sheet), "replace" as const);
    const star = { ...choices, name: "Star re-run", horizonYears: 2, vacancyFill: 0.5, productivityChange: 0.05, retention: 0.2 };
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    const first = await runPlan(roles, star, { view, onEdited: ask });
    const again = await runPlan(roles, star, { view: first.view, onEdited: ask });
    await runPlan(roles, { ...star, horizonYears: 3 }, { view: again.view, onEdited: ask });
    expect(asked).toEqual([]);
    expect(model.findSheet("WFP Star re-run (edited)")).toBeUndefined();
  });

  it("keeps every sheet it names within Excel's 31 characters: long names that cut alike, and an edited copy of a long one", async () => {
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    const long = "Winter pressures with the new ward open from";
    const first = await runPlan(roles, { ...choices, name: `${long} October` }, { view, onEdited: async () => "keep" as const });
    const second = await runPlan(
      roles,
      { ...choices, name: `${long} January` },
      { view: first.view, onEdited: async () => "keep" as const },
    );
    expect(first.sheet).toBe("WFP Winter pressures with the n");
    expect(second.sheet).toBe("WFP Winter pressures with t (2)");
    model.setContents(second.sheet, 1, 3, [["'Seen by the board"]]);
    const kept = await runPlan(
      roles,
      { ...choices, name: `${long} January` },
      { view: second.view, onEdited: async () => "keep" as const },
    );
    expect(kept.sheet).toBe("WFP Winter pressures with t (2)");
    expect(model.values("WFP Winter pressures w (edited)", { top: 1, left: 3, bottom: 1, right: 3 })).toEqual([["Seen by the board"]]);
    expect(model.sheets.every((sheet) => sheet.name.length <= 31)).toBe(true);
  });
});
