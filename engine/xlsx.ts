import ExcelJS from "exceljs";
import { cellAddress, parseRangeAddress, sheetPrefix, splitSheet } from "./addresses.ts";
import { Workbook, type CellInput, type Visibility } from "./workbook.ts";
import { addCharts } from "./xlsxCharts.ts";

/*
 * Opens and saves .xlsx files with exceljs: values, formulas (as written, with
 * structured references), number formats, bold and fills, column widths,
 * tables, named ranges, sheet visibility (very hidden sheets included) and
 * charts, which exceljs cannot write and engine/xlsxCharts.ts adds.
 */

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
const STATE: Record<Visibility, "visible" | "hidden" | "veryHidden"> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
/** exceljs column widths are in characters; the workbench keeps points. */
const POINTS_PER_CHARACTER = 6;

interface ExcelTableModel {
  name: string;
  tableRef: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
  style?: { theme?: string };
}

function cellInput(cell: ExcelJS.Cell): CellInput {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string")
    return /^\s*[-+]?(\d|\.\d)/.test(value) || value.startsWith("=") || value.startsWith("'") ? `'${value}` : value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if (cell.formula) return `=${cell.formula}`;
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("error" in value) return String(value.error);
    if ("text" in value) return String(value.text);
    if ("result" in value) return (value.result as CellInput) ?? null;
  }
  return String(value);
}

/** Reads an .xlsx file's bytes into a new workbook. */
export async function readXlsx(bytes: ArrayBuffer | Uint8Array): Promise<Workbook> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(bytes as ArrayBuffer);
  const worksheets = file.worksheets;
  if (worksheets.length === 0) throw new Error("The file has no worksheets.");
  const model = new Workbook(worksheets[0]!.name);
  model.batch(() => {
    for (const sheet of worksheets.slice(1)) model.addSheet(sheet.name);
    // Tables first: formulas anywhere may refer to them by name.
    for (const sheet of worksheets) {
      for (const table of sheet.getTables() as unknown as { table: ExcelTableModel }[]) {
        const t = table.table;
        const range = parseRangeAddress(t.tableRef);
        const headers = t.columns.map((c) => c.name);
        model.setContents(sheet.name, range.top, range.left, [headers]);
        const info = model.addTable(sheet.name, range, true, t.name, t.style?.theme ?? "TableStyleMedium2", headers);
        info.hasTotals = Boolean(t.totalsRow);
      }
    }
    for (const sheet of worksheets) readCells(model, sheet);
    for (const { name, ranges } of file.definedNames.model as { name: string; ranges: string[] }[]) {
      if (ranges[0] && !name.startsWith("_xlnm.")) model.addName(name, `=${ranges[0]}`);
    }
    // Visibility last: the workbook must keep a visible sheet while loading.
    for (const sheet of worksheets) {
      const visibility = VISIBILITY[sheet.state] ?? "Visible";
      if (visibility !== "Visible") model.setVisibility(sheet.name, visibility);
    }
    model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")!.name;
  });
  return model;
}

/** One sheet's cells, written as one block; number formats, bold, fills and column widths beside them. */
function readCells(model: Workbook, sheet: ExcelJS.Worksheet): void {
  const block: CellInput[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: CellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      line[columnNumber - 1] = cellInput(cell);
      width = Math.max(width, columnNumber);
      const at = { top: rowNumber - 1, left: columnNumber - 1, bottom: rowNumber - 1, right: columnNumber - 1 };
      if (cell.numFmt && cell.numFmt !== "General") model.setNumberFormats(sheet.name, at, [[cell.numFmt]]);
      const fill = cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;
      if (cell.font?.bold || fill)
        model.setStyle(sheet.name, at, { bold: cell.font?.bold || undefined, fill: fill ? `#${fill.slice(-6)}` : undefined });
    });
    block[rowNumber - 1] = line;
  });
  if (width > 0) {
    const dense = Array.from(block, (line) => Array.from({ length: width }, (_, c) => line?.[c] ?? null));
    model.setContents(sheet.name, 0, 0, dense);
  }
  sheet.columns?.forEach((column, index) => {
    if (column.width) model.setColumnWidth(sheet.name, index, column.width * POINTS_PER_CHARACTER);
  });
}

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
  for (const info of model.sheets) {
    const sheet = file.addWorksheet(info.name, { state: STATE[info.visibility] });
    const used = model.usedRange(info.name);
    if (used) {
      const formulas = model.formulas(info.name, used);
      const values = model.values(info.name, used);
      formulas.forEach((line, r) =>
        line.forEach((formula, c) => {
          // A spilled array is saved as its formula alone; Excel recomputes the rest.
          if (formula === "" || model.isSpilled(info.name, used.top + r, used.left + c)) return;
          const cell = sheet.getCell(r + 1, c + 1);
          if (typeof formula === "string" && formula.startsWith("=")) {
            const result = values[r]![c];
            cell.value = {
              formula: formula.slice(1),
              result: typeof result === "string" && result.startsWith("#") ? undefined : result,
            } as ExcelJS.CellFormulaValue;
          } else {
            cell.value = typeof formula === "string" && formula.startsWith("'") ? formula.slice(1) : formula;
          }
        }),
      );
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
    for (let column = 0; column <= (used?.right ?? -1); column++) {
      const width = model.columnWidth(info.name, column);
      if (width !== 48) sheet.getColumn(column + 1).width = width / POINTS_PER_CHARACTER;
    }
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
                formula: v.slice(1),
                result: typeof result === "string" && result.startsWith("#") ? undefined : result,
              } as ExcelJS.CellFormulaValue;
            }
            return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
          }),
        ),
      });
    }
  }
  for (const name of model.names) {
    const { sheet, address } = splitSheet(name.formula.replace(/^=/, ""));
    if (sheet && /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(address)) file.definedNames.add(`${sheetPrefix(sheet)}${address}`, name.name);
    else notSaved.push(`the name ${name.name} (${name.formula}): exceljs saves only names of ranges`);
  }
  const buffer = await file.xlsx.writeBuffer();
  // exceljs cannot write charts: they are added to its package as DrawingML parts.
  return { bytes: await addCharts(new Uint8Array(buffer as ArrayBuffer), model), notSaved };
}
