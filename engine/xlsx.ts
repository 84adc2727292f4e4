import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress, rangeAddress, sheetPrefix, splitSheet, type CellRange } from "../src/addresses.ts";
import { formulaForFile } from "../xlsx/fileFormulas.ts";
import type { PageSetup, Visibility, Workbook } from "./workbook.ts";
import { buildWorkbook } from "./xlsxBuild.ts";
import { addChartParts } from "./xlsxCharts.ts";
import { markDynamicArrays } from "./xlsxDynamicArrays.ts";
import { MAX_CELLS, PAPER_NUMBERS, parseXlsx, POINTS_PER_CHARACTER } from "./xlsxIn.ts";
import { addNameParts, isRangeName } from "./xlsxNames.ts";
import { addProtectionParts } from "./xlsxProtection.ts";

export { MAX_CELLS };

/** Reads an .xlsx file's bytes into a new workbook; a file of more than `maxCells` cells is refused with a message. */
export async function readXlsx(bytes: ArrayBuffer | Uint8Array, { maxCells = MAX_CELLS } = {}): Promise<Workbook> {
  return buildWorkbook(await parseXlsx(bytes, { maxCells }), bytes);
}

/*
 * Opens and saves .xlsx files with exceljs: values, formulas (as written, with
 * structured references), number formats, bold and fills, column widths,
 * tables, named ranges, sheet visibility (very hidden sheets included) and
 * charts, which exceljs cannot write and engine/xlsxCharts.ts adds. Opening
 * is two steps, so the workbench can read a file off its page's thread:
 * parseXlsx (engine/xlsxIn.ts, no spreadsheet engine) and buildWorkbook
 * (engine/xlsxBuild.ts).
 */

const STATE: Record<Visibility, "visible" | "hidden" | "veryHidden"> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** A sheet's page setup as exceljs writes it: orientation, paper, fit to pages and the print area. */
function pageSetupOut(setup: PageSetup): Partial<ExcelJS.PageSetup> {
  const fit = setup.fitToPagesWide !== undefined || setup.fitToPagesTall !== undefined;
  return {
    ...(setup.orientation ? { orientation: setup.orientation === "Landscape" ? "landscape" : "portrait" } : {}),
    ...(setup.paperSize && PAPER_NUMBERS[setup.paperSize] ? { paperSize: PAPER_NUMBERS[setup.paperSize] as ExcelJS.PaperSize } : {}),
    ...(fit ? { fitToPage: true, fitToWidth: setup.fitToPagesWide ?? 0, fitToHeight: setup.fitToPagesTall ?? 0 } : {}),
    ...(!fit && setup.scale !== undefined ? { scale: setup.scale } : {}),
    ...(setup.printArea ? { printArea: setup.printArea } : {}),
    ...(setup.printTitleRows ? { printTitlesRow: setup.printTitleRows.replace(/\$/g, "") } : {}),
    ...(setup.printTitleColumns ? { printTitlesColumn: setup.printTitleColumns.replace(/\$/g, "") } : {}),
  };
}

/** Sheets up to this many cells in their used range are written block by block; larger ones cell by filled cell. */
const DENSE_WRITE = 2_000_000;

export interface SaveReport {
  bytes: Uint8Array;
  /** What the file could not hold, to tell the user. */
  notSaved: string[];
}

/** Writes the workbook to .xlsx bytes. */
export async function writeXlsx(model: Workbook): Promise<SaveReport> {
  const file = new ExcelJS.Workbook();
  file.creator = "wfplan workbench";
  const notSaved: string[] = [];
  /** Sheets with a spilled formula, whose array formulas are marked dynamic once exceljs has written them. */
  const spilling = new Set<string>();
  for (const info of model.sheets) {
    const sheet = file.addWorksheet(info.name, { state: STATE[info.visibility] });
    if (info.pageSetup) sheet.pageSetup = pageSetupOut(info.pageSetup);
    const used = model.usedRange(info.name);
    // Spills written so far on this sheet: the cells after an anchor (row by row) that show its values.
    const spills: CellRange[] = [];
    const inSpill = (row: number, column: number) =>
      spills.some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right && (row > r.top || column > r.left));
    const write = (row: number, column: number, formula: string | number | boolean, result: unknown, rowByRow = true) => {
      if (formula === "") return;
      const cell = sheet.getCell(row + 1, column + 1);
      if (typeof formula === "string" && formula.startsWith("=")) {
        // A formula that spills is an array formula over its spill, marked dynamic after (xlsxDynamicArrays.ts).
        const spill = model.spillRange(info.name, row, column);
        if (spill) {
          spilling.add(info.name);
          spills.push(spill);
        }
        cell.value = {
          formula: formulaForFile(formula.slice(1)),
          result: typeof result === "string" && result.startsWith("#") ? undefined : result,
          ...(spill ? { shareType: "array", ref: rangeAddress(spill) } : {}),
        } as ExcelJS.CellFormulaValue;
      } else if (rowByRow ? inSpill(row, column) : model.isSpilled(info.name, row, column)) {
        // A cell of a spill holds its cached value, as Excel saves it: other programs show it, Excel recomputes it.
        if (!(typeof result === "string" && result.startsWith("#"))) cell.value = result as ExcelJS.CellValue;
      } else {
        cell.value = typeof formula === "string" && formula.startsWith("'") ? formula.slice(1) : formula;
      }
    };
    if (used && (used.bottom + 1) * (used.right + 1) <= DENSE_WRITE) {
      const formulas = model.formulas(info.name, used);
      const values = model.values(info.name, used);
      formulas.forEach((line, r) => line.forEach((formula, c) => write(used.top + r, used.left + c, formula, values[r]![c])));
    } else if (used) {
      // A sparse sheet: only the cells that hold something.
      for (const [row, column] of model.filledCells(info.name)) {
        const at = { top: row, left: column, bottom: row, right: column };
        write(row, column, model.formulas(info.name, at)[0]![0]!, model.values(info.name, at)[0]![0], false);
      }
    }
    for (const [row, column, format] of model.formatsOf(info.name)) sheet.getCell(row + 1, column + 1).numFmt = format;
    for (const [row, column, style] of model.stylesOf(info.name)) {
      const cell = sheet.getCell(row + 1, column + 1);
      if (style.bold || style.italic || style.color)
        cell.font = {
          bold: style.bold,
          italic: style.italic,
          color: style.color ? { argb: `FF${style.color.replace("#", "")}` } : undefined,
        };
      if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill.replace("#", "")}` } };
    }
    for (let column = 0; column <= Math.min(used?.right ?? -1, 1023); column++) {
      const width = model.columnWidth(info.name, column);
      if (width !== 48) sheet.getColumn(column + 1).width = width / POINTS_PER_CHARACTER;
    }
    for (const m of model.mergesOf(info.name)) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const table of model.tables.filter((t) => t.sheet === info.name)) {
      const body = { ...table.range, top: table.range.top + 1 };
      const rows = body.bottom >= body.top ? model.formulas(info.name, body) : [];
      const results = body.bottom >= body.top ? model.values(info.name, body) : [];
      sheet.addTable({
        name: table.name,
        ref: cellAddress(table.range.top, table.range.left),
        headerRow: true,
        totalsRow: table.hasTotals,
        // exceljs fails to write a table without a style.
        style: { theme: (table.style || "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
        columns: table.columns.map((name) => ({ name, filterButton: true })),
        // exceljs writes the table's rows into its cells: give it the formulas with their results.
        rows: rows.map((line, r) =>
          line.map((v, c) => {
            if (typeof v === "string" && v.startsWith("=")) {
              const result = results[r]![c];
              return {
                formula: formulaForFile(v.slice(1)),
                result: typeof result === "string" && result.startsWith("#") ? undefined : result,
              } as ExcelJS.CellFormulaValue;
            }
            return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
          }),
        ),
      });
    }
  }
  // Names of ranges through exceljs; names of constants and formulas, and hidden names, which it cannot write, added to its package after.
  const otherNames: { name: string; formula: string; visible?: boolean }[] = [];
  for (const name of model.names) {
    const { sheet, address } = splitSheet(name.formula.replace(/^=/, ""));
    if (sheet && isRangeName(name.formula) && name.visible !== false) file.definedNames.add(`${sheetPrefix(sheet)}${address}`, name.name);
    else otherNames.push(name);
  }
  const buffer = await file.xlsx.writeBuffer();
  // exceljs cannot write charts: they are added to its package as DrawingML parts.
  // What the file held that the workbench could not read: it is not in the model, so not in the file written.
  notSaved.push(...model.notKept);
  // What exceljs cannot write, added to its package in one pass: charts, names of constants and formulas, dynamic arrays.
  const zip = await JSZip.loadAsync(buffer as ArrayBuffer);
  await addChartParts(zip, model);
  await addNameParts(zip, otherNames);
  await markDynamicArrays(zip, spilling);
  await addProtectionParts(zip, model);
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), notSaved };
}
