import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { readXlsx, writeXlsx } from "../../engine/xlsx.ts";
import { createExcel } from "../../excelHost/index.ts";
import { detectPlanTables } from "../../src/index.ts";
import { writeBoardSummary } from "../../taskpane/adapter/board.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { LINK_SHEET, saveLinks } from "../../taskpane/adapter/linkStore.ts";
import { STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { boardSummary } from "../../src/index.ts";
import { openSample } from "./plan.ts";

/*
 * Protected sheets and a locked structure, as national templates come: the
 * workbench refuses what Excel refuses (AccessDenied), and the pane finds
 * out before it writes, writes nothing, and says every reason at once.
 */

/** A sheet-protection element as Excel writes it, with its password hash. */
const SHEET_LOCK =
  '<sheetProtection algorithmName="SHA-512" hashValue="x8e2Q==" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>';
const BOOK_LOCK =
  '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="bG9jaw==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>';

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

describe("the workbench refuses what protection forbids", () => {
  it("refuses writes to a protected sheet and structure changes to a locked workbook with AccessDenied, and lets reading, selecting and activating be", async () => {
    const model = new Workbook("Plan");
    model.addSheet("Notes");
    model.sheet("Plan").protection = SHEET_LOCK;
    model.structureProtection = BOOK_LOCK;
    const Excel = createExcel(model);
    const attempt = async (what: (context: Excel.RequestContext) => void) =>
      Excel.run(async (context) => {
        what(context as unknown as Excel.RequestContext);
        await context.sync();
        return "done";
      }).catch((error: { code: string; message: string }) => error);
    const plan = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Plan");
    expect(await attempt((c) => void (plan(c).getRange("A1").values = [[1]]))).toMatchObject({
      code: "AccessDenied",
      message: "You cannot perform the requested operation. The sheet Plan is protected.",
    });
    expect(await attempt((c) => void (plan(c).getRange("A1").format.font.bold = true))).toMatchObject({ code: "AccessDenied" });
    expect(await attempt((c) => void plan(c).tables.add("A1:B2", true))).toMatchObject({ code: "AccessDenied" });
    expect(await attempt((c) => void c.workbook.worksheets.add("New"))).toMatchObject({
      code: "AccessDenied",
      message: "You cannot perform the requested operation. The workbook's structure is protected.",
    });
    expect(await attempt((c) => void (c.workbook.worksheets.getItem("Notes").name = "Renamed"))).toMatchObject({ code: "AccessDenied" });
    // The unprotected sheet takes values; the protected one can be read, selected and brought to the front.
    expect(await attempt((c) => void (c.workbook.worksheets.getItem("Notes").getRange("A1").values = [[2]]))).toBe("done");
    expect(await attempt((c) => void (plan(c).getRange("A1").select(), plan(c).activate(), plan(c).getRange("A1").load("values")))).toBe(
      "done",
    );
    const state = await Excel.run(async (context) => {
      const book = context.workbook.protection.load("protected");
      const sheets = context.workbook.worksheets.load("items/name, items/protection/protected");
      await context.sync();
      return [book.protected, sheets.items.map((s) => [s.name, s.protection.protected])];
    });
    expect(state).toEqual([
      true,
      [
        ["Plan", true],
        ["Notes", false],
      ],
    ]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Plan", "Notes"]);
  });

  it("keeps a file's protection, password hash and all, through open and save", async () => {
    const model = new Workbook("Plan");
    model.setContents("Plan", 0, 0, [[1]]);
    model.sheet("Plan").protection = SHEET_LOCK;
    model.structureProtection = BOOK_LOCK;
    const zip = await JSZip.loadAsync((await writeXlsx(model)).bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toContain(`</sheetData>${SHEET_LOCK}`);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    // Where the schema puts it: after workbookPr, before the views and the sheets.
    expect(workbookXml.indexOf(BOOK_LOCK)).toBeGreaterThan(workbookXml.indexOf("<workbookPr"));
    expect(workbookXml.indexOf(BOOK_LOCK)).toBeLessThan(workbookXml.indexOf("<sheets"));
    const reopened = await readXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(reopened.sheet("Plan").protection).toBe(SHEET_LOCK);
    expect(reopened.structureProtection).toBe(BOOK_LOCK);
  });
});

describe("the pane in a protected workbook", () => {
  const sheetsAndStore = (model: Workbook) => [model.sheets.map((s) => s.name), model.sheets.map((s) => model.usedRange(s.name))];

  it("runs nothing half-way where the structure is locked: no results, no register, no store, and says why", async () => {
    const { model } = await openSample();
    model.structureProtection = BOOK_LOCK;
    const before = JSON.stringify(sheetsAndStore(model));
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    const run = runPlan(roles, { name: "Base case", startYear: "2025/26", horizonYears: 2 }, { view });
    await expect(run).rejects.toThrow(
      `Nothing was written: running "Base case" needs to write where Excel will not let it: the workbook's structure is protected, so wfplan cannot add "WFP Base case", "WFP Base case by month", "wfplan_outputs", "${STORE_SHEET}". Review → Protect Workbook to unlock its structure, then try again (or ask whoever protected the workbook).`,
    );
    expect(JSON.stringify(sheetsAndStore(model))).toBe(before);
  });

  it("after a first run, refuses a second where wfplan's store is now protected, naming it, and writes no results", async () => {
    const { model } = await openSample();
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    const first = await runPlan(roles, { name: "Base case", startYear: "2025/26", horizonYears: 2 }, { view });
    model.sheet(STORE_SHEET).protection = SHEET_LOCK;
    const before = JSON.stringify(sheetsAndStore(model));
    await expect(
      runPlan(roles, { name: "Growth", startYear: "2025/26", horizonYears: 2, activityGrowth: 0.05 }, { view: first.view }),
    ).rejects.toThrow(
      /^Nothing was written: running "Growth" needs to write where Excel will not let it: the sheet "wfplan_scenarios" is protected\. Review → Unprotect Sheet/,
    );
    expect(JSON.stringify(sheetsAndStore(model))).toBe(before);
    model.structureProtection = BOOK_LOCK;
    await expect(saveLinks({})).rejects.toThrow(
      `Nothing was written: saving the links needs to write where Excel will not let it: the workbook's structure is protected, so wfplan cannot add "${LINK_SHEET}".`,
    );
    await expect(writeBoardSummary(boardSummary([], []))).rejects.toThrow(/cannot add "WFP Board summary"/);
    expect(model.findSheet("WFP Board summary")).toBeUndefined();
  });
});
