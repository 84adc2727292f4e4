import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { LINK_SHEET } from "../../taskpane/adapter/linkStore.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { selectCell } from "../../taskpane/adapter/selectCell.ts";
import { initialLinks } from "../../taskpane/useCases/planLinks.ts";
import { leftOutText, runPlan } from "../../taskpane/useCases/runPlan.ts";
import "./plan.ts"; // removes the Excel globals after the file

/*
 * A trust's own layout, not the sample's: an ESR extract as a plain range
 * under title rows with ESR's column names and a bad row, an activity plan
 * that starts at B2, staffing standards as a named range, and the pay budget
 * as a table. The pane finds, links, reads and runs it; the links are stored
 * and survive a moved column; a column that has gone is reported.
 */

const text = (cell: string | number) => (typeof cell === "string" ? `'${cell}` : cell);

function trustWorkbook(): Workbook {
  const model = new Workbook("ESR extract");
  model.setContents(
    "ESR extract",
    0,
    0,
    [
      ["Staff in post, Northgate Community NHS Trust"],
      ["Extracted from ESR, 31 March 2026"],
      [""],
      ["Assignment Number", "Organisation", "Staff Group", "Pay Band", "Contracted WTE", "Cost Centre"],
      ["10000001", "Northgate", "Nursing", "Band 5", 1, "W100"],
      ["10000002", "Northgate", "Nursing", "Band 5", 0.8, "W100"],
      ["10000003", "Northgate", "Nursing", "Band 55", 1, "W100"],
      ["10000004", "Northgate", "Nursing", "Band 6", 1, "W100"],
      ["10000005", "Northgate", "Support", "Band 3", 1, "W100"],
    ].map((row) => row.map(text)),
  );
  model.addSheet("Activity");
  model.setContents(
    "Activity",
    1,
    1,
    [
      ["Point of delivery", "Planned activity", "Currency"],
      ["Home visits", 12000, "visits"],
    ].map((row) => row.map(text)),
  );
  model.addSheet("Standards");
  model.setContents(
    "Standards",
    4,
    4,
    [
      ["Service line", "Staff group", "Minutes per unit"],
      ["Home visits", "Nursing", 45],
      ["Home visits", "Support", 20],
    ].map((row) => row.map(text)),
  );
  model.addName("StaffingStandards", "=Standards!$E$5:$G$7");
  model.addSheet("Finance");
  model.setContents(
    "Finance",
    0,
    0,
    [
      ["Cost centre", "Staff group", "Budget 2025/26"],
      ["W100", "Nursing", 120000],
      ["W100", "Support", 30000],
    ].map((row) => row.map(text)),
  );
  model.addTable("Finance", { top: 0, left: 0, bottom: 2, right: 2 }, true, "tblBudget", "TableStyleMedium2", [
    "Cost centre",
    "Staff group",
    "Budget 2025/26",
  ]);
  return model;
}

const choices = { name: "Own layout", startYear: "2025/26", horizonYears: 1 };
let model: Workbook;
let excel: ReturnType<typeof installExcelGlobals>;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  model = trustWorkbook();
  excel = installExcelGlobals(model);
});

describe("a trust's own layout in the workbench", () => {
  it("lists the table, the named range and the sheets whose header sits under title rows, and proposes each part", async () => {
    const view = await openWorkbook();
    expect(excel.stats.syncs).toBe(2);
    expect(view.tables.map((t) => [t.id, t.headerRow, t.left, t.titleRows, t.rows])).toEqual([
      ["table:tblBudget", 0, 0, 0, 2],
      ["name:StaffingStandards", 4, 4, 0, 2],
      ["sheet:ESR extract", 3, 0, 3, 5],
      ["sheet:Activity", 1, 1, 0, 1],
      ["sheet:Standards", 4, 4, 0, 2],
    ]);
    const links = initialLinks(view.tables, view.links?.links);
    expect(links).toEqual({
      staff: {
        source: "sheet:ESR extract",
        fields: {
          staffGroup: "Staff Group",
          band: "Pay Band",
          fte: "Contracted WTE",
          costCentre: "Cost Centre",
          assignmentNumber: "Assignment Number",
          organisation: "Organisation",
        },
      },
      activity: { source: "sheet:Activity", fields: { serviceLine: "Point of delivery", total: "Planned activity", unit: "Currency" } },
      // The named range and the sheet hold the same standards; the name is listed first and wins.
      standards: {
        source: "name:StaffingStandards",
        fields: { serviceLine: "Service line", staffGroup: "Staff group", minutes: "Minutes per unit" },
      },
      budget: { source: "table:tblBudget", fields: { staffGroup: "Staff group", budget: "Budget 2025/26", costCentre: "Cost centre" } },
    });
  });

  it("runs it, leaving out the bad row with its cell and reading the rest, and stores the links", async () => {
    const view = await openWorkbook();
    const before = excel.stats.syncs;
    const run = await runPlan(initialLinks(view.tables, view.links?.links), choices, { view });
    expect(excel.stats.syncs - before).toBe(3); // reads; results with the links; the scenario
    expect(run.leftOut.map(leftOutText)).toEqual([expect.stringMatching(/^'ESR extract'!D7: band "Band 55" is not/)]);
    expect(run.leftOut[0]).toMatchObject({ sheet: "ESR extract", row: 6, column: 3, value: "Band 55" });
    // In post: Nursing 1 + 0.8 + 1 = 2.8 FTE (the bad row's 1 FTE is not counted), Support 1 FTE; no flows, so the same at year end.
    // Required: 12,000 visits x 45 min = 9,000 hours, x 20 min = 4,000 hours, over AfC's 1,955.36 hours a year (37.5 x 52.143), no headroom.
    const year = (group: string) => run.result.rows.find((r) => r.staffGroup === group && r.yearIndex === 1)!;
    expect(year("Nursing").supplyFte).toBeCloseTo(2.8, 12);
    expect(year("Support").supplyFte).toBeCloseTo(1, 12);
    expect(year("Nursing").requiredFte).toBeCloseTo(9000 / (37.5 * 52.143), 12);
    expect(year("Support").requiredFte).toBeCloseTo(4000 / (37.5 * 52.143), 12);
    expect(year("Nursing").budget).toBe(120000);
    expect(year("Support").budget).toBe(30000);
    // Following the link brings its sheet to the front and selects the cell.
    model.activate("Activity");
    await selectCell(run.leftOut[0]!.sheet, run.leftOut[0]!.row, run.leftOut[0]!.column);
    expect(model.activeSheet).toBe("ESR extract");
    expect(model.selection).toEqual({ sheet: "ESR extract", range: { top: 6, left: 3, bottom: 6, right: 3 } });
    expect(model.findSheet(LINK_SHEET)?.visibility).toBe("VeryHidden");
    const reopened = await openWorkbook();
    expect(reopened.links?.links.staff?.fields.fte).toBe("Contracted WTE");
  });

  it("follows a moved column by its header, and reports a column that has gone", async () => {
    const before = await openWorkbook();
    const first = await runPlan(initialLinks(before.tables, before.links?.links), choices, { view: before });
    // Swap Pay Band and Contracted WTE on the sheet, values and all.
    const sheetRows = model.values("ESR extract", { top: 3, left: 3, bottom: 8, right: 4 });
    model.setContents(
      "ESR extract",
      3,
      3,
      sheetRows.map(([band, wte]) => [wte, band].map((v) => (typeof v === "string" ? `'${v}` : v)) as (string | number)[]),
    );
    const view = await openWorkbook();
    const moved = await runPlan(initialLinks(view.tables, view.links?.links), choices, { view });
    expect(moved.result.rows.map((r) => r.totalCost)).toEqual(first.result.rows.map((r) => r.totalCost));
    expect(moved.leftOut.map((r) => r.place)).toEqual(["'ESR extract'!E7"]);
    // The WTE column's header is changed: the stored link says so, and does not guess another column.
    model.setContents("ESR extract", 3, 3, [["'Hours"]]);
    const changed = await openWorkbook();
    await expect(runPlan(initialLinks(changed.tables, changed.links?.links), choices, { view: changed })).rejects.toThrow(
      `'ESR extract'!A4: the column "Contracted WTE" linked as Contracted WTE is no longer there; link Contracted WTE to a column again`,
    );
  });

  it("lists a workbook whose data reaches the sheet's last row and column, in two syncs more", async () => {
    const edge = trustWorkbook();
    edge.addSheet("Edge");
    edge.setContents("Edge", 1_048_570, 16_380, [
      ["'Staff group", "'Band"],
      ["'Nursing", "'Band 5"],
    ]);
    const edgeExcel = installExcelGlobals(edge);
    const view = await openWorkbook();
    // The top rows of Edge, read relative to its used range, would run off the grid: its size is read first.
    expect(edgeExcel.stats.syncs).toBe(4);
    expect(view.tables.find((t) => t.id === "sheet:Edge")).toMatchObject({ headerRow: 1_048_570, left: 16_380, rows: 1 });
    installExcelGlobals(model);
  });
});
