import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { catalogue } from "../../functions/catalogue.ts";
import { EXAMPLE_ROWS } from "../../taskpane/examples.ts";
import { insertExampleSheet } from "../../taskpane/adapter/workbook.ts";
import { createExcel, installExcelGlobals } from "../../excelHost/index.ts";
import { Workbook } from "../../engine/workbook.ts";

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

function setup() {
  const model = new Workbook("Plan");
  return { model, Excel: createExcel(model) };
}

describe("proxy semantics", () => {
  it("throws PropertyNotLoaded on a read before load and sync, as Excel does", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:B2");
      expect(() => range.values).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("address");
      expect(() => range.address).toThrowError(
        /The property 'address' is not available. Before reading the property's value, call the load method/,
      );
      await context.sync();
      expect(range.address).toBe("Plan!A1:B2");
      expect(() => range.values).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" })); // loaded address only
    });
  });

  it("queues writes until sync and counts syncs", async () => {
    const { Excel, model } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:A2");
      range.formulas = [[37.5], ["=WFP.FTE(A1)"]];
      expect(model.values("Plan", { top: 0, left: 0, bottom: 1, right: 0 })).toEqual([[""], [""]]); // not yet sent
      range.load("values, formulas");
      await context.sync();
      expect(range.values).toEqual([[37.5], [1]]);
      expect(range.formulas).toEqual([[37.5], ["=WFP.FTE(A1)"]]);
    });
    // The explicit sync is a round trip; Excel.run's closing one carries nothing, and Office.js sends nothing for it.
    expect(Excel.stats.syncs).toBe(1);
    expect(Excel.stats.emptySyncs).toBe(1);
  });

  it("fails a sync on a missing item, naming it, and reports null objects", async () => {
    const { Excel } = setup();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Budget").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", message: 'The worksheet "Budget" does not exist.' });
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Budget");
      const present = context.workbook.worksheets.getItemOrNullObject("plan");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });
});

describe("worksheets and ranges", () => {
  it("adds, lists, hides (very hidden), activates and deletes sheets", async () => {
    const { Excel, model } = setup();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const store = sheets.add("wfplan_scenarios");
      store.visibility = "VeryHidden";
      sheets.add("Summary").activate();
      sheets.load("items/name,items/visibility");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Plan", "Visible"],
        ["wfplan_scenarios", "VeryHidden"],
        ["Summary", "Visible"],
      ]);
      sheets.getItem("Summary").delete();
    });
    expect(model.sheets.map((s) => s.name)).toEqual(["Plan", "wfplan_scenarios"]);
    expect(model.activeSheet).toBe("Plan");
  });

  it("reads the used range, resizes, and sets number formats", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("B2:C3").values = [
        ["Band 5", 37796],
        ["Band 6", "=WFP.PAY(6)"],
      ];
      sheet.getRange("C2:C3").numberFormat = [["£#,##0"], ["£#,##0"]];
      const used = sheet.getUsedRange();
      used.load("address, rowCount, columnCount");
      const grown = sheet.getRange("B2").getResizedRange(1, 1);
      grown.load("values, numberFormat, text");
      await context.sync();
      // As in Excel, the used range starts at the first used cell, not at A1.
      expect([used.address, used.rowCount, used.columnCount]).toEqual(["Plan!B2:C3", 2, 2]);
      expect(grown.values).toEqual([
        ["Band 5", 37796],
        ["Band 6", 46580],
      ]);
      expect(grown.numberFormat).toEqual([
        ["General", "£#,##0"],
        ["General", "£#,##0"],
      ]);
      expect(grown.text).toEqual([
        ["Band 5", "£37,796"],
        ["Band 6", "£46,580"],
      ]);
    });
  });

  it("leaves cells given null as they are, and clears cells given an empty string, as Excel does", async () => {
    const { Excel, model } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:C1");
      range.values = [[1, 2, 3]];
      range.numberFormat = [["0.00", "0%", "£#,##0"]];
      await context.sync();
      range.values = [[null, "", 30]];
      range.numberFormat = [[null, "General", null]];
    });
    expect(model.values("Plan", { top: 0, left: 0, bottom: 0, right: 2 })).toEqual([[1, "", 30]]);
    expect(model.numberFormats("Plan", { top: 0, left: 0, bottom: 0, right: 2 })).toEqual([["0.00", "General", "£#,##0"]]);
  });

  it("rejects an array that does not fit the range", async () => {
    const { Excel } = setup();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getRange("A1:B2").values = [[1, 2, 3]];
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("tables, names and charts", () => {
  it("adds a table, reads its parts, appends rows, and evaluates structured references", async () => {
    const { Excel, model } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:B3").values = [
        ["Band", "Hours"],
        ["Band 5", 37.5],
        ["Band 3", 30],
      ];
      const table = sheet.tables.add("A1:B3", true);
      table.name = "tblStaff";
      table.rows.add(null, [["Band 6", 15]]);
      sheet.getRange("D1").formulas = [["=SUM(WFP.FTE(tblStaff[Hours]))"]];
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("address");
      const hours = table.columns.getItem("Hours").getDataBodyRange().load("values");
      const total = sheet.getRange("D1").load("values, formulas");
      table.columns.load("items/name");
      await context.sync();
      expect(header.values).toEqual([["Band", "Hours"]]);
      expect(body.address).toBe("Plan!A2:B4");
      expect(hours.values).toEqual([[37.5], [30], [15]]);
      expect(table.columns.items.map((c) => c.name)).toEqual(["Band", "Hours"]);
      expect(total.values).toEqual([[2.2]]); // 1 + 0.8 + 0.4
      expect(total.formulas).toEqual([["=SUM(WFP.FTE(tblStaff[Hours]))"]]);
    });
    expect(model.tables.map((t) => t.name)).toEqual(["tblStaff"]);
  });

  it("adds named items and charts", async () => {
    const { Excel, model } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:B3").values = [
        ["Year", "FTE"],
        ["2025/26", 98],
        ["2026/27", 96.2],
      ];
      context.workbook.names.add("Headroom", "=0.22");
      const named = context.workbook.names.add("SupplyFte", sheet.getRange("B2:B3"));
      named.load("formula, type");
      const chart = sheet.charts.add("Line", sheet.getRange("A1:B3"), "Auto");
      chart.title.text = "Supply";
      chart.load("name");
      const check = sheet.getRange("C1");
      check.formulas = [["=Headroom*100"]];
      check.load("values");
      await context.sync();
      expect(named.formula).toBe("=Plan!$B$2:$B$3");
      expect(named.type).toBe("Range");
      expect(chart.name).toBe("Chart 1");
      expect(check.values).toEqual([[22]]);
    });
    expect(model.charts[0]).toMatchObject({
      type: "Line",
      title: "Supply",
      seriesBy: "Columns",
      source: { top: 0, left: 0, bottom: 2, right: 1 },
    });
  });
});

describe("Excel on the web's limits", () => {
  it("refuses a request over 5 MB with RequestPayloadSizeLimitExceeded, writing nothing", async () => {
    const { Excel, model } = setup();
    const big = Array.from({ length: 100_000 }, (_, i) => [`assignment ${i} with a long description of the post`, i, i * 2]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getRangeByIndexes(0, 0, big.length, 3).values = big;
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(model.usedRange("Plan")).toBeUndefined();
    expect(Excel.stats.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("refuses to read more than 5,000,000 cells in one request", async () => {
    const { Excel } = setup();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getRange("A:E").load("values"); // 5 x 1,048,576 cells
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("the task pane's adapter runs unchanged on the workbench", () => {
  it("adds an example sheet in two syncs, and never writes over an existing one", async () => {
    const model = new Workbook("Plan");
    const excel = installExcelGlobals(model);
    try {
      expect(await insertExampleSheet(EXAMPLE_ROWS)).toBe("WFP examples");
      expect(excel.stats.syncs).toBe(2); // load names, write + activate (Excel.run's closing sync carries nothing)
      expect(await insertExampleSheet(EXAMPLE_ROWS)).toBe("WFP examples (2)");
      expect(model.activeSheet).toBe("WFP examples (2)");
      const values = model.values("WFP examples", { top: 1, left: 1, bottom: 5, right: 2 });
      expect(values[0]).toEqual(["=WFP.FTE(30)", 0.8]);
      expect(values[4]![1]).toBeCloseTo(51892.2688, 8); // =WFP.COST(5, 1)
      // Every example shows a value: each function's default year is the newest that holds what it needs.
      const results = model.values("WFP examples", { top: 1, left: 2, bottom: EXAMPLE_ROWS.length - 1, right: 2 }).map((row) => row[0]);
      expect(results.every((value) => typeof value === "number")).toBe(true);
      expect(results[2]).toBeCloseTo(7559.2, 8); // inner London 2024/25: 20% of £37,796
      expect(results[5]).toBe(65048); // ST4 in 2025/26
      // Threshold 3 in 2024/25, £126,018, with NI at 13.8% above £9,100, pension 23.78% and the levy.
      expect(results[6]).toBeCloseTo(126018 + 0.138 * (126018 - 9100) + 0.2378 * 126018 + 0.005 * 126018, 8);
      // Every function has its example, each worked by hand.
      const used = new Set(EXAMPLE_ROWS.flatMap((row) => [...String(row[2]).matchAll(/WFP\.([A-Z_]+)\(/g)].map((m) => m[1])));
      expect([...used].sort()).toEqual(Object.keys(catalogue).sort());
      const at = (what: string) => results[EXAMPLE_ROWS.findIndex((row) => String(row[0]).startsWith(what)) - 1] as number;
      expect(at("Heads for 12.5 FTE")).toBe(16); // 15.625 people, rounded up
      expect(at("WISN ratio")).toBeCloseTo(0.8, 12);
      expect(at("CHPPD")).toBeCloseTo(7000 / 900, 12);
      expect(at("Registered share")).toBeCloseTo(15 / 20, 12);
      expect(at("Vacancy rate")).toBeCloseTo(0.08, 12);
      expect(at("Leaver rate")).toBeCloseTo(12 / 110, 12);
      // 260 days less 8 + 27 + 10 + 5 of leave, at 7.5 hours: 1,575 hours; 12,000 x 20 min and 3,000 x 45 min over 1,575 hours.
      expect(at("WISN available")).toBeCloseTo(1575, 9);
      expect(at("WISN staff")).toBeCloseTo((12000 * 20 + 3000 * 45) / 60 / 1575, 9);
    } finally {
      delete (globalThis as Record<string, unknown>).Excel;
      delete (globalThis as Record<string, unknown>).Office;
    }
  });
});

describe("loading through navigation properties", () => {
  it('loads "format/font/bold" and "format/columnWidth" on a range, as Office.js does', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const header = context.workbook.worksheets.getItem("Plan").getRange("A1:B1");
      header.format.font.bold = true;
      header.format.columnWidth = 120;
      header.load("format/font/bold, format/columnWidth, address");
      await context.sync();
      expect(header.address).toBe("Plan!A1:B1");
      expect(header.format.font.bold).toBe(true);
      expect(header.format.columnWidth).toBe(120);
      expect(() => header.load("format/nonsense")).toThrowError(/The property 'nonsense' does not exist on RangeFormat/);
    });
  });
});
