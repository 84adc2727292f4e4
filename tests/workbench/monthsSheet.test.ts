import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx, writeXlsx } from "../../engine/xlsx.ts";
import type { installExcelGlobals } from "../../excelHost/index.ts";
import { demandMonthsText, detectPlanTables, monthlySubmission, MONTHS, type ScenarioChoices } from "../../src/index.ts";
import { editedCopyName, monthsSheetName } from "../../taskpane/adapter/outputSheets.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { runPlan, type PlanRun } from "../../taskpane/useCases/runPlan.ts";
import { openSample } from "./plan.ts";

/*
 * The months sheet a planner copies into the operational plan's template:
 * written with the results in the same syncs, its cells the model's months
 * to the penny and its year columns the year's results, owned like the
 * results sheet (replaced on a re-run, an edit asked about), with its chart
 * of the trajectory and its page.
 */

const NURSES = "Registered nursing and midwifery";
const choices: ScenarioChoices = {
  name: "NQN September",
  startYear: "2025/26",
  horizonYears: 3,
  agencyReduction: 0.3,
  groupDrivers: [
    { staffGroup: NURSES, driver: "starters", value: 24 },
    { staffGroup: NURSES, driver: "startersPhasing", value: [0, 0, 0, 0, 0, 0.6, 0.4, 0, 0, 0, 0, 0] },
  ],
};

let model: Workbook;
let excel: ReturnType<typeof installExcelGlobals>;
let run: PlanRun;
beforeAll(async () => {
  ({ model, excel } = await openSample());
  const view = await openWorkbook();
  run = await runPlan(detectPlanTables(view.tables), choices, { view });
});

/** The sheet's cells as they read back. */
const cells = (sheet: string) => model.values(sheet, model.usedRange(sheet)!);
/** The rows of the block headed `title` in column A: its header row, then its lines to the blank row after it. */
function block(sheet: string, title: string): (string | number | boolean)[][] {
  const all = cells(sheet);
  const top = all.findIndex((row) => row[0] === title);
  expect(top, title).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((row, i) => i > top && row[0] === "");
  // The label, twelve months and the year: the chart's data sits to the right.
  return all.slice(top, end).map((row) => row.slice(0, 14));
}
const firstYear = () => run.result.months.filter((m) => m.yearIndex === 1);
const sumOf = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((sum, row) => sum + pick(row), 0);

describe("the months sheet", () => {
  it("is written beside the results in the run's own syncs, named for the scenario", () => {
    expect(run.monthsSheet).toBe("WFP NQN September by month");
    expect(monthsSheetName("A very long scenario name for the board")).toBe("WFP A very long scenar by month");
    const all = cells(run.monthsSheet);
    expect(all[0]![0]).toBe("Scenario: NQN September, the plan year by month");
    expect(all[3]![0]).toBe(
      "WTE needed by month: Non-elective inpatients, Elective inpatients, Day cases, Theatre sessions, Outpatient attendances, Emergency attendances, Community contacts, Diagnostic tests by the activity plan's own months.",
    );
    // The results' assumptions say it too; a line without months is said to be even, and why.
    const results = cells(run.sheet);
    expect(results.find((row) => row[0] === "Demand by month")?.[1]).toMatch(
      /^Non-elective inpatients, .* by the activity plan's own months$/,
    );
    expect(
      demandMonthsText([
        { serviceLine: "Wards", basis: "activity plan" },
        { serviceLine: "Clinics", basis: "even" },
        { serviceLine: "Theatres", basis: "even" },
      ]),
    ).toBe(
      "Wards by the activity plan's own months; Clinics, Theatres evenly, a twelfth a month (the linked activity has no months for them)",
    );
  });

  it("holds the model's months to the penny, the totals being the year's results", () => {
    const sheet = run.monthsSheet;
    const pay = block(sheet, "Total pay cost");
    expect(pay[0]).toEqual(["Total pay cost", ...MONTHS.map((m, i) => `${m} ${i < 9 ? 2025 : 2026}`), "Year"]);
    const total = pay.at(-1)!;
    expect(total[0]).toBe("Total");
    for (let m = 1; m <= 12; m++)
      expect(total[m] as number, MONTHS[m - 1]).toBeCloseTo(
        sumOf(
          firstYear().filter((r) => r.month === m),
          (r) => r.totalCost,
        ),
        2,
      );
    const year = run.result.rows.filter((r) => r.yearIndex === 1);
    expect(total[13] as number).toBeCloseTo(
      sumOf(year, (r) => r.totalCost),
      2,
    );
    // The substantive WTE at March is the year's closing; the nurses' cohort lands in September and October.
    const substantive = block(sheet, "Substantive WTE");
    expect(substantive[0]!.at(-1)).toBe("Year end (March)");
    expect(substantive.at(-1)![13] as number).toBeCloseTo(
      sumOf(year, (r) => r.supplyFte),
      9,
    );
    const nurses = firstYear().filter((r) => r.staffGroup === NURSES);
    expect(nurses.map((r) => Number(r.startersFte.toFixed(9)))).toEqual([0, 0, 0, 0, 0, 14.4, 9.6, 0, 0, 0, 0, 0]);
    const nursesLine = substantive.find((row) => row[0] === "Nurses & health visitors")!;
    // (as the host keeps them: 15 significant digits)
    nurses.forEach((r, m) => expect(nursesLine[m + 1] as number, r.monthName).toBeCloseTo(r.closingFte, 9));
    // The flows bridge: opening, each flow, closing, adding up across the year.
    const flows = block(sheet, "Flow");
    const value = (label: string) => flows.find((row) => row[0] === label)![13] as number;
    const moved = [
      "Starters from training",
      "International recruits",
      "Bank staff taking posts",
      "New roles filled",
      "Vacancies filled",
      "Leavers",
      "Retirements",
    ];
    expect(value("Opening substantive WTE") + moved.reduce((sum, f) => sum + value(f), 0)).toBeCloseTo(value("Closing substantive WTE"), 6);
    expect(value("Starters from training")).toBeCloseTo(
      sumOf(year, (r) => r.startersFte),
      9,
    );
    expect(value("Leavers")).toBeCloseTo(-sumOf(year, (r) => r.leaversFte), 9);
  });

  it("keeps every month of every one of the trust's staff groups in a table beside the page, adding up to the blocks", () => {
    const table = model.tables.find((t) => t.sheet === run.monthsSheet)!;
    expect(table.name).toBe("tblWfpMonths");
    const [header, ...rows] = model.values(run.monthsSheet, table.range);
    expect(header!.slice(0, 5)).toEqual(["Year", "Month", "Staff group", "NHS staff group", "Opening substantive WTE"]);
    expect(rows).toHaveLength(firstYear().length);
    const at = (name: string) => header!.indexOf(name);
    // September's pay cost over the six groups is the Total pay cost block's September, to the penny.
    const september = rows.filter((r) => r[at("Month")] === "Sep");
    const pay = block(run.monthsSheet, "Total pay cost").at(-1)!;
    expect(Math.round(september.reduce((sum, r) => sum + (r[at("Total pay cost")] as number), 0) * 100)).toBe(
      Math.round((pay[6] as number) * 100),
    );
    const nurses = september.find((r) => r[at("Staff group")] === NURSES)!;
    expect(nurses[at("NHS staff group")]).toBe("Nurses & health visitors");
    expect(nurses[at("Starters from training")] as number).toBeCloseTo(14.4, 9);
    // No actuals linked: their columns are blank.
    expect([nurses[at("Actual pay")], nurses[at("Status")]]).toEqual(["", ""]);
  });

  it("groups the trust's own staff groups as NHS Workforce Statistics does, and shows how", () => {
    const all = cells(run.monthsSheet);
    const head = all.findIndex((row) => row[0] === "Staff group" && row[1] === "NHS staff group");
    const mapping = Object.fromEntries(all.slice(head + 1, head + 7).map((row) => [row[0], row[1]]));
    expect(mapping[NURSES]).toBe(
      "Nurses & health visitors (guessed from the name: set it in the scenario's staff group drivers, NHS staff group)",
    );
    expect(mapping["Medical and dental"]).toMatch(/^HCHS doctors \(guessed/);
    expect(block(run.monthsSheet, "Agency WTE").map((row) => row[0])).toEqual([
      "Agency WTE",
      "HCHS doctors",
      "Nurses & health visitors",
      "Scientific, therapeutic & technical staff",
      "Support to doctors, nurses & midwives",
      "Central functions",
      "Total",
    ]);
  });

  it("counts a group where the scenario sets its NHS staff group, and the totals stay the same", () => {
    const scenario = {
      ...run.result.scenario,
      staffGroups: run.result.scenario.staffGroups.map((g) =>
        g.name === "Allied health professionals" ? { ...g, nhsStaffGroup: "Support to ST&T staff" as const } : g,
      ),
    };
    const regrouped = monthlySubmission({ ...run.result, scenario });
    expect(regrouped.mapping.find((m) => m.staffGroup === "Allied health professionals")).toEqual({
      staffGroup: "Allied health professionals",
      nhsGroup: "Support to ST&T staff",
      how: "set",
    });
    const agency = (submission: typeof regrouped) => submission.years[0]!.blocks.find((b) => b.title === "Agency pay cost")!.lines;
    expect(agency(regrouped).map((l) => l.label)).toContain("Support to ST&T staff");
    const ahps = firstYear().filter((r) => r.staffGroup === "Allied health professionals");
    expect(agency(regrouped).find((l) => l.label === "Support to ST&T staff")!.year).toBeCloseTo(
      sumOf(ahps, (r) => r.agencyCost),
      2,
    );
    expect(agency(regrouped).at(-1)!.year).toBeCloseTo(agency(monthlySubmission(run.result)).at(-1)!.year, 6);
  });

  it("charts the trajectory as stacked columns with the need as a line, on an A4 landscape page one page wide", async () => {
    const [chart, ...others] = model.charts.filter((c) => c.sheet === run.monthsSheet);
    expect(others).toEqual([]);
    expect(chart!.type).toBe("ColumnStacked");
    expect(chart!.seriesTypes).toEqual({ 3: "Line" });
    expect(chart!.anchor).toMatchObject({ left: 0, right: 7 });
    const data = model.values(run.monthsSheet, chart!.source);
    expect(data[0]).toEqual(["Month", "Substantive", "Bank", "Agency", "WTE needed"]);
    expect(data).toHaveLength(13);
    const page = model.sheet(run.monthsSheet).pageSetup!;
    expect(page).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect(page.printArea).toMatch(/^A1:N\d+$/);
    // Saved, it is Excel's combo chart: the staff in a stacked column plot, the need in a line plot on the same axes.
    const { bytes } = await writeXlsx(model);
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async("string")));
    const xml = parts.find((p) => p.includes("WTE by month against the WTE needed"))!;
    const plot = (tag: string) => new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(xml)![1]!;
    expect(plot("barChart").match(/<c:ser>/g)).toHaveLength(3);
    expect(plot("barChart")).toContain('<c:grouping val="stacked"/>');
    expect(plot("lineChart").match(/<c:ser>/g)).toHaveLength(1);
    expect(plot("lineChart")).toContain('<c:idx val="3"/><c:order val="3"/>');
    expect(plot("lineChart")).toContain('<c:axId val="500000001"/><c:axId val="500000002"/>');
    // Opened again, the chart is still a combo chart.
    const reopened = await readXlsx(bytes);
    expect(reopened.charts.find((c) => c.sheet === run.monthsSheet)!.seriesTypes).toEqual({ 3: "Line" });
  });

  it("refuses a series type the workbench cannot draw, as Excel refuses one it cannot", async () => {
    const chart = model.charts.find((c) => c.sheet === run.monthsSheet)!;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(run.monthsSheet).charts.getItem(chart.name).series.getItemAt(0).chartType = "Pie";
        await context.sync();
      }),
    ).rejects.toThrow("The workbench draws a series of a ColumnStacked chart as ColumnStacked or Line; Pie is not one of them.");
    expect(chart.seriesTypes).toEqual({ 3: "Line" });
  });

  it("is replaced on a re-run in the same syncs, and an edit to it is asked about", async () => {
    const sheets = model.sheets.length;
    const syncs = excel.stats.syncs;
    const asked: string[] = [];
    const again = await runPlan(
      detectPlanTables(run.view.tables),
      { ...choices, payAward: 0.05 },
      {
        view: run.view,
        onEdited: async (sheet) => (asked.push(sheet), "replace"),
      },
    );
    expect(excel.stats.syncs - syncs).toBe(3);
    expect(model.sheets.length).toBe(sheets);
    expect(again.monthsSheet).toBe(run.monthsSheet);
    expect(asked).toEqual([]);

    model.setContents(run.monthsSheet, 0, 0, [["My note"]]);
    const third = await runPlan(detectPlanTables(again.view.tables), choices, {
      view: again.view,
      onEdited: async (sheet) => (asked.push(sheet), "keep"),
    });
    expect(asked).toEqual([run.monthsSheet]);
    const kept = editedCopyName(run.monthsSheet, []);
    expect(kept).toBe("WFP NQN September by m (edited)");
    expect(cells(kept)[0]![0]).toBe("My note");
    expect(third.monthsSheet).toBe(run.monthsSheet);
  });
});
