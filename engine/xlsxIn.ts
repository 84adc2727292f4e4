import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRangeAddress, type CellRange } from "../src/addresses.ts";
import type { CellInput, PageSetup, Visibility } from "./workbook.ts";
import { sheetPaths } from "../xlsx/package.ts";
import { definedNamesIn, type DefinedName } from "./xlsxNames.ts";
import { sheetCells, sharedStringsIn, type SheetCell } from "../xlsx/sheetCells.ts";
import { cellLooks, type CellLook } from "../xlsx/styles.ts";

/*
 * The first step of opening an .xlsx: what the file holds, as plain data
 * (structured-cloneable, so the workbench can read a file in a worker and
 * post it to the page): each sheet's cells in blocks, number formats, bold
 * and fills, column widths, merges, tables and page setup; the defined names;
 * the package's part names. The cells and their looks are read straight from
 * the sheets' XML (engine/xlsxSheetCells.ts, engine/xlsxStyles.ts); exceljs
 * reads the rest. No spreadsheet engine here: engine/xlsxBuild.ts makes the
 * workbook from it.
 */

export const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
/** exceljs column widths are in characters; the workbench keeps points. */
export const POINTS_PER_CHARACTER = 6;
/** Excel's paper sizes as the file numbers them (ECMA-376 ST_PaperSize). */
export const PAPER_NUMBERS: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11 };
/** More cells than this in one file are refused with a message rather than risk the page or the CLI running out of memory. */
export const MAX_CELLS = 5_000_000;
/** Blank columns that split a row into separate runs, so far-apart cells are never filled in between. */
const GAP = 64;

export interface CellBlock {
  top: number;
  left: number;
  right: number;
  lines: CellInput[][];
}

export interface ParsedSheet {
  name: string;
  visibility: Visibility;
  tables: { name: string; range: CellRange; style: string; hasTotals: boolean; headers: string[] }[];
  blocks: CellBlock[];
  /** Cells with a number format other than General: row, column, format. */
  formats: [number, number, string][];
  styles: [number, number, { bold?: boolean; italic?: boolean; color?: string; fill?: string }][];
  /** Column index and width in points. */
  widths: [number, number][];
  merges: CellRange[];
  pageSetup?: PageSetup;
  /** `<sheetProtection …/>` as the file has it, where the sheet is protected. */
  protection?: string;
  /** Cells read, for the progress of building. */
  cells: number;
}

export interface ParsedWorkbook {
  sheets: ParsedSheet[];
  names: DefinedName[];
  /** `<workbookProtection …/>` as the file has it, where the workbook's structure is locked. */
  structureProtection?: string;
  /** The package's part names, for saying which parts the workbench will not keep. */
  parts: string[];
}

interface ExcelTableModel {
  name: string;
  tableRef: string;
  totalsRow?: boolean;
  columns: { name: string }[];
  style?: { theme?: string };
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
  } else if (typeof setup.scale === "number" && setup.scale !== 100) read.scale = setup.scale;
  if (setup.printArea) read.printArea = String(setup.printArea).replace(/^.*!/, "").replace(/\$/g, "");
  if (setup.printTitlesRow) read.printTitleRows = String(setup.printTitlesRow).replace(/^.*!/, "");
  if (setup.printTitlesColumn) read.printTitleColumns = String(setup.printTitlesColumn).replace(/^.*!/, "");
  return Object.keys(read).length ? read : undefined;
}

/** Reads what an .xlsx file holds; a file of more than `maxCells` cells is refused with a message. */
export async function parseXlsx(bytes: ArrayBuffer | Uint8Array, { maxCells = MAX_CELLS } = {}): Promise<ParsedWorkbook> {
  // The package itself: the cells (engine/xlsxSheetCells.ts), defined names other than ranges, and which parts it holds.
  const zip = await JSZip.loadAsync(bytes);
  const names = await definedNamesIn(zip);
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const paths = await sheetPaths(zip);
  // Decoded natively: JSZip's own UTF-8 decoding of a sheet's tens of megabytes takes seconds in a browser.
  const utf8 = new TextDecoder();
  const text = async (path: string | undefined) => {
    const entry = path ? zip.file(path) : null;
    return entry ? utf8.decode(await entry.async("uint8array")) : undefined;
  };
  const looks = cellLooks(await text("xl/styles.xml"));
  // A workbook on the 1904 date system (old Mac files) counts days from 1 January 1904: 1,462 days fewer than the 1900 system.
  const workbookXml = (await text("xl/workbook.xml")) ?? "";
  const dayShift = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookXml) ? 1_462 : 0;
  const structureProtection = protectionElement(workbookXml, "workbookProtection", "lockStructure");
  const shared = sharedStringsIn(await text("xl/sharedStrings.xml"));
  const xmls = new Map<string, string>();
  for (const [name, path] of paths) xmls.set(name, (await text(path)) ?? "");
  // exceljs reads the rest (merges, widths, tables, page setup) from the package without the cells, in a fraction of the time.
  const file = new ExcelJS.Workbook();
  await file.xlsx.load((await withoutCells(zip, paths, xmls)) as unknown as ArrayBuffer);
  if (file.worksheets.length === 0) throw new Error("The file has no worksheets.");
  // A sheet whose cells could not be found is said, never opened empty.
  const lost = file.worksheets.filter((sheet) => !paths.has(sheet.name)).map((sheet) => sheet.name);
  if (lost.length) throw new Error(`The cells of ${lost.join(", ")} could not be found in the file: open it in Excel and save it again.`);
  const counted = { cells: 0, limit: maxCells };
  const sheets = file.worksheets.map((sheet): ParsedSheet => {
    const before = counted.cells;
    const read = readCells(sheet, sheetCells(xmls.get(sheet.name) ?? "", shared), looks, dayShift, counted);
    return {
      name: sheet.name,
      visibility: VISIBILITY[sheet.state] ?? "Visible",
      tables: (sheet.getTables() as unknown as { table: ExcelTableModel }[]).map(({ table: t }) => ({
        name: t.name,
        range: parseRangeAddress(t.tableRef),
        style: t.style?.theme ?? "TableStyleMedium2",
        hasTotals: Boolean(t.totalsRow),
        headers: t.columns.map((c) => c.name),
      })),
      ...read,
      pageSetup: pageSetupIn(sheet.pageSetup),
      ...protectionOf(xmls.get(sheet.name) ?? ""),
      cells: counted.cells - before,
    };
  });
  return { sheets, names, parts, ...(structureProtection ? { structureProtection } : {}) };
}

/**
 * A protection element as the file writes it, without a namespace prefix, when
 * `flag` is on (a sheet's `sheet="1"`, a workbook's `lockStructure="1"`): kept
 * whole, password hash and all, so a save protects as the file did.
 */
function protectionElement(xml: string, element: string, flag: string): string | undefined {
  const match = new RegExp(`<(?:\\w+:)?${element}\\b([^>]*?)\\/?>`).exec(xml);
  if (!match || !new RegExp(`\\b${flag}="(?:1|true)"`).test(match[1]!)) return undefined;
  return `<${element}${match[1]!.replace(/\s+$/, "")}/>`;
}

const protectionOf = (sheetXml: string) => {
  // sheetProtection comes after the cells: searched for from their end, never among them.
  const after = sheetXml.slice(Math.max(0, sheetXml.search(/<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\/>/)));
  const protection = protectionElement(after, "sheetProtection", "sheet");
  return protection ? { protection } : {};
};

/**
 * The package again with each sheet's cells left out (`<sheetData/>`), stored
 * rather than compressed: what exceljs reads. Given the whole package, it
 * would parse every cell's XML again only to be told to ignore it.
 */
async function withoutCells(zip: JSZip, paths: ReadonlyMap<string, string>, xmls: ReadonlyMap<string, string>): Promise<Uint8Array> {
  for (const [name, path] of paths) {
    const xml = xmls.get(name) ?? "";
    zip.file(path, xml.replace(/<((?:\w+:)?)sheetData\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?sheetData>)/, "<$1sheetData/>"));
  }
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/**
 * One sheet's cells, read sparsely: each row is cut into runs of nearby cells,
 * and runs on consecutive rows within the same columns make one block. A file
 * with values in A1 and XFD1048576 is two one-cell blocks, not a grid of 17
 * billion. Number formats, bold, fills, column widths and merges beside them.
 */
function readCells(
  sheet: ExcelJS.Worksheet,
  cellsInFile: Iterable<SheetCell>,
  looks: readonly CellLook[],
  dayShift: number,
  counted: { cells: number; limit: number },
): Pick<ParsedSheet, "blocks" | "formats" | "styles" | "widths" | "merges"> {
  const open: CellBlock[] = [];
  const done: CellBlock[] = [];
  const formats: ParsedSheet["formats"] = [];
  const styles: ParsedSheet["styles"] = [];
  const merges = (sheet.model.merges ?? []).map((m) => parseRangeAddress(m));
  const within = (areas: readonly CellRange[], row: number, column: number) =>
    areas.some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right);
  // Saved spills (an array formula's ref): the formula spills again when built, so the cached values in its other cells are not read.
  const spills: CellRange[] = [];
  let row = -1;
  let cells: [column: number, value: CellInput][] = [];
  const endRow = () => {
    for (const run of runs(cells)) place(open, done, row, run);
    cells = [];
  };
  for (const cell of cellsInFile) {
    if (cell.row !== row) {
      endRow();
      row = cell.row;
    }
    // A merge's value is its top-left cell's; in Excel the others are blank, whatever the file holds for them.
    if (merges.length && within(merges, cell.row, cell.column) && !merges.some((m) => m.top === cell.row && m.left === cell.column))
      continue;
    if (cell.arrayRef) spills.push(parseRangeAddress(cell.arrayRef));
    else if (spills.length && within(spills, cell.row, cell.column)) continue;
    if (++counted.cells > counted.limit) {
      throw new Error(
        `The file holds more than ${counted.limit.toLocaleString("en-GB")} cells (sheet ${sheet.name} reaches row ${cell.row + 1}): too many to open here. Split it, or open it in Excel.`,
      );
    }
    const look = looks[cell.style];
    // Dates are kept on the 1900 system, as the workbench saves them.
    cells.push([cell.column, dayShift && look?.date && typeof cell.input === "number" ? cell.input + dayShift : cell.input]);
    if (!look) continue;
    if (look.format !== "General") formats.push([cell.row, cell.column, look.format]);
    if (look.bold || look.italic || look.color || look.fill)
      styles.push([cell.row, cell.column, { bold: look.bold, italic: look.italic, color: look.color, fill: look.fill }]);
  }
  endRow();
  const widths: ParsedSheet["widths"] = [];
  sheet.columns?.forEach((column, index) => {
    if (column.width) widths.push([index, column.width * POINTS_PER_CHARACTER]);
  });
  return { blocks: [...done, ...open], formats, styles, widths, merges };
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
function place(
  open: CellBlock[],
  done: CellBlock[],
  row: number,
  run: { left: number; right: number; values: Map<number, CellInput> },
): void {
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
