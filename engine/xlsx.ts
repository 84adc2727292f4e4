import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress, parseRangeAddress, rangeAddress, sheetPrefix, splitSheet, type CellRange } from "./addresses.ts";
import { formulaForFile, formulaFromFile } from "./formulaText.ts";
import { Workbook, type CellInput, type PageSetup, type Visibility } from "./workbook.ts";
import { addChartParts } from "./xlsxCharts.ts";
import { readCharts } from "./xlsxChartsIn.ts";
import { markDynamicArrays } from "./xlsxDynamicArrays.ts";
import { addDefinedNames, addNameParts, definedNamesIn, isRangeName } from "./xlsxNames.ts";

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
    if (cell.formula) return `=${formulaFromFile(cell.formula)}`;
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("error" in value) return String(value.error);
    if ("text" in value) return String(value.text);
    if ("result" in value) return (value.result as CellInput) ?? null;
  }
  return String(value);
}

/** Reads an .xlsx file's bytes into a new workbook; a file of more than `maxCells` cells is refused with a message. */
export async function readXlsx(bytes: ArrayBuffer | Uint8Array, { maxCells = MAX_CELLS } = {}): Promise<Workbook> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(bytes as ArrayBuffer);
  // The package itself, once, for what exceljs does not read: defined names other than ranges, and charts.
  const zip = await JSZip.loadAsync(bytes);
  const names = await definedNamesIn(zip);
  let namesNotKept: string[] = [];
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
    const counted = { cells: 0, limit: maxCells };
    for (const sheet of worksheets) readCells(model, sheet, counted);
    namesNotKept = addDefinedNames(model, names);
    for (const sheet of worksheets) {
      const setup = pageSetupIn(sheet.pageSetup);
      if (setup) model.setPageSetup(sheet.name, setup);
    }
    // Visibility last: the workbook must keep a visible sheet while loading.
    for (const sheet of worksheets) {
      const visibility = VISIBILITY[sheet.state] ?? "Visible";
      if (visibility !== "Visible") model.setVisibility(sheet.name, visibility);
    }
    model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")!.name;
  });
  // Charts, which exceljs does not read: those the workbench draws come back; the rest are listed, to be said before a save loses them.
  const charts = await readCharts(zip, model);
  model.notKept = [...charts.notRead, ...namesNotKept];
  return model;
}

/** Excel's paper sizes as the file numbers them (ECMA-376 ST_PaperSize). */
const PAPER_NUMBERS: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11 };

/** A sheet's page setup as exceljs writes it: orientation, paper, fit to pages and the print area. */
function pageSetupOut(setup: PageSetup): Partial<ExcelJS.PageSetup> {
  const fit = setup.fitToPagesWide !== undefined || setup.fitToPagesTall !== undefined;
  return {
    ...(setup.orientation ? { orientation: setup.orientation === "Landscape" ? "landscape" : "portrait" } : {}),
    ...(setup.paperSize && PAPER_NUMBERS[setup.paperSize] ? { paperSize: PAPER_NUMBERS[setup.paperSize] as ExcelJS.PaperSize } : {}),
    ...(fit ? { fitToPage: true, fitToWidth: setup.fitToPagesWide ?? 0, fitToHeight: setup.fitToPagesTall ?? 0 } : {}),
    ...(setup.printArea ? { printArea: setup.printArea } : {}),
    ...(setup.printTitleRows ? { printTitlesRow: setup.printTitleRows.replace(/\$/g, "") } : {}),
    ...(setup.printTitleColumns ? { printTitlesColumn: setup.printTitleColumns.replace(/\$/g, "") } : {}),
  };
}

/** A sheet's page setup as read, where the file sets any of it. */
function pageSetupIn(setup: Partial<ExcelJS.PageSetup> | undefined): PageSetup | undefined {
  if (!setup) return undefined;
  const read: PageSetup = {};
  if (setup.orientation === "landscape") read.orientation = "Landscape";
  const paper = Object.entries(PAPER_NUMBERS).find(([, n]) => n === setup.paperSize);
  if (paper && setup.paperSize !== undefined) read.paperSize = paper[0];
  if (setup.fitToPage) {
    read.fitToPagesWide = setup.fitToWidth;
    read.fitToPagesTall = setup.fitToHeight;
  }
  if (setup.printArea) read.printArea = String(setup.printArea).replace(/^.*!/, "").replace(/\$/g, "");
  if (setup.printTitlesRow) read.printTitleRows = String(setup.printTitlesRow).replace(/^.*!/, "");
  if (setup.printTitlesColumn) read.printTitleColumns = String(setup.printTitlesColumn).replace(/^.*!/, "");
  return Object.keys(read).length ? read : undefined;
}

/** More cells than this in one file are refused with a message rather than risk the page or the CLI running out of memory. */
export const MAX_CELLS = 5_000_000;
/** Blank columns that split a row into separate runs, so far-apart cells are never filled in between. */
const GAP = 64;

interface Block {
  top: number;
  left: number;
  right: number;
  lines: CellInput[][];
}

/**
 * One sheet's cells, read sparsely: each row is cut into runs of nearby cells,
 * and runs on consecutive rows within the same columns are written as one
 * block. A file with values in A1 and XFD1048576 is two one-cell blocks, not a
 * grid of 17 billion. Number formats, bold, fills and column widths beside them.
 */
function readCells(model: Workbook, sheet: ExcelJS.Worksheet, counted: { cells: number; limit: number }): void {
  const open: Block[] = [];
  const done: Block[] = [];
  // Saved spills (an array formula's ref): the formula spills again here, so the cached values in its other cells are not read.
  const spills: CellRange[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: [column: number, value: CellInput][] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // exceljs gives every cell of a merge the top-left cell's value; in Excel the others are blank.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const array = cell.value as { shareType?: string; ref?: string } | null;
      if (array && typeof array === "object" && array.shareType === "array" && array.ref) spills.push(parseRangeAddress(array.ref));
      else if (
        spills.some((r) => rowNumber - 1 >= r.top && rowNumber - 1 <= r.bottom && columnNumber - 1 >= r.left && columnNumber - 1 <= r.right)
      )
        return;
      if (++counted.cells > counted.limit) {
        throw new Error(
          `The file holds more than ${counted.limit.toLocaleString("en-GB")} cells (sheet ${sheet.name} reaches row ${rowNumber}): too many to open here. Split it, or open it in Excel.`,
        );
      }
      cells.push([columnNumber - 1, cellInput(cell)]);
      const at = { top: rowNumber - 1, left: columnNumber - 1, bottom: rowNumber - 1, right: columnNumber - 1 };
      if (cell.numFmt && cell.numFmt !== "General") model.setNumberFormats(sheet.name, at, [[cell.numFmt]]);
      const fill = cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;
      if (cell.font?.bold || fill)
        model.setStyle(sheet.name, at, { bold: cell.font?.bold || undefined, fill: fill ? `#${fill.slice(-6)}` : undefined });
    });
    for (const run of runs(cells)) place(open, done, rowNumber - 1, run);
  });
  for (const block of [...done, ...open]) {
    const width = block.right - block.left + 1;
    const dense = block.lines.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? null));
    model.setContents(sheet.name, block.top, block.left, dense);
  }
  sheet.columns?.forEach((column, index) => {
    if (column.width) model.setColumnWidth(sheet.name, index, column.width * POINTS_PER_CHARACTER);
  });
  for (const merge of sheet.model.merges ?? []) model.merge(sheet.name, parseRangeAddress(merge));
}

/** A row's cells in runs separated by more than GAP blank columns. */
function runs(cells: readonly [number, CellInput][]): { left: number; right: number; values: Map<number, CellInput> }[] {
  const out: { left: number; right: number; values: Map<number, CellInput> }[] = [];
  for (const [column, value] of cells) {
    const last = out[out.length - 1];
    if (last && column - last.right <= GAP) {
      last.right = column;
      last.values.set(column, value);
    } else out.push({ left: column, right: column, values: new Map([[column, value]]) });
  }
  return out;
}

/** Adds a run to the open block that ends on the row above and spans its columns, or opens a new one. */
function place(open: Block[], done: Block[], row: number, run: { left: number; right: number; values: Map<number, CellInput> }): void {
  for (let i = open.length - 1; i >= 0; i--) {
    const block = open[i]!;
    if (block.top + block.lines.length < row) {
      done.push(block);
      open.splice(i, 1);
    }
  }
  let block = open.find((b) => b.top + b.lines.length === row && b.left <= run.left && run.right <= b.right);
  if (!block) {
    block = { top: row, left: run.left, right: run.right, lines: [] };
    open.push(block);
  }
  while (block.top + block.lines.length < row) block.lines.push([]);
  const line: CellInput[] = [];
  for (const [column, value] of run.values) line[column - block.left] = value;
  block.lines.push(line);
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
  // Names of ranges through exceljs; names of constants and formulas, which it cannot write, added to its package after.
  const otherNames: { name: string; formula: string }[] = [];
  for (const name of model.names) {
    const { sheet, address } = splitSheet(name.formula.replace(/^=/, ""));
    if (sheet && isRangeName(name.formula)) file.definedNames.add(`${sheetPrefix(sheet)}${address}`, name.name);
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
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), notSaved };
}
