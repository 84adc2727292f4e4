import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { readXlsx, writeXlsx } from "../../engine/xlsx.ts";
import { definedNamesIn } from "../../engine/xlsxNames.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { nameReferenceKind } from "../../src/addresses.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { queueTableReads } from "../../taskpane/adapter/planTables.ts";
import "./plan.ts"; // removes the Excel globals after the file

/*
 * Named ranges as Excel makes them and the workbench never did: whole columns
 * (a million rows), several areas, names worked out by OFFSET, hidden names.
 * The pane's first look lists what it can read, says why it passes over the
 * rest, and never fails to open the workbook because of a name.
 */

function workbookWithNames(): Workbook {
  const model = new Workbook("Staff");
  model.setContents("Staff", 0, 0, [
    ["Staff group", "Band", "Contracted WTE"],
    ["'Nursing", "'Band 5", 1],
    ["'Nursing", "'Band 6", 0.8],
    ["'Support", "'Band 3", 0.5],
  ]);
  model.setContents("Staff", 0, 5, [[0.03]]);
  model.addName("StaffColumns", "=Staff!$A:$C");
  model.addName("TwoBlocks", "=Staff!$A$1:$A$4,Staff!$C$1:$C$4");
  model.addName("GrowingList", "=OFFSET(Staff!$A$1,0,0,COUNTA(Staff!$A:$A),3)");
  model.addName("OtherAddin", "=Staff!$A$1:$C$4", "", false);
  model.addName("Growth", "=Staff!$F$1");
  model.addName("AwardCap", "=0.02");
  return model;
}

let excel: ReturnType<typeof installExcelGlobals>;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  excel = installExcelGlobals(workbookWithNames());
});

describe("named ranges in the pane's first look", () => {
  it("tells a name's reference from several areas and from a formula, as Excel stores them", () => {
    expect(nameReferenceKind("=Staff!$A:$C")).toBe("range");
    expect(nameReferenceKind("='ESR extract'!$A$4:$F$900")).toBe("range");
    expect(nameReferenceKind("=Staff!$2:$40")).toBe("range");
    expect(nameReferenceKind("=Staff!$A$1:$A$4,Staff!$C$1:$C$4")).toBe("areas");
    expect(nameReferenceKind("=OFFSET(Staff!$A$1,0,0,COUNTA(Staff!$A:$A),3)")).toBe("formula");
    expect(nameReferenceKind("=0.02")).toBe("formula");
  });

  it("lists a name of whole columns at the rows the sheet uses, passes over several areas and OFFSET with why, and hides hidden names", async () => {
    const view = await openWorkbook();
    expect(excel.stats.syncs).toBe(2);
    const byName = view.tables.filter((t) => t.kind === "name").map((t) => [t.name, t.headerRow, t.left, t.rows, t.columns]);
    // Three rows under the header, not 1,048,575: the sheet's used range ends at row 4.
    expect(byName).toEqual([["StaffColumns", 0, 0, 3, 3]]);
    expect(view.namesPassedOver).toEqual([
      "TwoBlocks (=Staff!$A$1:$A$4,Staff!$C$1:$C$4): it refers to several areas; link the table or sheet it covers instead",
      "GrowingList (=OFFSET(Staff!$A$1,0,0,COUNTA(Staff!$A:$A),3)): it is worked out by a formula (OFFSET, INDEX ...); link the table or sheet it covers instead",
    ]);
    // Named numbers for driver expressions: a named cell and a constant; the hidden name is nobody's input.
    expect(view.inputs).toEqual({ Growth: 0.03, AwardCap: 0.02 });
  });

  it("reads a name of whole columns down to the used range's last row, in one sync", async () => {
    const view = await openWorkbook();
    const columns = view.tables.find((t) => t.name === "StaffColumns")!;
    const before = excel.stats.syncs;
    const [data] = await Excel.run(async (context) => {
      const queued = queueTableReads(context, [columns]);
      await context.sync();
      return queued.read();
    });
    expect(excel.stats.syncs - before).toBe(1);
    expect(data!.rows).toEqual([
      ["Nursing", "Band 5", 1],
      ["Nursing", "Band 6", 0.8],
      ["Support", "Band 3", 0.5],
    ]);
  });

  it("refuses, as Excel on Windows does, the range of a name of several areas or of OFFSET", async () => {
    for (const name of ["TwoBlocks", "GrowingList"]) {
      const error = await Excel.run(async (context) => {
        const range = context.workbook.names.getItem(name).getRange().load("address");
        await context.sync();
        return range.address;
      }).catch((e: { code: string; message: string }) => e);
      expect(error).toMatchObject({ code: "InvalidOperation", message: "This operation is not permitted for the current object." });
    }
  });

  it("keeps a hidden name hidden through a saved file", async () => {
    const saved = await writeXlsx(workbookWithNames());
    const names = await definedNamesIn(await JSZip.loadAsync(saved.bytes));
    expect(names.find((n) => n.name === "OtherAddin")).toEqual({ name: "OtherAddin", text: "Staff!$A$1:$C$4", hidden: true });
    expect(names.find((n) => n.name === "StaffColumns")).toEqual({ name: "StaffColumns", text: "Staff!$A:$C" });
    const reopened = await readXlsx(saved.bytes);
    expect(reopened.names.find((n) => n.name === "OtherAddin")?.visible).toBe(false);
  });
});
