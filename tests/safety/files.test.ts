import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { readXlsx, writeXlsx } from "../../engine/xlsx.ts";

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const file = new ExcelJS.Workbook();
  fill(file.addWorksheet("Plan"));
  return new Uint8Array((await file.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("files that could take the workbench or the CLI down", () => {
  it("reads a 6 KB file with values in A1 and XFD1048576 sparsely, and saves it back", async () => {
    // Read densely, this was a grid of 17 billion cells and the process died (exit 134).
    const bytes = await xlsx((sheet) => {
      sheet.getCell("A1").value = 1;
      sheet.getCell("XFD1048576").value = 2;
    });
    expect(bytes.length).toBeLessThan(8000);
    const model = await readXlsx(bytes);
    expect(model.filledCells("Plan")).toEqual([
      [0, 0],
      [1_048_575, 16_383],
    ]);
    expect(model.values("Plan", { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 })).toEqual([[2]]);
    const back = await readXlsx((await writeXlsx(model)).bytes);
    expect(back.values("Plan", { top: 0, left: 0, bottom: 0, right: 0 })).toEqual([[1]]);
    expect(back.values("Plan", { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 })).toEqual([[2]]);
  });

  it("keeps a table's rows as one block, ragged rows and far columns included", async () => {
    const model = await readXlsx(
      await xlsx((sheet) => {
        sheet.addRows([
          ["Band", "Hours", "Note"],
          ["Band 5", 37.5],
          ["Band 3", 30, "part time"],
        ]);
        sheet.getCell("ZZ2").value = "far";
      }),
    );
    expect(model.values("Plan", { top: 0, left: 0, bottom: 2, right: 2 })).toEqual([
      ["Band", "Hours", "Note"],
      ["Band 5", 37.5, ""],
      ["Band 3", 30, "part time"],
    ]);
    expect(model.values("Plan", { top: 1, left: 701, bottom: 1, right: 701 })).toEqual([["far"]]);
  });

  it("refuses a file with more cells than it can hold, saying so", async () => {
    const bytes = await xlsx((sheet) => {
      for (let row = 1; row <= 30; row++) sheet.addRow([row, row * 2]);
    });
    await expect(readXlsx(bytes, { maxCells: 50 })).rejects.toThrow(
      "The file holds more than 50 cells (sheet Plan reaches row 26): too many to open here. Split it, or open it in Excel.",
    );
  });
});
