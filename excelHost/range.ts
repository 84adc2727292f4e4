import { assertSheetWritable } from "./protection.ts";
import { parseRangeAddress, splitSheet, type CellRange } from "../src/addresses.ts";
import type { CellInput, SheetInfo } from "../engine/workbook.ts";
import { accessors, ClientObject, type PropertySpec } from "./clientObject.ts";
import { formatValue } from "../engine/numberFormat.ts";
import { OfficeError, type RequestContext } from "./context.ts";
import { WorksheetProxy } from "./worksheet.ts";

export interface RangeTarget {
  sheet: SheetInfo;
  range: CellRange;
}

/** The most characters Excel keeps in one cell ("Excel specifications and limits"). */
export const CELL_TEXT_LIMIT = 32_767;

const size = (r: CellRange) => ({ rows: r.bottom - r.top + 1, columns: r.right - r.left + 1 });
const cellCount = (t: RangeTarget) => size(t.range).rows * size(t.range).columns;

/** Checks that a 2-D array fits the range, or is one value for every cell, as Excel requires. */
function fitted<T>(input: unknown, target: RangeTarget, property: string): T[][] {
  const { rows, columns } = size(target.range);
  if (!Array.isArray(input)) return Array.from({ length: rows }, () => Array<T>(columns).fill(input as T));
  // Only a bare value fills every cell; a 2-D array, even 1 x 1, must match the range's size, or Excel refuses it.
  const matrix = input as T[][];
  if (matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== columns)) {
    throw new OfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: ${rows} x ${columns} expected).`,
    );
  }
  return matrix;
}

/**
 * A string as Excel reads it when it is written to a cell: like typing it, a
 * value that begins with "+" or "-" and is not a number, or with "@", is a
 * formula ("+1+1" is =+1+1). A leading apostrophe keeps it text.
 */
function asTyped(cell: CellInput): CellInput {
  if (typeof cell !== "string" || cell.length < 2) return cell;
  if ((cell[0] === "+" || cell[0] === "-") && Number.isNaN(Number(cell))) return `=${cell}`;
  if (cell[0] === "@") return `=${cell.slice(1)}`;
  return cell;
}

/**
 * Writes a block of values or formulas. As in Excel, null in a 2-D array
 * leaves that cell as it is; "" clears it.
 */
function writeCells(model: RequestContext["model"], target: RangeTarget, typed: CellInput[][]): void {
  const long = typed.flat().find((cell) => typeof cell === "string" && cell.length > CELL_TEXT_LIMIT) as string | undefined;
  if (long !== undefined)
    throw new OfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format. A cell holds at most ${CELL_TEXT_LIMIT.toLocaleString("en-GB")} characters; this text has ${long.length.toLocaleString("en-GB")}.`,
    );
  const cells = typed.map((line) => line.map(asTyped));
  if (!cells.some((line) => line.includes(null))) {
    model.setContents(target.sheet.name, target.range.top, target.range.left, cells);
    return;
  }
  model.batch(() =>
    cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell !== null) model.setContents(target.sheet.name, target.range.top + r, target.range.left + c, [[cell]]);
      }),
    ),
  );
}

export class RangeProxy extends ClientObject<RangeTarget> {
  declare readonly address: string;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly text: string[][];
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  readonly format: RangeFormatProxy;

  constructor(
    context: RequestContext,
    private readonly resolveRange: () => RangeTarget | undefined,
    nullable = false,
  ) {
    super(context, resolveRange, "Range", nullable);
    this.format = new RangeFormatProxy(context, () => this.target());
  }

  /** The sheet the range is on, as Excel's Range.worksheet. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet);
  }

  protected override guardWrite(target: RangeTarget, member: string): void {
    if (member !== "select") assertSheetWritable(target.sheet, `Range.${member}`);
  }
  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    const model = this.context.model;
    return {
      address: { read: (t) => model.address(t.sheet.name, t.range) },
      // As in Excel, values are read as if typed: text starting with "=" becomes a formula.
      values: {
        read: (t) => model.values(t.sheet.name, t.range),
        write: (t, v) => writeCells(model, t, fitted<CellInput>(v, t, "values")),
        cells: cellCount,
      },
      formulas: {
        read: (t) => model.formulas(t.sheet.name, t.range),
        write: (t, v) => writeCells(model, t, fitted<CellInput>(v, t, "formulas")),
        cells: cellCount,
      },
      numberFormat: {
        read: (t) => model.numberFormats(t.sheet.name, t.range),
        write: (t, v) => {
          const formats = fitted<string | null>(v, t, "numberFormat");
          formats.forEach((line, r) =>
            line.forEach((format, c) => {
              const at = { top: t.range.top + r, left: t.range.left + c, bottom: t.range.top + r, right: t.range.left + c };
              if (format !== null) model.setNumberFormats(t.sheet.name, at, [[format]]);
            }),
          );
        },
        cells: cellCount,
      },
      // What the cell shows: the value in its number format, as Range.text does in Excel.
      text: {
        read: (t) => {
          const formats = model.numberFormats(t.sheet.name, t.range);
          return model.values(t.sheet.name, t.range).map((line, r) => line.map((v, c) => formatValue(v, formats[r]![c])));
        },
        cells: cellCount,
      },
      rowCount: { read: (t) => size(t.range).rows },
      columnCount: { read: (t) => size(t.range).columns },
      rowIndex: { read: (t) => t.range.top },
      columnIndex: { read: (t) => t.range.left },
    };
  }

  private derived(change: (t: RangeTarget) => CellRange): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      const range = change(t);
      // Excel refuses a range off the grid on either side (1,048,576 rows by 16,384 columns).
      if (
        range.top < 0 ||
        range.left < 0 ||
        range.bottom < range.top ||
        range.right < range.left ||
        range.bottom > 1_048_575 ||
        range.right > 16_383
      ) {
        throw new OfficeError("InvalidArgument", "The range would fall outside the worksheet.");
      }
      return { sheet: t.sheet, range };
    });
  }

  /**
   * The used cells within this range, from the first used cell, as Excel's
   * Range.getUsedRangeOrNullObject gives them; a null object when none is used.
   */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const { sheet, range } = this.target();
        let used: CellRange | undefined;
        for (const [row, column] of this.context.model.filledCells(sheet.name)) {
          if (row < range.top || row > range.bottom || column < range.left || column > range.right) continue;
          used = used
            ? {
                top: Math.min(used.top, row),
                left: Math.min(used.left, column),
                bottom: Math.max(used.bottom, row),
                right: Math.max(used.right, column),
              }
            : { top: row, left: column, bottom: row, right: column };
        }
        return used && { sheet, range: used };
      },
      true,
    );
  }

  /** The cells this range shares with `other` (on the same sheet), or a null object, as Excel's Range.getIntersectionOrNullObject. */
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const { sheet, range } = this.target();
        const that = other.target();
        if (that.sheet.name !== sheet.name) return undefined;
        const shared = {
          top: Math.max(range.top, that.range.top),
          left: Math.max(range.left, that.range.left),
          bottom: Math.min(range.bottom, that.range.bottom),
          right: Math.min(range.right, that.range.right),
        };
        return shared.top <= shared.bottom && shared.left <= shared.right ? { sheet, range: shared } : undefined;
      },
      true,
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(({ range }) => ({ ...range, bottom: range.bottom + deltaRows, right: range.right + deltaColumns }));
  }
  getOffsetRange(rows: number, columns: number): RangeProxy {
    return this.derived(({ range }) => ({
      top: range.top + rows,
      bottom: range.bottom + rows,
      left: range.left + columns,
      right: range.right + columns,
    }));
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derived(({ range }) => ({
      top: range.top + row,
      bottom: range.top + row,
      left: range.left + column,
      right: range.left + column,
    }));
  }
  getRow(row: number): RangeProxy {
    return this.derived(({ range }) => ({ ...range, top: range.top + row, bottom: range.top + row }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived(({ range }) => ({ ...range, left: range.left + column, right: range.left + column }));
  }
  getLastRow(): RangeProxy {
    return this.derived(({ range }) => ({ ...range, top: range.bottom }));
  }
  clear(): void {
    this.queue("clear", (t) => this.context.model.clear(t.sheet.name, t.range));
  }
  /**
   * Inserts cells the range's size, shifting those below down, and gives the
   * new cells. The workbench inserts whole rows ("5:5") only, as wfplan's
   * stores append: concurrent inserts from two panes both keep their rows.
   */
  insert(shift: "Down" | "Right"): RangeProxy {
    this.queue("insert", (t) => {
      if (shift !== "Down" || t.range.left !== 0 || t.range.right !== 16_383)
        throw new OfficeError("InvalidArgument", "The workbench inserts whole rows only (a range such as 5:5, shifted down).");
      this.context.model.insertRows(t.sheet.name, t.range.top, t.range.bottom - t.range.top + 1);
    });
    return this.derived(({ range }) => range);
  }
  /**
   * Selects the range. Its sheet is not brought to the front: not every Excel
   * does so for a range on another sheet, so the add-in activates it itself.
   */
  select(): void {
    this.queue("select", (t) => {
      this.context.model.selection = { sheet: t.sheet.name, range: t.range };
    });
  }
}
accessors(RangeProxy);

export class RangeFormatProxy extends ClientObject<RangeTarget> {
  declare columnWidth: number;
  declare horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  readonly font: RangeStyleProxy;
  readonly fill: RangeStyleProxy;

  constructor(context: RequestContext, resolve: () => RangeTarget) {
    super(context, resolve, "RangeFormat");
    this.font = new RangeStyleProxy(context, resolve, "RangeFont", { bold: "bold", italic: "italic", color: "color" });
    this.fill = new RangeStyleProxy(context, resolve, "RangeFill", { color: "fill" });
  }
  protected override guardWrite(target: RangeTarget, member: string): void {
    assertSheetWritable(target.sheet, `RangeFormat.${member}`);
  }
  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    const model = this.context.model;
    return {
      columnWidth: {
        read: (t) => model.columnWidth(t.sheet.name, t.range.left),
        write: (t, v) => {
          for (let c = t.range.left; c <= t.range.right; c++) model.setColumnWidth(t.sheet.name, c, Number(v));
        },
      },
      horizontalAlignment: {
        read: (t) => model.style(t.sheet.name, t.range.top, t.range.left)?.horizontalAlignment ?? "General",
        write: (t, v) => model.setStyle(t.sheet.name, t.range, { horizontalAlignment: String(v) }),
      },
    };
  }
  autofitColumns(): void {
    this.queue("autofitColumns", (t) => this.context.model.autofitColumns(t.sheet.name, t.range));
  }
  autofitRows(): void {
    this.queue("autofitRows", () => undefined); // rows are one line high in the workbench
  }
}
accessors(RangeFormatProxy);

/** RangeFont and RangeFill: style properties of the range's top-left cell, written to every cell. */
export class RangeStyleProxy extends ClientObject<RangeTarget> {
  /** RangeFont: bold, italic, color. RangeFill: color. */
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;

  constructor(
    context: RequestContext,
    resolve: () => RangeTarget,
    typeName: string,
    private readonly mapping: Record<string, "bold" | "italic" | "color" | "fill">,
  ) {
    super(context, resolve, typeName);
    for (const name of Object.keys(mapping)) {
      Object.defineProperty(this, name, { get: () => this.get(name), set: (v: unknown) => this.set(name, v), enumerable: true });
    }
  }
  protected override guardWrite(target: RangeTarget, member: string): void {
    assertSheetWritable(target.sheet, `Range.${member}`);
  }
  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    const model = this.context.model;
    return Object.fromEntries(
      Object.entries(this.mapping).map(([name, style]) => [
        name,
        {
          read: (t: RangeTarget) =>
            model.style(t.sheet.name, t.range.top, t.range.left)?.[style] ?? (style === "bold" || style === "italic" ? false : ""),
          write: (t: RangeTarget, v: unknown) => model.setStyle(t.sheet.name, t.range, { [style]: v }),
        },
      ]),
    );
  }
  clear(): void {
    this.queue("clear", (t) => this.context.model.setStyle(t.sheet.name, t.range, { fill: undefined }));
  }
}

/** Reads "A1:B4" or "Plan!A1:B4" against a default sheet. */
export function resolveAddress(address: string, sheetFor: (name?: string) => SheetInfo): RangeTarget {
  const { sheet, address: cells } = splitSheet(address);
  let range: CellRange;
  try {
    range = parseRangeAddress(cells);
  } catch {
    throw new OfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: "${address}" is not a range address.`,
    );
  }
  return { sheet: sheetFor(sheet), range };
}
