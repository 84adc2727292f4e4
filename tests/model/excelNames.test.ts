import { describe, expect, it } from "vitest";
import { cleanSheetName, freeSheetName, itemNameProblem, sheetNameProblem } from "../../src/excelNames.ts";
import { editedCopyName, outputSheetName } from "../../taskpane/adapter/outputSheets.ts";

/* Excel's rules for sheet, table and defined names (Microsoft's "Rename a worksheet", "Rename an Excel table"). */

describe("a sheet's name, by Excel's rules", () => {
  it("refuses blank, over 31 characters, \\ / ? * : [ ], an apostrophe at either end, and History", () => {
    expect(sheetNameProblem("Workforce 2025-26")).toBeUndefined();
    expect(sheetNameProblem("x".repeat(31))).toBeUndefined();
    expect(sheetNameProblem("x".repeat(32))).toMatch(/32 characters; a sheet's name has at most 31/);
    for (const bad of ["a\\b", "a/b", "a?b", "a*b", "a:b", "a[b", "a]b"]) expect(sheetNameProblem(bad)).toMatch(/holds one of/);
    expect(sheetNameProblem("  ")).toMatch(/blank/);
    expect(sheetNameProblem("'Plan")).toMatch(/apostrophe/);
    expect(sheetNameProblem("Plan'")).toMatch(/apostrophe/);
    expect(sheetNameProblem("O'Neill plan")).toBeUndefined();
    expect(sheetNameProblem("history")).toMatch(/kept by Excel/);
  });

  it("makes any wanted name fit, and a free one always within 31 characters", () => {
    expect(cleanSheetName("WFP From 2024/25: [draft]?")).toBe("WFP From 2024 25 draft");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("History")).toBe("History sheet");
    const long = "WFP A very long scenario name for the board in March";
    expect(outputSheetName(long.slice(4))).toBe("WFP A very long scenario name f");
    const taken = ["WFP A very long scenario name f"];
    // Two long scenario names cut to the same 31: the second takes " (2)" inside the limit.
    const second = freeSheetName(long, taken);
    expect(second).toBe("WFP A very long scenario na (2)");
    expect(second).toHaveLength(31);
    expect(freeSheetName(long, [...taken, second.toUpperCase()])).toBe("WFP A very long scenario na (3)");
    for (let n = 0; n < 200; n++)
      expect(
        sheetNameProblem(
          freeSheetName(
            long,
            Array.from({ length: n }, (_, i) => freeSheetName(long, []) + i),
          ),
        ),
      ).toBeUndefined();
  });

  it("keeps an edited copy of a 31-character sheet within 31 characters, numbered when taken", () => {
    const sheet = "WFP A very long scenario name f";
    expect(editedCopyName(sheet, [sheet])).toBe("WFP A very long scenar (edited)");
    expect(editedCopyName(sheet, [sheet, "WFP A very long scenar (edited)"])).toBe("WFP A very long sc (edited) (2)");
    expect(editedCopyName("WFP Base case", [])).toBe("WFP Base case (edited)");
  });
});

describe("a table's or a defined name's name, by Excel's rules", () => {
  it("takes letters, digits, periods and underscores after a letter, underscore or backslash", () => {
    for (const good of ["tblWfpResults", "_x", "\\x", "Plan.2025", "Año", "ABCD1", "XFE1"]) expect(itemNameProblem(good)).toBeUndefined();
  });
  it("refuses spaces, a digit first, C or R alone, and cells' addresses", () => {
    expect(itemNameProblem("my table")).toMatch(/must begin with a letter/);
    expect(itemNameProblem("2025")).toMatch(/must begin with a letter/);
    expect(itemNameProblem("r")).toMatch(/kept by Excel/);
    expect(itemNameProblem("A1")).toMatch(/cell's address/);
    expect(itemNameProblem("xfd1048576")).toMatch(/cell's address/);
    expect(itemNameProblem("R1C1")).toMatch(/R1C1/);
    expect(itemNameProblem("x".repeat(256))).toMatch(/at most 255/);
  });
});
