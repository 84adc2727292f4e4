import { beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { parseRangeAddress } from "../../src/addresses.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { writeXlsx } from "../../engine/xlsx.ts";
import { boardSummary, detectPlanTables, runScenario, starBreakdown } from "../../src/index.ts";
import { writeBoardSummary } from "../../taskpane/adapter/board.ts";
import { columnPoints } from "../../taskpane/adapter/columnWidths.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { latestVersions, listSavedScenarios } from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { openSample } from "./plan.ts";

/*
 * The Board summary in the workbench: two saved scenarios of the sample
 * trust, on one sheet set to print on one landscape A4 page, replaced when
 * written again and kept when the board has written on it.
 */

let model: Workbook;
beforeAll(async () => {
  ({ model } = await openSample());
});

describe("the Board summary sheet", () => {
  it("lays out what differs, the headline by year, the charts and each HEE Star, for one landscape A4 page", async () => {
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    const base = await runPlan(roles, { name: "Base case", startYear: "2025/26", horizonYears: 2 }, { view });
    await runPlan(roles, { name: "Retain", startYear: "2025/26", horizonYears: 2, retention: 0.2, vacancyFill: 0.5 }, { view: base.view });
    const inputs = latestVersions(await listSavedScenarios()).map((s) => s.input!);
    const summary = boardSummary(inputs.map(runScenario), inputs.map(starBreakdown));

    const written = await writeBoardSummary(summary, new Date("2026-11-24T10:00:00Z"));
    expect(written).toEqual({ sheet: "WFP Board summary" });
    const sheet = "WFP Board summary";
    expect(model.values(sheet, { top: 0, left: 0, bottom: 5, right: 0 }).map((r) => r[0])).toEqual([
      "Board summary: Base case, Retain",
      "The newest saved version of each scenario, written 2026-11-24 10:00",
      "",
      "What differs",
      "Base case: the reference the others are compared with.",
      "Retain: vacancy fill 50% a year (Base case: 0% a year); retention 20% fewer leavers (Base case: 0% fewer leavers).",
    ]);
    // The headline: Base case's first year, as the model sums it.
    const head = model.values(sheet, { top: 8, left: 0, bottom: 9, right: 6 });
    expect(head[0]).toEqual(["Scenario", "Year", "FTE gap", "Total pay cost", "Variance to budget", "Agency spend", "Supply over need"]);
    const first = summary.headline[0]!;
    expect(head[1]!.slice(0, 2)).toEqual(["Base case", "2025/26"]);
    expect(head[1]![2]).toBeCloseTo(first.gapFte, 9);
    expect(head[1]![3]).toBeCloseTo(
      base.result.rows.filter((r) => r.yearIndex === 1).reduce((sum, r) => sum + r.totalCost, 0),
      4,
    );
    // Two charts by scenario, a HEE Star chart each; one landscape A4 page.
    expect(model.charts.filter((c) => c.sheet === sheet).map((c) => c.type)).toEqual([
      "Line",
      "ColumnClustered",
      "ColumnStacked",
      "ColumnStacked",
    ]);
    expect(model.sheet(sheet).pageSetup).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      scale: expect.any(Number),
      printArea: expect.stringMatching(/^A1:O\d+$/),
    });
    // A scale, not fit-to-pages (which Excel applies only once Page Layout has been shown): the largest whole percent at
    // which the print area's columns and 15-point rows fit inside A4 landscape's Normal margins, 741.09 by 487.28 points.
    const { scale, printArea } = model.sheet(sheet).pageSetup!;
    const printed = parseRangeAddress(printArea!);
    const width = Array.from({ length: printed.right + 1 }, (_, c) => model.columnWidth(sheet, c)).reduce((a, b) => a + b, 0);
    const height = (printed.bottom + 1) * 15;
    const fits = (percent: number) => (width * percent) / 100 <= 741.09 && (height * percent) / 100 <= 487.28;
    expect(fits(scale!)).toBe(true);
    expect(scale === 100 || !fits(scale! + 1)).toBe(true);
    expect(scale).toBeLessThan(100);
    // Widths set from the tables, not autofitted: Excel's autofit measures the whole column, so column A would take the
    // 110-character "Retain: ..." line and the A4 page would shrink to fit it. A holds "Scenario", "Base case", "Retain", years.
    expect(model.columnWidth(sheet, 0)).toBe(columnPoints("Base case".length));
    expect(columnPoints("Base case".length)).toBe(60); // 9 x 5.6 + 9 points, rounded up
    for (let column = 0; column <= 14; column++) expect(model.columnWidth(sheet, column)).toBeLessThanOrEqual(columnPoints(60));
    // Every chart sits where the adapter placed it, inside the print area, and a saved file anchors it there.
    const area = parseRangeAddress(model.sheet(sheet).pageSetup!.printArea!);
    const charts = model.charts.filter((c) => c.sheet === sheet);
    for (const { anchor } of charts) {
      expect(anchor).toBeDefined();
      expect(anchor!.left).toBeGreaterThanOrEqual(area.left);
      expect(anchor!.right).toBeLessThanOrEqual(area.right);
      expect(anchor!.bottom).toBeLessThanOrEqual(area.bottom);
    }
    const zip = await JSZip.loadAsync((await writeXlsx(model)).bytes);
    const drawings = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async("string")),
    );
    const at = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row>`;
    for (const { anchor } of charts)
      expect(
        drawings.some(
          (d) =>
            d.includes(`<xdr:from>${at(anchor!.left, anchor!.top)}`) && d.includes(`<xdr:to>${at(anchor!.right + 1, anchor!.bottom + 1)}`),
        ),
      ).toBe(true);

    // Written again: the same sheet. Written on by the board: their copy is kept.
    const sheets = model.sheets.length;
    expect(await writeBoardSummary(summary)).toEqual({ sheet: "WFP Board summary" });
    expect(model.sheets.length).toBe(sheets);
    model.setContents(sheet, 2, 0, [["'Approved at the November board"]]);
    expect(await writeBoardSummary(summary)).toEqual({ sheet: "WFP Board summary", keptCopy: "WFP Board summary (edited)" });
    expect(model.values("WFP Board summary (edited)", { top: 2, left: 0, bottom: 2, right: 0 })).toEqual([
      ["Approved at the November board"],
    ]);
  });
});

describe("in an Excel without ExcelApi 1.9 (no page layout)", () => {
  it("writes the Board summary without a page setup, says what the planner should do, and the pane says so as it opens", async () => {
    const { Workbook } = await import("../../engine/workbook.ts");
    const { installExcelGlobals } = await import("../../excelHost/index.ts");
    const { detectHost } = await import("../../taskpane/adapter/workbook.ts");
    const older = new Workbook("Plan");
    installExcelGlobals(older, { ExcelApi: "1.8", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" });
    const summary = boardSummary([], []);
    const written = await writeBoardSummary(summary, new Date("2026-11-24T10:00:00Z"));
    expect(written).toEqual({
      sheet: "WFP Board summary",
      pageNotSetUp:
        "set up the pages of the Board and ICS summaries (A4, landscape, on one page) and of the months (A4, landscape, one page wide): before printing, choose them in Page Layout yourself",
    });
    expect(older.sheet("WFP Board summary").pageSetup).toBeUndefined();
    expect((await detectHost()).cannot).toEqual([
      "This Excel cannot set up the pages of the Board and ICS summaries (A4, landscape, on one page) and of the months (A4, landscape, one page wide): before printing, choose them in Page Layout yourself (it lacks ExcelApi 1.9).",
    ]);
    // The workbench's own Excel has every set wfplan uses: nothing to say.
    installExcelGlobals(new Workbook("Plan"));
    expect((await detectHost()).cannot).toEqual([]);
  });
});
