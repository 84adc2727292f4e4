import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { createExcel } from "../../excelHost/index.ts";
import { Workbook } from "../../engine/workbook.ts";

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

/*
 * The workbench refuses what Excel refuses, with Excel's error code, so the
 * add-in cannot come to rely on a kindness Excel does not show.
 */

function setup() {
  const model = new Workbook("Plan");
  return { model, Excel: createExcel(model) };
}

async function refusal(run: (context: Excel.RequestContext) => void | Promise<void>): Promise<{ code: string; message: string }> {
  const { Excel } = setup();
  try {
    await Excel.run(async (context) => {
      await run(context as unknown as Excel.RequestContext);
      await context.sync();
    });
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("Excel would have refused this, and the workbench took it");
}

describe("sheet names", () => {
  it("refuses on add a name Excel refuses, with InvalidArgument and why", async () => {
    for (const [name, why] of [
      ["x".repeat(32), /at most 31/],
      ["Plan/2025", /holds one of/],
      ["'Plan", /apostrophe/],
      ["History", /kept by Excel/],
    ] as const) {
      const error = await refusal((context) => void context.workbook.worksheets.add(name));
      expect(error.code).toBe("InvalidArgument");
      expect(error.message).toMatch(/^The argument is invalid or missing or has an incorrect format\./);
      expect(error.message).toMatch(why);
    }
  });

  it("refuses on rename what it refuses on add, and another sheet's name in any case", async () => {
    expect((await refusal((context) => void (context.workbook.worksheets.getItem("Plan").name = "y".repeat(32)))).code).toBe(
      "InvalidArgument",
    );
    const clash = await refusal((context) => {
      context.workbook.worksheets.add("Finance");
      context.workbook.worksheets.getItem("Plan").name = "FINANCE";
    });
    expect(clash.code).toBe("ItemAlreadyExists");
    expect((await refusal((context) => void context.workbook.worksheets.add("plan"))).code).toBe("ItemAlreadyExists");
  });

  it("lets a sheet take its own name in another case", async () => {
    const { Excel, model } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").name = "PLAN";
      await context.sync();
    });
    expect(model.sheets.map((s) => s.name)).toEqual(["PLAN"]);
  });
});

describe("table names", () => {
  it("refuses a table name with a space, or a cell's address, on add and on rename", async () => {
    const add = await refusal((context) => {
      context.workbook.tables.add("Plan!A1:B3", true).name = "my table";
    });
    expect(add.code).toBe("InvalidArgument");
    const address = await refusal((context) => {
      context.workbook.tables.add("Plan!A1:B3", true).name = "AB12";
    });
    expect(address.message).toMatch(/cell's address/);
  });
});

describe("what a range takes", () => {
  it("refuses a 1 x 1 array for a larger range; a bare value fills it", async () => {
    expect((await refusal((context) => void (context.workbook.worksheets.getItem("Plan").getRange("A1:B2").values = [[1]]))).code).toBe(
      "InvalidArgument",
    );
    const { Excel, model } = setup();
    await Excel.run(async (context) => {
      (context.workbook.worksheets.getItem("Plan").getRange("A1:B2") as unknown as { values: unknown }).values = 7;
      await context.sync();
    });
    expect(model.values("Plan", { top: 0, left: 0, bottom: 1, right: 1 })).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it("refuses text over 32,767 characters in a cell, and writes nothing of the block", async () => {
    const { Excel, model } = setup();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getRange("A1:B1").values = [["fits", "x".repeat(32_768)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(/at most 32,767 characters; this text has 32,768/) });
    expect(model.usedRange("Plan")).toBeUndefined();
  });
});

describe("charts", () => {
  it("refuses a series the chart does not have", async () => {
    const error = await refusal((context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:C3").values = [
        ["Year", "Gap", "Cost"],
        ["2025/26", 1, 2],
        ["2026/27", 3, 4],
      ];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns");
      chart.series.getItemAt(1).format.fill.setSolidColor("#005EB8");
      chart.series.getItemAt(2).format.fill.setSolidColor("#005EB8");
    });
    expect(error.code).toBe("ItemNotFound");
    expect(error.message).toMatch(/has 2 series; 2 is not one/);
  });
});

describe("autofit", () => {
  it("fits a column to every cell in it, as Excel does, not only the rows asked about", async () => {
    const { model, Excel } = setup();
    model.setContents("Plan", 0, 0, [["Scenario: Base case, 2025/26 to 2029/30, with every HEE Star action"]]);
    model.setContents("Plan", 4, 0, [["Band"], ["5"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("A5:A6").format.autofitColumns();
      await context.sync();
    });
    // The title's 67 characters, not "Band"'s 4: 67 x 6.5 + 10 in the workbench's measure.
    expect(model.columnWidth("Plan", 0)).toBe(Math.ceil(67 * 6.5 + 10));
  });
});
