import { describe, expect, it } from "vitest";
import {
  basicPay,
  detectPlanTables,
  loadPayTable,
  loadPayTableCells,
  postCost,
  runScenario,
  scenarioFromTables,
  type ScenarioInput,
  type TableData,
} from "../../src/index.ts";

/*
 * A pay table the planner keeps in the workbook. The amounts below are a
 * trust's own figures made up for the tests (round numbers, no real table):
 * wfplan never derives a table from an award.
 */
const HEADER = ["Year", "Band", "Point", "Annual pay"];
const TRUST_TABLE = [
  HEADER,
  ["2026/27", "Band 5", "entry", 32000],
  ["2026/27", "Band 5", "top", 39000],
  ["2026/27", "Band 3", "top", 27500],
  ["2025/26", "Band 5", "top", 40000],
];

describe("a pay table in the workbook", () => {
  const table = loadPayTableCells(TRUST_TABLE);

  it("holds years wfplan does not, and is the default year when it is the newest", () => {
    expect(basicPay("5", "top", "2026/27", table)).toMatchObject({ annual: 39000, source: { kind: "workbook", title: "pay_table" } });
    expect(basicPay("5", "entry", "2026/27", table).annual).toBe(32000);
    expect(basicPay("5", "top", undefined, table).year).toBe("2026/27");
  });
  it("overrides wfplan's figures only for the rows it holds", () => {
    expect(basicPay("5", "top", "2025/26", table).annual).toBe(40000);
    expect(basicPay("5", "entry", "2025/26", table).annual).toBe(31049);
    expect(basicPay("5", "intermediate", "2025/26", table).annual).toBe(33487);
    expect(basicPay("6", "top", "2025/26", table).annual).toBe(46580);
  });
  it("names the missing row", () => {
    expect(() => basicPay("6", "top", "2026/27", table)).toThrow(
      "Band 6 pay for 2026/27 is not held (nor is there a row for 2026/27, Band 6 in the pay table pay_table): held years for Band 6 are 2025/26, 2024/25, 2023/24",
    );
    expect(() => basicPay("5", "intermediate", "2026/27", table)).toThrow(
      "Band 5 has no intermediate point in 2026/27: its points are 1 (entry), 2 (top)",
    );
  });
  it("costs a year after the newest on-costs at the newest rates held (2025/26's)", () => {
    const cost = postCost("5", 1, { year: "2026/27", payTable: table });
    expect(cost.onCostYear).toBe("2025/26");
    expect(cost.total).toBeCloseTo(39000 + 0.15 * (39000 - 5000) + 0.2378 * 39000 + 0.005 * 39000, 8); // 53,569.20
  });
  it("reads points as planners write them: Point 2, Threshold 3, NP4", () => {
    const named = loadPayTableCells([HEADER, ["2025/26", "Band 5", "Point 2", 34000], ["2026/27", "Consultant", "Threshold 3", 130000]]);
    expect(basicPay("5", 2, "2025/26", named).annual).toBe(34000);
    expect(basicPay("Consultant", 3, "2026/27", named).annual).toBe(130000);
  });
  it("reads a table without a header row in the order Year, Band or grade, Point, Annual pay, Hours", () => {
    const bare = loadPayTableCells([["2026/27", "FY1", null, 40000, 40]]);
    expect(basicPay("Resident doctor", 1, "2026/27", bare)).toMatchObject({ annual: 40000, weeklyHours: 40 });
  });
  it("lists every bad row at once, with where it is", () => {
    const bad = [
      HEADER,
      ["2026/28", "Band 5", "top", 1],
      ["2026/27", "Band 12", "top", 2],
      ["2026/27", "Band 4", "top", "lots"],
      [null, null, null, null],
    ];
    expect(() => loadPayTableCells(bad)).toThrow(
      /the pay table pay_table has 3 bad row\(s\): pay_table row 2: year "2026\/28" is not a financial year.*; pay_table row 3: band or grade "Band 12" is not an Agenda for Change band.*; pay_table row 4: annual pay "lots" must be a number of pounds above 0$/,
    );
    expect(() => loadPayTableCells([HEADER, ["2025/26", "Band 5", "fourth", 1]])).toThrow(
      'the pay table\'s 2025/26 Band 5 rows must name its points, 1 (entry), 2 (intermediate), 3 (top): pay_table row 2 names point "fourth"',
    );
    expect(() => loadPayTableCells([HEADER, ["2026/27", "5", "top", 1], ["2026-27", "Band 5", "Top", 2]])).toThrow(
      "pay_table row 3: 2026/27 Band 5 point top is also at pay_table row 2",
    );
  });
});

describe("a pay table linked to a scenario", () => {
  const staff: TableData = {
    name: "tblStaff",
    sheet: "Staff",
    headers: ["Staff group", "Band", "Contracted hours"],
    rows: [
      ["Nursing", "Band 5", 37.5],
      ["Nursing", "Band 5", 37.5],
      ["Medical", "FY1", 40],
      ["Medical", "Consultant", 40],
    ],
    top: 0,
    left: 0,
  };
  const activity: TableData = {
    name: "tblActivity",
    sheet: "Activity",
    headers: ["Service line", "Total"],
    rows: [["Bed days", 1000]],
    top: 0,
    left: 0,
  };
  const standards: TableData = {
    name: "tblStandards",
    sheet: "Standards",
    headers: ["Service line", "Staff group", "Minutes per unit"],
    rows: [
      ["Bed days", "Nursing", 60],
      ["Bed days", "Medical", 30],
    ],
    top: 0,
    left: 0,
  };
  const payTable: TableData = {
    name: "tblPay",
    sheet: "Pay tables",
    headers: ["Year", "Band or grade", "Point", "Annual pay"],
    rows: [
      ["2026/27", "Band 5", "top", 39000],
      ["2026/27", "FY1", "", 40000],
      ["2026/27", "Consultant", "1", 110000],
    ],
    top: 3,
    left: 1,
  };
  const scenario = (tables: Record<string, TableData>, startYear: string): ScenarioInput =>
    scenarioFromTables({ staff, activity, standards, ...tables }, { name: "Pay table", startYear, horizonYears: 1 });
  const rowFor = (result: ReturnType<typeof runScenario>, group: string) => result.rows.find((r) => r.staffGroup === group)!;

  it("is found by its headers", () => {
    expect(detectPlanTables([staff, activity, standards, payTable])).toMatchObject({ payTable: "tblPay", staff: "tblStaff" });
  });
  it("costs each grade from the table's rows (2026/27, on-costs at 2025/26 rates)", () => {
    const result = runScenario(scenario({ payTable }, "2026/27"));
    expect(rowFor(result, "Nursing").substantiveCost).toBeCloseTo(
      2 *
        postCost("5", 1, {
          year: "2026/27",
          payTable: loadPayTable([{ year: "2026/27", grade: "Band 5", point: "top", annual: 39000, place: "x" }], "t"),
        }).total,
      6,
    );
    const fy1 = 40000 + 0.15 * 35000 + 0.2378 * 40000 + 0.005 * 40000;
    const consultant = 110000 + 0.15 * 105000 + 0.2378 * 110000 + 0.005 * 110000;
    expect(rowFor(result, "Medical").substantiveCost).toBeCloseTo(fy1 + consultant, 6);
  });
  it("without the table, a year whose pay is not held fails naming every grade and what to do", () => {
    expect(() => runScenario(scenario({}, "2026/27"))).toThrow(
      /Band 5 pay for 2026\/27 is not held.*Resident doctor pay for 2026\/27 is not held.*Consultant pay for 2026\/27 is not held.*link a pay table with rows for 2026\/27/,
    );
  });
  it("names the table's bad cell", () => {
    const broken = { ...payTable, rows: [...payTable.rows, ["2026/27", "Band 6", "top", "n/a"]] };
    expect(() => runScenario(scenario({ payTable: broken }, "2026/27"))).toThrow(
      "the pay table tblPay (sheet Pay tables) has 1 bad row(s): 'Pay tables'!C8: annual pay \"n/a\" must be a number of pounds above 0",
    );
  });
  it("a resident doctor and a consultant cost at wfplan's own 2024/25 figures without a table", () => {
    const result = runScenario(scenario({}, "2024/25"));
    const fy1 = 36616 + 0.138 * (36616 - 9100) + 0.2378 * 36616 + 0.005 * 36616;
    const consultantTop = 139882 + 0.138 * (139882 - 9100) + 0.2378 * 139882 + 0.005 * 139882;
    // Staff in post are costed at the scenario's pay point (top): the consultant at threshold 4, the FY1 at nodal point 1.
    expect(rowFor(result, "Medical").substantiveCost).toBeCloseTo(fy1 + consultantTop, 6);
  });
});
