import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { detectPlanTables, postCost, runScenario, scenarioFromTables, triangulate, type TableRole } from "../../src/index.ts";
import { listTables, readTables } from "../../taskpane/adapter/planTables.ts";
import { writeScenarioResults } from "../../taskpane/adapter/results.ts";
import { listSavedScenarios, saveScenario, STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { writeComparison } from "../../taskpane/adapter/comparison.ts";
import { compareScenarios } from "../../src/index.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";

let model: Workbook;
let excel: ReturnType<typeof installExcelGlobals>;

beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  model = await readXlsx(readFileSync(SAMPLE_FILE));
  excel = installExcelGlobals(model);
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("the pane's scenario flow through the Excel API, on the sample workbook", () => {
  it("lists the tables, reads them in blocks within the payload limit, runs, writes results with charts, and stores the scenario", async () => {
    const tables = await listTables();
    expect(tables.find((t) => t.name === "tblStaff")).toMatchObject({
      sheet: "Staff",
      rows: 2602,
      headers: expect.arrayContaining(["Band", "Contracted hours"]),
    });
    const roles = detectPlanTables(tables);
    expect(roles.staff).toBe("tblStaff");

    const before = excel.stats.syncs;
    const read = await readTables(Object.values(roles) as string[]);
    expect(excel.stats.syncs - before).toBeLessThanOrEqual(3); // the header sync, one block sync, Excel.run's closing sync
    const staff = read.find((t) => t.name === "tblStaff")!;
    expect(staff.rows).toHaveLength(2602);
    expect(staff.rows[0]).toEqual(model.values("Staff", { top: 1, left: 0, bottom: 1, right: 8 })[0]);
    expect([staff.top, staff.left]).toEqual([0, 0]);

    const byRole = Object.fromEntries(Object.entries(roles).map(([role, name]) => [role, read.find((t) => t.name === name)!])) as Partial<
      Record<TableRole, (typeof read)[number]>
    >;
    const input = scenarioFromTables(byRole, {
      name: "Base case",
      startYear: "2025/26",
      horizonYears: 3,
      activityGrowth: 0.03,
      payAward: 0.03,
      headroom: 0.22,
    });
    const result = runScenario(input);
    const checks = triangulate(result);

    const written = await writeScenarioResults(result, checks);
    expect(written).toMatchObject({ sheet: "WFP Base case", table: "tblWfpResults" });
    const table = model.table("tblWfpResults");
    expect(table.columns.slice(0, 5)).toEqual(["Year", "Staff group", "Required FTE", "Establishment FTE", "Supply FTE"]);
    expect(table.range.bottom - table.range.top).toBe(18); // 3 years x 6 staff groups
    const first = model.values("WFP Base case", { top: 4, left: 0, bottom: 4, right: 14 })[0]!;
    const row = result.rows[0]!;
    expect(first.slice(0, 2)).toEqual([row.year, row.staffGroup]);
    expect(first[2]).toBeCloseTo(row.requiredFte, 9); // the engine keeps 15 significant digits, as Excel does
    expect(first[12]).toBeCloseTo(row.totalCost, 6);
    expect(model.charts.filter((c) => c.sheet === "WFP Base case").map((c) => [c.type, c.title])).toEqual([
      ["ColumnClustered", "Workforce needed and in post (FTE)"],
      ["Line", expect.stringMatching(/^Pay cost and budget/)],
    ]);
    expect(model.activeSheet).toBe("WFP Base case");
    // Written on its own (not through a run, which keeps a register of its sheets), a second copy goes beside the first.
    expect(await writeScenarioResults(result, checks)).toMatchObject({ sheet: "WFP Base case (2)", table: "tblWfpResults2" });

    await saveScenario(input, "2026-11-23T09:00:00.000Z");
    await saveScenario({ ...input, name: "Growth 5%", drivers: { ...input.drivers, activityGrowth: 0.05 } }, "2026-11-23T09:05:00.000Z");
    expect(model.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
    const saved = await listSavedScenarios();
    expect(saved.map((s) => [s.name, s.savedAt])).toEqual([
      ["Base case", "2026-11-23T09:00:00.000Z"],
      ["Growth 5%", "2026-11-23T09:05:00.000Z"],
    ]);
    expect(saved[0]!.input).toEqual(input);
    expect(runScenario(saved[1]!.input).rows[5]!.requiredFte).toBeGreaterThan(result.rows[5]!.requiredFte);

    // Side by side for a board: years down, one column a scenario, each block charted.
    const compared = compareScenarios(saved.map((s) => runScenario(s.input)));
    expect(await writeComparison(compared)).toBe("WFP comparison");
    expect(model.values("WFP comparison", { top: 2, left: 12, bottom: 3, right: 14 })).toEqual([
      ["Year", "Base case", "Growth 5%"],
      ["2025/26", expect.closeTo(compared[0]!.totalCost, 4), expect.closeTo(compared[3]!.totalCost, 4)],
    ]);
    expect(model.charts.filter((c) => c.sheet === "WFP comparison").map((c) => c.title)).toEqual([
      "Pay cost by scenario",
      "Unstaffed FTE by scenario",
    ]);
  });

  it("links a pay table kept in the workbook, whose rows override wfplan's figures in the scenario", async () => {
    // A trust's own figures, made up for the test: band 5 top and an FY1 in 2025/26.
    model.addSheet("Pay tables");
    const rows = [
      ["Year", "Band or grade", "Point", "Annual pay"],
      ["2025/26", "Band 5", "top", 40000],
      ["2025/26", "FY1", null, 40500],
    ];
    model.setContents("Pay tables", 2, 1, rows);
    model.addTable("Pay tables", { top: 2, left: 1, bottom: 4, right: 4 }, true, "tblPayTable", "TableStyleMedium2", rows[0] as string[]);

    const roles = detectPlanTables(await listTables());
    expect(roles.payTable).toBe("tblPayTable");
    const read = await readTables(Object.values(roles) as string[]);
    const byRole = Object.fromEntries(Object.entries(roles).map(([role, name]) => [role, read.find((t) => t.name === name)!])) as Partial<
      Record<TableRole, (typeof read)[number]>
    >;
    const choices = { name: "Own pay table", startYear: "2025/26", horizonYears: 1 };
    const withTable = scenarioFromTables(byRole, choices);
    expect(withTable.payTable?.name).toBe("tblPayTable (sheet Pay tables)");
    const without = scenarioFromTables({ ...byRole, payTable: undefined }, choices);

    const cost = (input: typeof withTable, group: string) => runScenario(input).rows.find((r) => r.staffGroup === group)!.substantiveCost;
    // Each group's year-1 cost is its supply x the cost per WTE of those in post, each row costed at its own FTE and point:
    // the override moves it by supply / FTE in post x the change in the overridden rows' cost, NI per person.
    const loaded = (annual: number) => annual + 0.15 * Math.max(0, annual - 5000) + 0.2378 * annual + 0.005 * annual;
    const lift = (
      group: string,
      grade: string,
      pay: number,
      wholeTime: number,
      point: number | "top",
      overridden: (point: unknown) => boolean,
    ) => {
      const line = without.staffGroups.find((g) => g.name === group)!;
      const inPost = line.grades.reduce((sum, g) => sum + g.inPostFte, 0);
      let change = 0;
      for (const kind of line.grades.find((g) => g.grade === grade)!.posts!) {
        if (overridden(kind.point)) change += kind.count * (loaded(kind.fte * pay) - loaded(kind.fte * wholeTime));
      }
      const supply = runScenario(without).rows.find((r) => r.staffGroup === group)!.supplyFte;
      expect(postCost(grade === "FY1" ? "Resident doctor" : "5", 1, { point, year: "2025/26" }).total).toBeCloseTo(loaded(wholeTime), 8);
      expect(change).toBeGreaterThan(0);
      return (supply * change) / inPost;
    };
    expect(cost(withTable, "Registered nursing and midwifery") - cost(without, "Registered nursing and midwifery")).toBeCloseTo(
      lift("Registered nursing and midwifery", "5", 40000, 37796, "top", (point) => point === 3), // band 5's top is point 3
      4,
    );
    expect(cost(withTable, "Medical and dental") - cost(without, "Medical and dental")).toBeCloseTo(
      lift("Medical and dental", "FY1", 40500, 38831, 1, () => true),
      4,
    );
  });
});
