import { describe, expect, it } from "vitest";
import { columnIndex, columnLetters, parseRangeAddress, splitSheet } from "../src/addresses.ts";
import { translateStructuredReferences, type TableGeometry } from "../engine/structuredReferences.ts";
import { createNodeEngine } from "../engine/metadata.ts";

const staff: TableGeometry = {
  name: "tblStaff",
  sheet: "Staff list",
  range: { top: 0, left: 0, bottom: 100, right: 3 }, // A1:D101, headers in row 1
  columns: ["Assignment", "Band", "Hours", "Cost centre"],
  hasHeaders: true,
  hasTotals: false,
};
const where = { sheet: "Summary", row: 4, column: 2 };

describe("addresses", () => {
  it("converts columns both ways", () => {
    expect(["A", "Z", "AA", "AZ", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 51, 16383]);
    expect([0, 25, 26, 51, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "XFD"]);
  });
  it("reads ranges, whole columns and sheet names", () => {
    expect(parseRangeAddress("$B$2:D10")).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseRangeAddress("C:C")).toEqual({ top: 0, left: 2, bottom: 1_048_575, right: 2 });
    expect(splitSheet("'Staff list'!A1:B2")).toEqual({ sheet: "Staff list", address: "A1:B2" });
    expect(splitSheet("Plan!A1")).toEqual({ sheet: "Plan", address: "A1" });
  });
});

describe("structured references", () => {
  const t = (formula: string, at = where) => translateStructuredReferences(formula, [staff], at);
  it("translates a column to its data rows", () => {
    expect(t("=SUM(WFP.FTE(tblStaff[Hours]))")).toBe("=SUM(WFP.FTE('Staff list'!$C$2:$C$101))");
    expect(t("=SUM(TBLSTAFF[hours])")).toBe("=SUM('Staff list'!$C$2:$C$101)");
  });
  it("translates #All, #Headers, #Data and column spans", () => {
    expect(t("=ROWS(tblStaff[#All])")).toBe("=ROWS('Staff list'!$A$1:$D$101)");
    expect(t("=tblStaff[[#Headers],[Band]]")).toBe("='Staff list'!$B$1");
    expect(t("=COUNTA(tblStaff[[Band]:[Hours]])")).toBe("=COUNTA('Staff list'!$B$2:$C$101)");
    expect(t("=COUNT(tblStaff[#Data])")).toBe("=COUNT('Staff list'!$A$2:$D$101)");
  });
  it("translates this-row references inside the table", () => {
    const inside = { sheet: "Staff list", row: 9, column: 3 };
    expect(t("=WFP.FTE([@Hours])", inside)).toBe("=WFP.FTE('Staff list'!$C$10)");
    expect(t("=WFP.FTE(tblStaff[@Hours])", inside)).toBe("=WFP.FTE('Staff list'!$C$10)");
  });
  it("leaves text in quotes alone, and names a missing column", () => {
    expect(t('=CONCAT("tblStaff[Hours]", tblStaff[[#Headers],[Hours]])')).toBe("=CONCAT(\"tblStaff[Hours]\", 'Staff list'!$C$1)");
    expect(() => t("=SUM(tblStaff[Salary])")).toThrow(
      'table tblStaff has no column "Salary": its columns are Assignment, Band, Hours, Cost centre',
    );
  });
  it("lets HyperFormula evaluate the translated formula", async () => {
    const hf = await createNodeEngine({
      "Staff list": [
        ["Assignment", "Band", "Hours", "Cost centre"],
        ["A1", "Band 5", 37.5, "W1"],
        ["A2", "Band 3", 30, "W1"],
      ],
      Summary: [[t("=SUM(WFP.FTE(tblStaff[Hours]))")]],
    });
    expect(hf.getCellValue({ sheet: hf.getSheetId("Summary")!, row: 0, col: 0 })).toBeCloseTo(1.8, 12);
    hf.destroy();
  });
});

/** The engine's Workbook, with the WFP functions registered first (as every caller must). */
async function workbookWithWfp() {
  const { registerWfpFunctions } = await import("../engine/hyperformula.ts");
  const { loadMetadata } = await import("../engine/metadata.ts");
  registerWfpFunctions(await loadMetadata());
  return (await import("../engine/workbook.ts")).Workbook;
}

describe("the used range with formatted cells (kept, not rescanned, on every repaint)", () => {
  it("grows as formats are added and shrinks when the outermost is cleared", async () => {
    const Workbook = await workbookWithWfp();
    const model = new Workbook("Plan");
    model.setContents("Plan", 0, 0, [[1, 2]]);
    expect(model.usedRange("Plan")).toEqual({ top: 0, left: 0, bottom: 0, right: 1 });
    model.setNumberFormats("Plan", { top: 9, left: 4, bottom: 9, right: 4 }, [["0.0%"]]);
    expect(model.usedRange("Plan")).toEqual({ top: 0, left: 0, bottom: 9, right: 4 });
    model.setNumberFormats("Plan", { top: 3, left: 6, bottom: 3, right: 6 }, [["£#,##0"]]);
    expect(model.usedRange("Plan")).toEqual({ top: 0, left: 0, bottom: 9, right: 6 });
    model.setNumberFormats("Plan", { top: 9, left: 4, bottom: 9, right: 4 }, [["General"]]);
    expect(model.usedRange("Plan")).toEqual({ top: 0, left: 0, bottom: 3, right: 6 });
    // A renamed sheet keeps its extent.
    model.renameSheet("Plan", "Budget");
    expect(model.usedRange("Budget")).toEqual({ top: 0, left: 0, bottom: 3, right: 6 });
  });

  it("finds Excel's used range (from the first used cell) without listing the cells, dense or sparse", async () => {
    const Workbook = await workbookWithWfp();
    const model = new Workbook("Plan");
    expect(model.usedBounds("Plan")).toBeUndefined();
    // C4:E5 with holes at both ends of a row, and a formatted blank at B9.
    model.setContents("Plan", 3, 2, [
      [null, 2, null],
      [3, null, 5],
    ]);
    model.setNumberFormats("Plan", { top: 8, left: 1, bottom: 8, right: 1 }, [["0.0"]]);
    expect(model.usedBounds("Plan", true)).toEqual({ top: 3, left: 2, bottom: 4, right: 4 });
    expect(model.usedBounds("Plan")).toEqual({ top: 3, left: 1, bottom: 8, right: 4 });
    // Cleared, the values leave the formatted cell alone as the used range.
    model.setContents("Plan", 3, 2, [
      [null, null, null],
      [null, null, null],
    ]);
    expect(model.usedBounds("Plan", true)).toBeUndefined();
    expect(model.usedBounds("Plan")).toEqual({ top: 8, left: 1, bottom: 8, right: 1 });
    // Far-apart cells: HyperFormula keeps such a sheet sparsely.
    model.addSheet("Far");
    model.setContents("Far", 1_048_575, 16_383, [[1]]);
    model.setContents("Far", 5, 7, [["x"]]);
    expect(model.usedBounds("Far", true)).toEqual({ top: 5, left: 7, bottom: 1_048_575, right: 16_383 });
  });
});

describe("dates and times typed into a cell, as Excel reads them", () => {
  it("become numbers shown in a date or time format, where the cell had none", async () => {
    const Workbook = await workbookWithWfp();
    const { formatValue } = await import("../engine/numberFormat.ts");
    const model = new Workbook("Plan");
    model.setNumberFormats("Plan", { top: 0, left: 3, bottom: 0, right: 3 }, [["0.00"]]);
    model.setContents("Plan", 0, 0, [["01/04/2025", "01/04/2025 07:30", "17:45", "01/04/2025", "2025/26", "Band 5", "'01/04/2025"]]);
    const all = { top: 0, left: 0, bottom: 0, right: 6 };
    // 1 April 2025 is day 45,748; 07:30 is 0.3125 of a day, 17:45 is 0.739583…
    const [values] = model.values("Plan", all);
    expect(values!.slice(0, 2)).toEqual([45_748, 45_748.3125]);
    expect(values![2]).toBeCloseTo(17.75 / 24, 12);
    expect(values!.slice(3)).toEqual([45_748, "2025/26", "Band 5", "01/04/2025"]);
    const [formats] = model.numberFormats("Plan", all);
    // A cell already formatted keeps its format; text, and text typed with Excel's ' prefix, stay as they are.
    expect(formats).toEqual(["dd/mm/yyyy", "dd/mm/yyyy hh:mm", "hh:mm", "0.00", "General", "General", "General"]);
    expect(values!.map((v, i) => formatValue(v, formats![i]))).toEqual([
      "01/04/2025",
      "01/04/2025 07:30",
      "17:45",
      "45748.00",
      "2025/26",
      "Band 5",
      "01/04/2025",
    ]);
    // A date is a number to formulas, as in Excel: 30 days on.
    model.setContents("Plan", 1, 0, [["=A1+30"]]);
    model.setNumberFormats("Plan", { top: 1, left: 0, bottom: 1, right: 0 }, [["d mmm yyyy"]]);
    expect(formatValue(model.values("Plan", { top: 1, left: 0, bottom: 1, right: 0 })[0]![0], "d mmm yyyy")).toBe("1 May 2025");
  });
});
