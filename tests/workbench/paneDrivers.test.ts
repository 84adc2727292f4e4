import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { detectPlanTables, runScenario, scenarioFromTables } from "../../src/index.ts";
import { saveLinks } from "../../taskpane/adapter/linkStore.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { listSavedScenarios } from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { DEFAULT_FORM, formFromScenario, readForm, type ScenarioForm } from "../../taskpane/useCases/scenarioForm.ts";
import { openSample, readLinkedTables } from "./plan.ts";

/*
 * The pane's drivers as a planner types them: a pay award by year, growth
 * as an expression over a named cell of the workbook, growth for one service
 * line, a staff group's own international recruits; run, checked against the
 * model and by hand, stored, and loaded back into the form.
 */

let model: Workbook;
beforeAll(async () => {
  ({ model } = await openSample());
  model.addSheet("Assumptions");
  model.setContents("Assumptions", 0, 0, [["Base growth"], [0.025]]);
  model.addName("BaseGrowth", "=Assumptions!$A$2");
  model.addName("AwardCap", "=0.02");
});

const form: ScenarioForm = {
  ...DEFAULT_FORM,
  name: "Typed drivers",
  startYear: "2025/26",
  years: "3",
  growth: "=BaseGrowth + 0.5%",
  award: "3; 2.5",
  lines: [{ serviceLine: "Non-elective inpatients", growth: "10" }],
  groups: [{ staffGroup: "Allied health professionals", driver: "internationalRecruits", value: "4; 6" }],
};

describe("drivers typed in the pane", () => {
  it("finds the workbook's named numbers: named cells and constants, not named tables of data", async () => {
    const view = await openWorkbook();
    expect(view.inputs).toEqual({ BaseGrowth: 0.025, AwardCap: 0.02 });
  });

  it("reads each field back as the planner will see it, and refuses a name that matches nothing with the nearest", async () => {
    const view = await openWorkbook();
    const read = readForm(form, { inputs: view.inputs });
    expect(read.problems).toEqual([]);
    expect(read.fields.growth).toEqual({ value: "BaseGrowth + 0.5%", understood: "=BaseGrowth + 0.5%: 3% a year" });
    expect(read.fields.award).toEqual({ value: [0.03, 0.03, 0.025], understood: "year 2: 3%, year 3: 2.5%" });
    expect(read.lines[0]).toEqual({ value: 0.1, understood: "10%" });
    expect(read.groups[0]).toEqual({ value: [4, 6], understood: "4 FTE, then 6 FTE a year" });
    // Only the inputs an expression uses travel with the scenario.
    expect(read.choices?.inputs).toEqual({ BaseGrowth: 0.025 });

    const typo = readForm({ ...form, lines: [{ serviceLine: "Non elective inpatient", growth: "10" }] }, { inputs: view.inputs });
    await expect(runPlan(detectPlanTables(view.tables), typo.choices!, { view })).rejects.toThrow(
      /growth by service line: "Non elective inpatient" is not a service line of the activity plan and staffing standards; did you mean "Non-elective inpatients"\?/,
    );
    const empty = readForm(
      { ...form, award: "3;", groups: [{ staffGroup: "", driver: "starters", value: "many" }] },
      { inputs: view.inputs },
    );
    expect(empty.problems).toEqual([
      "Pay award for year 3 is empty: type a percentage such as 3 or 3%",
      'Starters from training of a staff group "many" is not FTE: type a number of 0 or more, one per year separated by ";", or =expression',
      "By staff group, row 1: name the staff group",
    ]);
    expect(empty.choices).toBeUndefined();
  });

  it("runs them as the model does, and as a hand calculation gives", async () => {
    const view = await openWorkbook();
    const { choices } = readForm(form, { inputs: view.inputs });
    const run = await runPlan(detectPlanTables(view.tables), choices!, { view });
    const direct = runScenario(scenarioFromTables(await readLinkedTables(), choices!));
    expect(run.result.rows.map((r) => r.totalCost)).toEqual(direct.rows.map((r) => r.totalCost));

    // Non-elective inpatients grow 10% a year; the other lines 2.5% + 0.5% = 3% from the named cell.
    const activity = (line: string, year: string) => run.result.demand.find((d) => d.serviceLine === line && d.year === year)!.activity;
    const [y1, y2, y3] = run.result.years;
    expect(activity("Non-elective inpatients", y2!) / activity("Non-elective inpatients", y1!)).toBeCloseTo(1.1, 12);
    expect(activity("Non-elective inpatients", y3!) / activity("Non-elective inpatients", y1!)).toBeCloseTo(1.21, 12);
    expect(activity("Elective inpatients", y3!) / activity("Elective inpatients", y1!)).toBeCloseTo(1.03 * 1.03, 12);
    // The budget moves with the pay award: 3% into year 2, then 2.5%.
    const budget = (year: number) => run.result.rows.filter((r) => r.yearIndex === year).reduce((sum, r) => sum + r.budget, 0);
    expect(budget(2) / budget(1)).toBeCloseTo(1.03, 12);
    expect(budget(3) / budget(2)).toBeCloseTo(1.025, 12);
    // International recruits join the AHPs' supply: 4 FTE in year 1, 6 in year 2, against a run without them.
    const without = runScenario(scenarioFromTables(await readLinkedTables(), { ...choices!, groupDrivers: [] }));
    const supply = (rows: typeof without.rows, year: number) =>
      rows.find((r) => r.staffGroup === "Allied health professionals" && r.yearIndex === year)!.supplyFte;
    expect(supply(run.result.rows, 1) - supply(without.rows, 1)).toBeCloseTo(4, 9);

    // The results sheet says what was typed.
    const sheet = model.values(run.sheet, { top: 0, left: 0, bottom: 40, right: 1 });
    const said = (label: string) => sheet.find((row) => row[0] === label)?.[1];
    expect(said("Activity growth")).toBe("=BaseGrowth + 0.5% a year");
    expect(said("Pay award")).toBe("year 2: 3%, year 3: 2.5% a year");
    expect(said("Growth by service line")).toBe("Non-elective inpatients 10%");
    expect(said("Named inputs")).toBe("BaseGrowth = 0.025");
    expect(String(said("By staff group"))).toContain("Allied health professionals: leaver rate");
    expect(String(said("By staff group"))).toContain("international recruits 4 FTE, 6 FTE");
  });

  it("loads a saved scenario back into the form, which reads to the same choices", async () => {
    const saved = (await listSavedScenarios()).find((s) => s.name === "Typed drivers")!;
    const { form: loaded, notLoaded } = formFromScenario(saved.input!);
    expect(loaded).toMatchObject({
      name: "Typed drivers",
      startYear: "2025/26",
      years: "3",
      growth: "=BaseGrowth + 0.5%",
      award: "3%; 2.5%",
      lines: [{ serviceLine: "Non-elective inpatients", growth: "10%" }],
      groups: [{ staffGroup: "Allied health professionals", driver: "internationalRecruits", value: "4; 6" }],
    });
    expect(notLoaded).toEqual(["leaver rates and starters as single numbers: the run reads them again from the linked table"]);
    const { inputs } = await openWorkbook();
    expect(readForm(loaded, { inputs }).choices).toEqual(readForm(form, { inputs }).choices);
  });

  it("saves the links without a run, once while they are unchanged", async () => {
    const view = await openWorkbook();
    const links = Object.fromEntries(
      Object.entries(detectPlanTables(view.tables)).map(([role, name]) => [role, { source: `table:${name}`, fields: {} }]),
    );
    const first = await saveLinks(links);
    expect(first.changed).toBe(true);
    expect((await saveLinks(links)).changed).toBe(false);
    expect((await openWorkbook()).links?.links).toEqual(links);
  });
});
