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
  activityGrowth: "=BaseGrowth + 0.5%",
  payAward: "3; 2.5",
  collaborativeBank: "20; 40",
  bankFee: "5",
  lines: [
    { serviceLine: "Non-elective inpatients", growth: "10", productivity: "" },
    { serviceLine: "Elective inpatients", growth: "", productivity: "5" },
  ],
  groups: [
    { staffGroup: "Allied health professionals", driver: "internationalRecruits", value: "4; 6" },
    { staffGroup: "Registered nursing and midwifery", driver: "agencyPremium", value: "150" },
  ],
  roles: [
    { staffGroup: "Registered nursing and midwifery", grade: "4", fte: "10", fromYear: "2", replaces: "" },
    { staffGroup: "Allied health professionals", grade: "7", fte: "2", fromYear: "1", replaces: "6" },
  ],
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
    expect(read.fields.activityGrowth).toEqual({ value: "BaseGrowth + 0.5%", understood: "=BaseGrowth + 0.5%: 3% a year" });
    expect(read.fields.payAward).toEqual({ value: [0.03, 0.03, 0.025], understood: "year 2: 3%, year 3: 2.5%" });
    expect(read.lines).toEqual([
      { growth: { value: 0.1, understood: "10%" }, productivity: undefined },
      { growth: undefined, productivity: { value: 0.05, understood: "5%" } },
    ]);
    expect(read.groups[1]).toEqual({ value: 1.5, understood: "150%" });
    expect(read.groups[0]).toEqual({ value: [4, 6], understood: "4 FTE, then 6 FTE a year" });
    // Only the inputs an expression uses travel with the scenario.
    expect(read.choices?.inputs).toEqual({ BaseGrowth: 0.025 });

    const typo = readForm(
      { ...form, lines: [{ serviceLine: "Non elective inpatient", growth: "10", productivity: "" }] },
      { inputs: view.inputs },
    );
    await expect(runPlan(detectPlanTables(view.tables), typo.choices!, { view })).rejects.toThrow(
      /by service line: "Non elective inpatient" is not a service line of the activity plan and staffing standards; did you mean "Non-elective inpatients"\?/,
    );
    const empty = readForm(
      {
        ...form,
        payAward: "3;",
        groups: [{ staffGroup: "", driver: "starters", value: "many" }],
        lines: [{ serviceLine: "Elective inpatients", growth: "", productivity: "" }],
        roles: [{ staffGroup: "Registered nursing and midwifery", grade: "", fte: "0", fromYear: "1", replaces: "" }],
      },
      { inputs: view.inputs },
    );
    expect(empty.problems).toEqual([
      "Pay award for year 3 is empty: type a percentage such as 3 or 3%",
      'Starters from training of a staff group "many" is not FTE: type a number of 0 or more, one per year separated by ";", or =expression',
      "By service line, row 1: give Elective inpatients a growth or a productivity change",
      "By staff group, row 1: name the staff group",
      "A new role in Registered nursing and midwifery needs its band or grade",
      'A new role in Registered nursing and midwifery needs its FTE, a number above 0 (not "0")',
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

    // Elective inpatients: 3% more activity and 5% fewer minutes a unit from year 2, so 1.03 / 1.05 the FTE.
    const need = (line: string, year: string) =>
      run.result.demand.filter((d) => d.serviceLine === line && d.year === year).reduce((sum, d) => sum + d.requiredFte, 0);
    expect(need("Elective inpatients", y2!) / need("Elective inpatients", y1!)).toBeCloseTo(1.03 / 1.05, 12);
    expect(need("Non-elective inpatients", y2!) / need("Non-elective inpatients", y1!)).toBeCloseTo(1.1, 12);
    // Nursing's agency at 150% over its substantive cost per WTE (no new role yet in year 1), the others' at the scenario's 0%.
    const nursing = run.result.rows.find((r) => r.staffGroup === "Registered nursing and midwifery" && r.yearIndex === 1)!;
    expect(nursing.agencyFte).toBeGreaterThan(0);
    expect(nursing.agencyCost / nursing.agencyFte).toBeCloseTo((nursing.substantiveCost / nursing.supplyFte) * 2.5, 6);
    // The nursing associates join the establishment in year 2.
    const establishment = (rows: typeof without.rows, year: number) =>
      rows.find((r) => r.staffGroup === "Registered nursing and midwifery" && r.yearIndex === year)!.establishmentFte;
    const noRoles = runScenario(scenarioFromTables(await readLinkedTables(), { ...choices!, newRoles: [] }));
    expect(establishment(run.result.rows, 1) - establishment(noRoles.rows, 1)).toBeCloseTo(0, 9);
    expect(establishment(run.result.rows, 2) - establishment(noRoles.rows, 2)).toBeCloseTo(10, 9);
    // The AHPs' band-7 role takes over band-6 posts: no more posts or FTE, a dearer pay bill.
    const ahp = (rows: typeof without.rows) => rows.find((r) => r.staffGroup === "Allied health professionals" && r.yearIndex === 1)!;
    expect(ahp(run.result.rows).establishmentFte).toBe(ahp(noRoles.rows).establishmentFte);
    expect(ahp(run.result.rows).supplyFte).toBeCloseTo(ahp(noRoles.rows).supplyFte, 9);
    expect(ahp(run.result.rows).substantiveCost).toBeGreaterThan(ahp(noRoles.rows).substantiveCost);

    // The results sheet says what was typed.
    const sheet = model.values(run.sheet, { top: 0, left: 0, bottom: 40, right: 1 });
    const said = (label: string) => sheet.find((row) => row[0] === label)?.[1];
    expect(said("Activity growth")).toBe("=BaseGrowth + 0.5% a year");
    expect(said("Pay award")).toBe("year 2: 3%, year 3: 2.5% a year");
    expect(said("By service line")).toBe("Non-elective inpatients: growth 10%; Elective inpatients: productivity 5%");
    expect(said("Named inputs")).toBe("BaseGrowth = 0.025");
    expect(String(said("By staff group"))).toContain("Allied health professionals: leaver rate");
    expect(String(said("By staff group"))).toContain("international recruits 4 FTE, 6 FTE");
    expect(String(said("By staff group"))).toContain("agency premium 150%");
    expect(said("New roles")).toBe("12 FTE, 2 of them taking over posts of another band");
    expect(said("Collaborative bank")).toBe("year 1: 20%, year 2: 40% of agency cover a year, fee 5%");

    // The collaborative bank fills 20% of nursing's agency cover in year 1 and 40% from year 2, at its bank rate
    // (the scenario's 0% bank premium) plus the 5% fee, instead of at 150% over substantive pay.
    const noBank = runScenario(scenarioFromTables(await readLinkedTables(), { ...choices!, collaborativeBank: undefined }));
    const nurses = (rows: typeof without.rows, year: number) =>
      rows.find((r) => r.staffGroup === "Registered nursing and midwifery" && r.yearIndex === year)!;
    for (const [year, share] of [
      [1, 0.2],
      [2, 0.4],
      [3, 0.4],
    ] as const) {
      const before = nurses(noBank.rows, year);
      const after = nurses(run.result.rows, year);
      const perWte = before.agencyCost / before.agencyFte / 2.5;
      expect(after.collaborativeBankFte).toBeCloseTo(share * before.agencyFte, 9);
      expect(after.agencyFte).toBeCloseTo((1 - share) * before.agencyFte, 9);
      expect(after.collaborativeBankCost).toBeCloseTo(share * before.agencyFte * perWte * 1.05, 4);
      expect(before.totalCost - after.totalCost).toBeCloseTo(share * before.agencyFte * perWte * (2.5 - 1.05), 4);
    }
    // On the results sheet, after the establishment cost.
    const header = model.values(run.sheet, { top: 0, left: 0, bottom: 60, right: 20 }).find((row) => row[0] === "Year")!;
    expect(header.slice(18, 20)).toEqual(["Collaborative bank FTE", "Collaborative bank cost"]);
  });

  it("loads a saved scenario back into the form, which reads to the same choices", async () => {
    const saved = (await listSavedScenarios()).find((s) => s.name === "Typed drivers")!;
    const { form: loaded, notLoaded } = formFromScenario(saved.input!);
    expect(loaded).toMatchObject({
      name: "Typed drivers",
      startYear: "2025/26",
      years: "3",
      activityGrowth: "=BaseGrowth + 0.5%",
      payAward: "3%; 2.5%",
      collaborativeBank: "20%; 40%",
      bankFee: "5%",
      lines: [
        { serviceLine: "Non-elective inpatients", growth: "10%", productivity: "" },
        { serviceLine: "Elective inpatients", growth: "", productivity: "5%" },
      ],
      groups: [
        { staffGroup: "Registered nursing and midwifery", driver: "agencyPremium", value: "150%" },
        { staffGroup: "Allied health professionals", driver: "internationalRecruits", value: "4; 6" },
      ],
      roles: [
        { staffGroup: "Registered nursing and midwifery", grade: "4", fte: "10", fromYear: "2", replaces: "" },
        { staffGroup: "Allied health professionals", grade: "7", fte: "2", fromYear: "1", replaces: "6" },
      ],
    });
    expect(notLoaded).toEqual(["leaver rates and starters as single numbers: the run reads them again from the linked table"]);
    const { inputs } = await openWorkbook();
    // The same choices, the staff groups' drivers in the staff table's order.
    const order = (c: ReturnType<typeof readForm>["choices"]) => ({
      ...c!,
      groupDrivers: [...c!.groupDrivers!].sort((a, b) => a.staffGroup.localeCompare(b.staffGroup)),
    });
    expect(order(readForm(loaded, { inputs }).choices)).toEqual(order(readForm(form, { inputs }).choices));
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
