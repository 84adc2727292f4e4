import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { detectPlanTables, runScenario, scenarioFromTables, triangulate, type TableData, type TableRole } from "../../src/index.ts";

let sample: Workbook;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  sample = await readXlsx(readFileSync(SAMPLE_FILE));
});

/** A table of the sample workbook as the task pane reads it. */
function tableData(name: string): TableData {
  const t = sample.table(name);
  return {
    name: t.name,
    sheet: t.sheet,
    headers: t.columns,
    rows: sample.values(t.sheet, { ...t.range, top: t.range.top + 1 }),
    top: t.range.top,
    left: t.range.left,
  };
}

const small = (name: string, headers: string[], rows: unknown[][], sheet = name): TableData => ({
  name,
  sheet,
  headers,
  rows,
  top: 0,
  left: 0,
});

describe("finding the plan's tables by their headers", () => {
  it("recognises each of the sample workbook's tables", () => {
    const tables = sample.tables.map((t) => ({ name: t.name, headers: t.columns }));
    expect(detectPlanTables(tables)).toEqual({
      staff: "tblStaff",
      establishment: "tblEstablishment",
      activity: "tblActivity",
      standards: "tblStandards",
      budget: "tblPayBudget",
      temporary: "tblTemporary",
      flows: "tblFlows",
    });
  });
});

describe("building a scenario from the tables", () => {
  const minimal = () => ({
    staff: small(
      "Staff",
      ["Staff group", "Band", "Contracted hours"],
      [
        ["Nursing", "Band 5", 37.5],
        ["Nursing", "Band 5", 30],
        ["Nursing", "Band 3", 37.5],
      ],
    ),
    activity: small("Activity", ["Service line", "Unit", "Total"], [["Bed days", "bed days", 10000]]),
    standards: small("Standards", ["Service line", "Staff group", "Minutes per unit"], [["Bed days", "Nursing", 480]]),
    flows: small("Flows", ["Staff group", "Leavers", "Starters", "Average headcount"], [["Nursing", 1, 2, 4]]),
    budget: small("Budget", ["Cost centre", "Staff group", "Budget 2025/26"], [["W1", "Nursing", 150000]]),
  });

  it("reads staff, flows, activity, standards and budget into the scenario", () => {
    const input = scenarioFromTables(minimal(), { name: "Base", startYear: "2025/26", horizonYears: 3, activityGrowth: 0.02 });
    const group = input.staffGroups[0]!;
    expect(group.name).toBe("Nursing");
    expect(group.grades).toEqual([
      {
        grade: "5",
        establishmentFte: 0,
        inPostFte: 1.8,
        bankFte: 0,
        agencyFte: 0,
        // Who is in post, by FTE (and point and area, blank here): each is costed as they are.
        posts: [
          { fte: 1, count: 1 },
          { fte: 0.8, count: 1 },
        ],
      },
      { grade: "3", establishmentFte: 0, inPostFte: 1, bankFte: 0, agencyFte: 0, posts: [{ fte: 1, count: 1 }] },
    ]);
    expect(group.leaverRate).toBe(0.25); // 1 leaver / 4 average headcount
    expect(group.starters).toBeCloseTo(2 * (2.8 / 3), 12); // 2 starters x 0.9333 FTE a head
    expect(input.serviceLines).toEqual([
      { name: "Bed days", unit: "bed days", activity: 10000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] },
    ]);
    expect(input.payBudget).toEqual([{ staffGroup: "Nursing", costCentre: "W1", amount: 150000 }]);
    expect(runScenario(input).rows).toHaveLength(3);
  });

  it("names the table, sheet, cell and what is wrong", () => {
    const bad = minimal();
    bad.staff = small("Staff", ["Staff group", "Band", "Contracted hours"], [["Nursing", "Band 5", "full time"]], "ESR extract");
    // The group's one staff row is left out, so the rows of other tables that need the group are left out too, each saying why.
    expect(() => scenarioFromTables(bad, { name: "x", startYear: "2025/26", horizonYears: 1 })).toThrow(
      `4 rows cannot be used: 'ESR extract'!C2: contracted hours "full time" must be a number of 0 or more; ` +
        `Flows!A2: staff group "Nursing" has no row of the staff table that can be used; ` +
        `Standards!B2: staff group "Nursing" has no row of the staff table that can be used; ` +
        `Budget!B2: staff group "Nursing" has no row of the staff table that can be used`,
    );
    const missing = minimal();
    missing.activity = small("Activity", ["Service line", "Apr"], [["Bed days", 800]]);
    expect(() => scenarioFromTables(missing, { name: "x", startYear: "2025/26", horizonYears: 1 })).toThrow(
      "the activity plan table Activity (sheet Activity) needs a column for Total; its headers are Service line, Apr",
    );
    const unknownLine = minimal();
    unknownLine.standards = small("Standards", ["Service line", "Staff group", "Minutes per unit"], [["Theatres", "Nursing", 60]]);
    expect(() => scenarioFromTables(unknownLine, { name: "x", startYear: "2025/26", horizonYears: 1 })).toThrow(
      '1 name matches nothing: Standards!A2: service line "Theatres" is not in the activity plan Activity (it has Bed days)',
    );
    // Names that match nothing: every one at once, each with its cell and the name most likely meant; nothing becomes a new group.
    const typos = minimal();
    typos.staff = small(
      "Staff",
      ["Staff group", "Band", "Contracted hours"],
      [
        ["Registered nursing and midwifery", "Band 5", 37.5],
        ["Healthcare support workers", "Band 3", 37.5],
      ],
    );
    typos.standards = small(
      "Standards",
      ["Service line", "Staff group", "Minutes per unit"],
      [
        ["Bed days", "Nurses", 480],
        ["Bed day", "Healthcare support workers", 120],
      ],
    );
    typos.flows = small("Flows", ["Staff group", "Leavers", "Average headcount"], [["Registered nursing and midwifery", 1, 4]]);
    typos.budget = small(
      "Budget",
      ["Cost centre", "Staff group", "Budget 2025/26"],
      [
        ["W1", "Heathcare support workers", 150000],
        ["W1", "Estates", 1000],
      ],
    );
    expect(() => scenarioFromTables(typos, { name: "x", startYear: "2025/26", horizonYears: 1 })).toThrow(
      "4 names match nothing: " +
        'Standards!B2: staff group "Nurses" is not a staff group of the staff table Staff; did you mean "Registered nursing and midwifery"?; ' +
        'Standards!A3: service line "Bed day" is not in the activity plan Activity; did you mean "Bed days"? (it has Bed days); ' +
        'Budget!B2: staff group "Heathcare support workers" is not a staff group of the staff table Staff; did you mean "Healthcare support workers"?; ' +
        'Budget!B3: staff group "Estates" is not a staff group of the staff table Staff',
    );
    const band = minimal();
    band.staff = small("Staff", ["Staff group", "Band", "Contracted hours"], [["Nursing", "Band 11", 37.5]]);
    expect(() => scenarioFromTables(band, { name: "x", startYear: "2025/26", horizonYears: 1 })).toThrow(
      /^4 rows cannot be used: Staff!B2: band "Band 11" is not/,
    );
    expect(() =>
      scenarioFromTables({ staff: minimal().staff } as Partial<Record<TableRole, TableData>>, {
        name: "x",
        startYear: "2025/26",
        horizonYears: 1,
      }),
    ).toThrow(/choose the activity plan table/);
  });

  it("runs and triangulates the sample trust's plan", () => {
    const roles = detectPlanTables(sample.tables.map((t) => ({ name: t.name, headers: t.columns })));
    const tables = Object.fromEntries(Object.entries(roles).map(([role, name]) => [role, tableData(name!)])) as Partial<
      Record<TableRole, TableData>
    >;
    const input = scenarioFromTables(tables, {
      name: "Northfield base case",
      startYear: "2025/26",
      horizonYears: 3,
      activityGrowth: 0.03,
      payAward: 0.03,
      headroom: 0.22,
    });
    const result = runScenario(input);
    expect(result.rows).toHaveLength(18); // 3 years x 6 staff groups
    const nursing = result.rows.find((r) => r.staffGroup === "Registered nursing and midwifery" && r.yearIndex === 1)!;
    const flows = sample.values("Flows", { top: 1, left: 0, bottom: 1, right: 3 })[0]!;
    expect(input.staffGroups.find((g) => g.name === nursing.staffGroup)!.leaverRate).toBeCloseTo(
      (flows[1] as number) / (flows[3] as number),
      12,
    );
    const inPost = sample.values("Summary", { top: 1, left: 1, bottom: 1, right: 1 })[0]![0] as number;
    expect(input.staffGroups.flatMap((g) => g.grades).reduce((sum, g) => sum + g.inPostFte, 0)).toBeCloseTo(inPost, 9); // =SUM(tblStaff[FTE])
    const checks = triangulate(result);
    expect(checks.checks.map((c) => c.id)).toEqual(["capacity", "finance", "establishment", "temporaryStaffing"]);
  });
});
