import type { CellInput } from "../xlsx/sheetCells.ts";
import { DetailedCellError, HyperFormula, type CellValue, type RawCellContent } from "hyperformula";
import { rangeAddress, sheetPrefix, type CellRange } from "../src/addresses.ts";
import { createEngine } from "./hyperformula.ts";
import { translateExcelLiterals } from "./formulaText.ts";
import { filledCellsOf, filledExtentOf } from "./filledCells.ts";
import { sheetNameProblem } from "../src/excelNames.ts";
import { assertNameFree, itemNamed, nextFreeName } from "./itemNames.ts";
import { SheetLooks } from "./sheetLooks.ts";
import { typedDateFormat } from "./typedDates.ts";
import { translateStructuredReferences } from "./structuredReferences.ts";

/*
 * The workbench's workbook: cell contents and calculation in HyperFormula, and
 * what Excel keeps beside the grid (sheet order and visibility, number formats,
 * tables, named items, charts) here. The Excel API implementation and the grid
 * both work through this class; it knows nothing of either.
 */

import {
  WorkbookError,
  type CellError,
  type CellStyle,
  type ChartInfo,
  type ChartType,
  type ExcelCellValue,
  type NamedItemInfo,
  type PageSetup,
  type SheetInfo,
  type TableInfo,
  type Visibility,
} from "./workbookTypes.ts";

export * from "./workbookTypes.ts";

const key = (row: number, column: number) => `${row},${column}`;

export class Workbook {
  readonly engine: HyperFormula;
  private readonly sheetList: SheetInfo[] = [];
  /** Number formats, styles, column widths and merges, by sheet. */
  private readonly looks = new SheetLooks();
  /** Formulas as the user wrote them (with structured references), where that differs from what HyperFormula holds. */
  private readonly writtenFormulas = new Map<string, Map<string, string>>();
  readonly tables: TableInfo[] = [];
  readonly names: NamedItemInfo[] = [];
  /** The workbook's structure is protected (Review → Protect Workbook): the file's `<workbookProtection>` as written, kept whole for saving. */
  structureProtection: string | undefined;
  readonly charts: ChartInfo[] = [];
  activeSheet = "";
  /** The grid's selected block, for Workbook.getSelectedRange. */
  selection: { sheet: string; range: CellRange } | undefined;
  private listeners = new Set<() => void>();
  private version = 0;

  constructor(firstSheet = "Sheet1") {
    this.engine = createEngine({ [firstSheet]: [] });
    this.sheetList.push({ name: firstSheet, visibility: "Visible" });
    this.activeSheet = firstSheet;
  }

  // ---- change notification, for the grid ----
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get changeCount(): number {
    return this.version;
  }
  changed(): void {
    this.version++;
    if (this.batchDepth > 0) return;
    for (const listener of this.listeners) listener();
  }

  private batchDepth = 0;

  /**
   * Runs many changes with HyperFormula's evaluation suspended and listeners
   * told once at the end: loading a workbook cell by cell would recalculate
   * after every cell.
   */
  batch<T>(changes: () => T): T {
    if (this.batchDepth++ === 0) this.engine.suspendEvaluation();
    try {
      return changes();
    } finally {
      if (--this.batchDepth === 0) {
        this.engine.resumeEvaluation();
        this.changed();
      }
    }
  }

  /**
   * Inside a batch, evaluates what has been put in so far. HyperFormula keeps
   * a list of every cell changed while suspended and hands it all back when
   * evaluation resumes: for an 81,603-row file that is 816,040 changes in one
   * step of nearly two seconds. Settled after each step of a build, the same
   * work comes in small pieces, and in less time overall (less to collect).
   */
  settleBatch(): void {
    if (this.batchDepth === 0) return;
    this.engine.resumeEvaluation();
    this.engine.suspendEvaluation();
  }

  /** As batch, for changes made over several turns of the event loop (building a big workbook in steps). */
  async batchAsync<T>(changes: () => Promise<T>): Promise<T> {
    if (this.batchDepth++ === 0) this.engine.suspendEvaluation();
    try {
      return await changes();
    } finally {
      if (--this.batchDepth === 0) {
        this.engine.resumeEvaluation();
        this.changed();
      }
    }
  }

  // ---- sheets ----
  get sheets(): readonly SheetInfo[] {
    return this.sheetList;
  }

  sheet(name: string): SheetInfo {
    const found = this.findSheet(name);
    if (!found) throw new WorkbookError("ItemNotFound", `The worksheet "${name}" does not exist.`);
    return found;
  }

  findSheet(name: string): SheetInfo | undefined {
    return this.sheetList.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private sheetId(name: string): number {
    const id = this.engine.getSheetId(this.sheet(name).name);
    if (id === undefined) throw new WorkbookError("ItemNotFound", `The worksheet "${name}" does not exist.`);
    return id;
  }

  addSheet(name?: string): SheetInfo {
    let chosen = name?.trim();
    if (chosen === undefined || chosen === "") {
      let n = this.sheetList.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.assertSheetNameFree(chosen);
    this.engine.addSheet(chosen);
    const info: SheetInfo = { name: chosen, visibility: "Visible" };
    this.sheetList.push(info);
    this.changed();
    return info;
  }

  /**
   * Fails as Excel does on a name it refuses (InvalidArgument, with Excel's
   * words and why) or one another sheet has, whatever its case
   * (ItemAlreadyExists); `renaming` may keep its own name in another case.
   */
  private assertSheetNameFree(name: string, renaming?: SheetInfo): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ${problem}`);
    const other = this.findSheet(name);
    if (other && other !== renaming)
      throw new WorkbookError(
        "ItemAlreadyExists",
        `A resource with the same name or identifier already exists. A sheet named "${other.name}" exists.`,
      );
  }

  deleteSheet(name: string): void {
    const info = this.sheet(name);
    if (this.sheetList.filter((s) => s.visibility === "Visible").length === 1 && info.visibility === "Visible") {
      throw new WorkbookError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    this.engine.removeSheet(this.sheetId(info.name));
    this.sheetList.splice(this.sheetList.indexOf(info), 1);
    this.looks.deleteSheet(info.name);
    this.writtenFormulas.delete(info.name);
    for (const list of [this.tables, this.charts] as { sheet: string }[][]) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.sheet === info.name) list.splice(i, 1);
    }
    if (this.activeSheet === info.name) this.activeSheet = this.sheetList.find((s) => s.visibility === "Visible")!.name;
    this.changed();
  }

  renameSheet(name: string, newName: string): void {
    const info = this.sheet(name);
    if (newName === info.name) return;
    this.assertSheetNameFree(newName, info);
    this.engine.renameSheet(this.sheetId(info.name), newName);
    this.looks.renameSheet(info.name, newName);
    const written = this.writtenFormulas.get(info.name);
    if (written) {
      this.writtenFormulas.delete(info.name);
      this.writtenFormulas.set(newName, written);
    }
    for (const item of [...this.tables, ...this.charts]) if (item.sheet === info.name) item.sheet = newName;
    if (this.activeSheet === info.name) this.activeSheet = newName;
    info.name = newName;
    this.changed();
  }

  setVisibility(name: string, visibility: Visibility): void {
    const info = this.sheet(name);
    if (
      visibility !== "Visible" &&
      info.visibility === "Visible" &&
      this.sheetList.filter((s) => s.visibility === "Visible").length === 1
    ) {
      throw new WorkbookError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    info.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === info.name)
      this.activeSheet = this.sheetList.find((s) => s.visibility === "Visible")!.name;
    this.changed();
  }

  /** Sets how a sheet prints (only the fields given). */
  setPageSetup(name: string, setup: PageSetup): void {
    const info = this.sheet(name);
    // A key given as undefined clears that setting (a scale clears fitting to pages, and the other way round).
    const merged: Record<string, unknown> = { ...info.pageSetup, ...setup };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    info.pageSetup = merged as PageSetup;
    this.changed();
  }

  activate(name: string): void {
    const info = this.sheet(name);
    if (info.visibility !== "Visible")
      throw new WorkbookError("InvalidOperation", `The sheet "${info.name}" is hidden and cannot be activated.`);
    this.activeSheet = info.name;
    this.changed();
  }

  /**
   * Evaluates a formula as if typed into a sheet, without writing it anywhere:
   * nothing it reads can be where it is (no cycle), and an array comes back at
   * its own size, however full the sheet. Structured references are read from
   * A1, so `[@Column]` (this row) has no row to mean and is refused by the engine.
   */
  calculate(sheet: string, formula: string): CellValue | CellValue[][] {
    const name = this.sheet(sheet).name;
    const translated = translateExcelLiterals(translateStructuredReferences(formula, this.tables, { sheet: name, row: 0, column: 0 }));
    if (!this.engine.validateFormula(translated)) return this.parseError(translated);
    return this.engine.calculateFormula(translated, this.sheetId(sheet));
  }

  /** The engine's own words on a formula it cannot read (calculateFormula only throws "not a formula"), from a scratch sheet. */
  private parseError(formula: string): CellValue {
    const name = this.engine.addSheet();
    const id = this.engine.getSheetId(name)!;
    try {
      this.engine.setCellContents({ sheet: id, row: 0, col: 0 }, formula);
      return this.engine.getCellValue({ sheet: id, row: 0, col: 0 });
    } finally {
      this.engine.removeSheet(id);
    }
  }

  // ---- cells ----
  /** Writes values or formulas into a block starting at (row, column). Text that looks like a number stays text. */
  setContents(sheet: string, row: number, column: number, contents: readonly (readonly CellInput[])[]): void {
    const id = this.sheetId(sheet);
    const name = this.sheet(sheet).name;
    const written = this.writtenFormulasFor(name);
    // Text HyperFormula may read as a date or a time: such a cell in the General format takes a date format, as in Excel.
    const maybeDates: [row: number, column: number, text: string][] = [];
    const raw: RawCellContent[][] = contents.map((line, r) =>
      line.map((input, c) => {
        const at = key(row + r, column + c);
        written.delete(at);
        if (input === null || input === undefined || input === "") return null;
        if (typeof input !== "string") return input;
        if (input.startsWith("'")) return input; // Excel's text prefix, which HyperFormula shares
        if (input.startsWith("=")) {
          const translated = translateExcelLiterals(
            translateStructuredReferences(input, this.tables, { sheet: name, row: row + r, column: column + c }),
          );
          if (translated !== input) written.set(at, input);
          return translated;
        }
        if (/^\s*[-+]?(\d|\.\d)/.test(input) && !Number.isNaN(Number(input))) return Number(input);
        if (/^\s*\d/.test(input)) maybeDates.push([row + r, column + c, input]);
        return input;
      }),
    );
    this.engine.setCellContents({ sheet: id, row, col: column }, raw);
    const config = maybeDates.length ? this.engine.getConfig() : undefined;
    for (const [r, c, text] of maybeDates) {
      const format = this.looks.format(name, r, c) !== undefined ? undefined : typedDateFormat(text, config!);
      if (format) this.setNumberFormats(name, { top: r, left: c, bottom: r, right: c }, [[format]]);
    }
    this.changed();
  }

  /** Values of a block as Excel reports them ("" for blank, "#VALUE!" for errors). */
  values(sheet: string, range: CellRange): ExcelCellValue[][] {
    const id = this.sheetId(sheet);
    const raw = this.engine.getRangeValues({
      start: { sheet: id, row: range.top, col: range.left },
      end: { sheet: id, row: range.bottom, col: range.right },
    });
    return raw.map((line) => line.map(excelValue));
  }

  /** The error in a cell, with HyperFormula's message, for the workbench's hover. */
  errorAt(sheet: string, row: number, column: number): CellError | undefined {
    const value = this.engine.getCellValue({ sheet: this.sheetId(sheet), row, col: column });
    return value instanceof DetailedCellError ? { code: value.value, message: value.message } : undefined;
  }

  /** Formulas of a block as Range.formulas reports them: the formula, or the value where there is none. */
  formulas(sheet: string, range: CellRange): (string | number | boolean)[][] {
    const id = this.sheetId(sheet);
    const name = this.sheet(sheet).name;
    const written = this.writtenFormulas.get(name);
    const out: (string | number | boolean)[][] = [];
    for (let row = range.top; row <= range.bottom; row++) {
      const line: (string | number | boolean)[] = [];
      for (let col = range.left; col <= range.right; col++) {
        const asWritten = written?.get(key(row, col));
        if (asWritten) {
          line.push(asWritten);
          continue;
        }
        const serialized = this.engine.getCellSerialized({ sheet: id, row, col });
        line.push(serialized === null || serialized === undefined ? "" : typeof serialized === "object" ? String(serialized) : serialized);
      }
      out.push(line);
    }
    return out;
  }

  /** The cells a formula's result spills over, its own included; undefined for a formula that does not spill (or no formula). */
  spillRange(sheet: string, row: number, column: number): CellRange | undefined {
    const id = this.sheetId(sheet);
    const address = { sheet: id, row, col: column };
    if (!this.engine.doesCellHaveFormula(address) || !this.engine.isCellPartOfArray(address)) return undefined;
    let right = column;
    while (this.isSpilled(sheet, row, right + 1)) right++;
    let bottom = row;
    while (this.isSpilled(sheet, bottom + 1, column)) bottom++;
    return right === column && bottom === row ? undefined : { top: row, left: column, bottom, right };
  }

  /** True for a cell that shows part of another cell's spilled array (not the formula's own cell). */
  isSpilled(sheet: string, row: number, column: number): boolean {
    const address = { sheet: this.sheetId(sheet), row, col: column };
    return this.engine.isCellPartOfArray(address) && !this.engine.doesCellHaveFormula(address);
  }

  numberFormats(sheet: string, range: CellRange): string[][] {
    return this.looks.numberFormats(this.sheet(sheet).name, range);
  }

  setNumberFormats(sheet: string, range: CellRange, formats: readonly (readonly string[])[]): void {
    this.looks.setNumberFormats(this.sheet(sheet).name, range, formats);
    this.changed();
  }

  style(sheet: string, row: number, column: number): CellStyle | undefined {
    return this.looks.style(this.sheet(sheet).name, row, column);
  }

  setStyle(sheet: string, range: CellRange, change: CellStyle): void {
    this.looks.setStyle(this.sheet(sheet).name, range, change);
    this.changed();
  }

  /** Every styled cell of a sheet, for saving. */
  stylesOf(sheet: string): [row: number, column: number, style: CellStyle][] {
    return this.looks.stylesOf(this.sheet(sheet).name);
  }

  /** The sheet's merged ranges. */
  mergesOf(sheet: string): readonly CellRange[] {
    return this.looks.mergesOf(this.sheet(sheet).name);
  }

  /** Merges a range, as Excel does: the top-left cell keeps its value, the others are cleared. */
  merge(sheet: string, range: CellRange): void {
    const name = this.sheet(sheet).name;
    this.looks.addMerge(name, range);
    // Clear every cell but the top-left, leaving it as it is.
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++) if (r !== range.top || c !== range.left) this.setContents(name, r, c, [[null]]);
    this.changed();
  }

  columnWidth(sheet: string, column: number): number {
    return this.looks.columnWidth(this.sheet(sheet).name, column);
  }

  setColumnWidth(sheet: string, column: number, points: number): void {
    this.looks.setColumnWidth(this.sheet(sheet).name, column, points);
    this.changed();
  }

  /** Widens each column of the block to fit its longest shown text, as Excel's autofit does. */
  /**
   * Inserts whole rows at `row`, shifting the cells below down, as Excel's
   * Range.insert("Down") on whole rows. The workbench moves cells and their
   * formulas (HyperFormula's addRows) and nothing else, so it refuses where
   * formats, merges, tables, charts or formulas as written lie at or below `row`.
   */
  insertRows(sheet: string, row: number, count: number): void {
    const name = this.sheet(sheet).name;
    const below = (top: number) => top >= row;
    const inTheWay =
      this.looks.formatsOf(name).some(([r]) => below(r)) ||
      this.looks.stylesOf(name).some(([r]) => below(r)) ||
      this.looks.mergesOf(name).some((m) => m.bottom >= row) ||
      this.tables.some((t) => t.sheet === name && t.range.bottom >= row) ||
      this.charts.some((c) => c.sheet === name) ||
      [...(this.writtenFormulas.get(name)?.keys() ?? [])].some((key) => Number(key.split(",")[0]) >= row);
    if (inTheWay)
      throw new WorkbookError(
        "InvalidArgument",
        `The workbench inserts rows only where nothing formatted lies below them (sheet ${name}, row ${row + 1}).`,
      );
    this.engine.addRows(this.sheetId(name), [row, count]);
    this.changed();
  }

  /**
   * Fits each column of the range to every cell in the column, as Excel does
   * (not only the rows asked about): a title in A1 widens column A however
   * small the range. Up to Excel's most, 255 characters.
   */
  autofitColumns(sheet: string, range: CellRange): void {
    const used = this.usedRange(sheet);
    if (!used) return;
    const left = Math.max(range.left, used.left);
    const right = Math.min(range.right, used.right);
    if (right < left) return;
    const values = this.values(sheet, { top: used.top, left, bottom: used.bottom, right });
    for (let c = 0; c <= right - left; c++) {
      let longest = 0;
      for (const line of values) longest = Math.max(longest, String(line[c] ?? "").length);
      longest = Math.min(255, longest);
      this.setColumnWidth(sheet, left + c, Math.max(48, Math.ceil(longest * 6.5 + 10)));
    }
  }

  /** Number formats of a sheet, for saving. */
  formatsOf(sheet: string): [row: number, column: number, format: string][] {
    return this.looks.formatsOf(this.sheet(sheet).name);
  }

  clear(sheet: string, range: CellRange): void {
    const empty = rows(range, () => null);
    this.setContents(sheet, range.top, range.left, empty);
    this.setNumberFormats(sheet, range, [["General"]]);
  }

  /** The cells that hold something, row by row, without walking the blank ones (engine/filledCells.ts). */
  filledCells(sheet: string): [row: number, column: number][] {
    return filledCellsOf(this.engine, this.sheetId(sheet));
  }

  /**
   * The used range as Excel reports it: from the first used cell to the last,
   * not from A1; formatted cells count unless `valuesOnly`.
   */
  usedBounds(sheet: string, valuesOnly = false): CellRange | undefined {
    const name = this.sheet(sheet).name;
    const filled = this.filledExtent(name);
    const formatted = valuesOnly ? undefined : this.looks.formattedExtent(name);
    const bounds = [filled, formatted].filter((b): b is CellRange => b !== undefined && b.bottom >= 0);
    if (!bounds.length) return undefined;
    return {
      top: Math.min(...bounds.map((b) => b.top)),
      left: Math.min(...bounds.map((b) => b.left)),
      bottom: Math.max(...bounds.map((b) => b.bottom)),
      right: Math.max(...bounds.map((b) => b.right)),
    };
  }

  /** The smallest block holding every non-empty cell (spills included), or undefined for an empty sheet. */
  private filledExtent(sheet: string): CellRange | undefined {
    return filledExtentOf(this.engine, this.sheetId(sheet));
  }

  usedRange(sheet: string): CellRange | undefined {
    const { width, height } = this.engine.getSheetDimensions(this.sheetId(sheet));
    const formatted = this.looks.formattedExtent(this.sheet(sheet).name);
    const bottom = Math.max(height - 1, formatted.bottom);
    const right = Math.max(width - 1, formatted.right);
    if (bottom < 0 || right < 0) return undefined;
    return { top: 0, left: 0, bottom, right };
  }

  // ---- tables ----
  /** Adds a table; `headers` names its columns when known (needed while evaluation is suspended in a batch). */
  addTable(
    sheet: string,
    range: CellRange,
    hasHeaders: boolean,
    name?: string,
    style = "TableStyleMedium2",
    headers?: readonly string[],
  ): TableInfo {
    const sheetName = this.sheet(sheet).name;
    const overlap = this.tables.find((t) => t.sheet === sheetName && intersects(t.range, range));
    if (overlap) throw new WorkbookError("InvalidOperation", `The range overlaps the table ${overlap.name}.`);
    let tableRange = range;
    if (!hasHeaders) {
      // Excel adds a header row above the data, shifting the data down by one row.
      const id = this.sheetId(sheetName);
      this.engine.addRows(id, [range.top, 1]);
      tableRange = { ...range, bottom: range.bottom + 1 };
      this.setContents(sheetName, range.top, range.left, [
        Array.from({ length: range.right - range.left + 1 }, (_, i) => `Column${i + 1}`),
      ]);
    }
    // Header names as written (not calculated), so tables can be added while evaluation is suspended.
    const header = headers ?? (this.batchDepth > 0 ? [] : this.formulas(sheetName, { ...tableRange, bottom: tableRange.top })[0]!);
    const columns = Array.from({ length: tableRange.right - tableRange.left + 1 }, (_, i) => {
      const text = String(header[i] ?? "").replace(/^'/, "");
      return text === "" ? `Column${i + 1}` : text;
    });
    const chosen =
      name || nextFreeName("Table", this.tables.length + 1, (n) => this.tables.some((t) => t.name.toLowerCase() === n.toLowerCase()));
    assertNameFree(chosen, this.tables, this.names);
    const table: TableInfo = { name: chosen, sheet: sheetName, range: tableRange, columns, hasHeaders: true, hasTotals: false, style };
    this.tables.push(table);
    this.changed();
    return table;
  }

  table(name: string): TableInfo {
    return itemNamed(this.tables, name, "table");
  }

  /** Appends rows to a table's data body, growing the table down. */
  addTableRows(name: string, values: readonly (readonly CellInput[])[], index?: number): void {
    const table = this.table(name);
    const bodyTop = table.range.top + 1;
    const at = index === undefined || index < 0 ? table.range.bottom + 1 : bodyTop + index;
    const id = this.sheetId(table.sheet);
    this.engine.addRows(id, [at, values.length]);
    table.range = { ...table.range, bottom: table.range.bottom + values.length };
    for (const other of this.tables)
      if (other !== table && other.sheet === table.sheet && other.range.top >= at) shift(other, values.length);
    this.setContents(table.sheet, at, table.range.left, values);
  }

  /** Renames a table, under the rules and namespace of a new one. */
  renameTable(name: string, newName: string): void {
    const table = this.table(name);
    assertNameFree(newName, this.tables, this.names, table);
    table.name = newName;
    this.changed();
  }

  deleteTable(name: string): void {
    const table = this.table(name);
    this.tables.splice(this.tables.indexOf(table), 1);
    this.changed();
  }

  // ---- named items ----
  addName(name: string, formula: string, comment = "", visible = true): NamedItemInfo {
    assertNameFree(name, this.tables, this.names);
    const text = formula.startsWith("=") ? formula : `=${formula}`;
    this.engine.addNamedExpression(name, text);
    const item: NamedItemInfo = { name, formula: text, comment, ...(visible ? {} : { visible: false }) };
    this.names.push(item);
    this.changed();
    return item;
  }

  name(name: string): NamedItemInfo {
    return itemNamed(this.names, name, "name");
  }

  deleteName(name: string): void {
    const item = this.name(name);
    this.engine.removeNamedExpression(item.name);
    this.names.splice(this.names.indexOf(item), 1);
    this.changed();
  }

  /** The value of a named item, for NamedItem.value. */
  nameValue(name: string): unknown {
    const value = this.engine.getNamedExpressionValue(this.name(name).name);
    return Array.isArray(value) ? value.map((r) => r.map(excelValue)) : excelValue(value as CellValue);
  }

  // ---- charts ----
  /** What the file it was read from held that it could not read (a radar chart, say), to be said before saving loses it. */
  notKept: string[] = [];

  addChart(sheet: string, type: ChartType, source: CellRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): ChartInfo {
    const sheetName = this.sheet(sheet).name;
    const chartName = nextFreeName("Chart ", this.charts.length + 1, (n) => this.charts.some((c) => c.name === n));
    const chart: ChartInfo = {
      id: `chart-${Date.now().toString(36)}-${chartName.slice(6)}`,
      name: chartName,
      sheet: sheetName,
      type,
      source,
      // Excel's "Auto" puts series in columns when the range is taller than wide.
      seriesBy: seriesBy === "Auto" ? (source.bottom - source.top >= source.right - source.left ? "Columns" : "Rows") : seriesBy,
      title: "",
    };
    this.charts.push(chart);
    this.changed();
    return chart;
  }

  chart(sheet: string, name: string): ChartInfo {
    const found = this.charts.find((c) => c.sheet === this.sheet(sheet).name && c.name === name);
    if (!found) throw new WorkbookError("ItemNotFound", `The chart "${name}" does not exist.`);
    return found;
  }

  deleteChart(chart: ChartInfo): void {
    this.charts.splice(this.charts.indexOf(chart), 1);
    this.changed();
  }

  /** "Plan!A1:B4" for a block, as Range.address reports it. */
  address(sheet: string, range: CellRange): string {
    return `${sheetPrefix(this.sheet(sheet).name)}${rangeAddress(range)}`;
  }

  private writtenFormulasFor(sheet: string): Map<string, string> {
    let map = this.writtenFormulas.get(sheet);
    if (!map) this.writtenFormulas.set(sheet, (map = new Map()));
    return map;
  }
}

export function excelValue(value: CellValue): ExcelCellValue {
  if (value === null || value === undefined) return "";
  if (value instanceof DetailedCellError) return value.value;
  return value as ExcelCellValue;
}

function rows<T>(range: CellRange, cell: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    const line: T[] = [];
    for (let col = range.left; col <= range.right; col++) line.push(cell(row, col));
    out.push(line);
  }
  return out;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function shift(table: TableInfo, by: number): void {
  table.range = { ...table.range, top: table.range.top + by, bottom: table.range.bottom + by };
}
