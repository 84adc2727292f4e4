import type { CellRange } from "../src/addresses.ts";
import type { CellStyle } from "./workbookTypes.ts";

/*
 * What a workbook keeps of each sheet's look beside its cells, by sheet name:
 * number formats (with the extent of the formatted cells, which the used
 * range reads on every repaint), cell styles, column widths and merged
 * ranges. The Workbook resolves sheet names and says when it changed; this
 * part only keeps the looks.
 */

const key = (row: number, column: number) => `${row},${column}`;
const at = (cell: string) => cell.split(",").map(Number) as [number, number];

/** Excel's default column width, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;

export class SheetLooks {
  private readonly formats = new Map<string, Map<string, string>>();
  private readonly formatBounds = new Map<string, CellRange>();
  private readonly styles = new Map<string, Map<string, CellStyle>>();
  /** Column widths in points, by column; absent means Excel's default. */
  private readonly widths = new Map<string, Map<number, number>>();
  /** Merged cells: the value is the top-left cell's, the others stay blank, as in Excel. */
  private readonly merges = new Map<string, CellRange[]>();

  private get parts(): Map<string, unknown>[] {
    return [this.formats, this.formatBounds, this.styles, this.widths, this.merges];
  }

  renameSheet(from: string, to: string): void {
    for (const map of this.parts) {
      const value = map.get(from);
      if (value === undefined) continue;
      map.delete(from);
      map.set(to, value);
    }
  }

  deleteSheet(name: string): void {
    for (const map of this.parts) map.delete(name);
  }

  format(sheet: string, row: number, column: number): string | undefined {
    return this.formats.get(sheet)?.get(key(row, column));
  }

  numberFormats(sheet: string, range: CellRange): string[][] {
    const formats = this.formats.get(sheet);
    const out: string[][] = [];
    for (let row = range.top; row <= range.bottom; row++) {
      const line: string[] = [];
      for (let column = range.left; column <= range.right; column++) line.push(formats?.get(key(row, column)) ?? "General");
      out.push(line);
    }
    return out;
  }

  /** Sets a block's formats: one a cell, or the first for every cell; "General" clears. */
  setNumberFormats(sheet: string, range: CellRange, formats: readonly (readonly string[])[]): void {
    let map = this.formats.get(sheet);
    if (!map) this.formats.set(sheet, (map = new Map()));
    let cleared = false;
    for (let r = 0; r <= range.bottom - range.top; r++) {
      for (let c = 0; c <= range.right - range.left; c++) {
        const format = formats[r]?.[c] ?? formats[0]?.[0] ?? "General";
        if (format === "General") cleared = map.delete(key(range.top + r, range.left + c)) || cleared;
        else map.set(key(range.top + r, range.left + c), format);
      }
    }
    // The formatted cells' extent, kept as formats are added; worked out afresh after one is cleared.
    const bounds = this.formatBounds.get(sheet);
    if (cleared || !bounds) this.formatBounds.delete(sheet);
    else
      this.formatBounds.set(sheet, {
        top: Math.min(bounds.top, range.top),
        left: Math.min(bounds.left, range.left),
        bottom: Math.max(bounds.bottom, range.bottom),
        right: Math.max(bounds.right, range.right),
      });
  }

  /** The block holding a sheet's formatted cells; bottom -1 when none is formatted. */
  formattedExtent(sheet: string): CellRange {
    let bounds = this.formatBounds.get(sheet);
    if (!bounds) {
      let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
      for (const cell of this.formats.get(sheet)?.keys() ?? []) {
        const comma = cell.indexOf(",");
        const row = Number(cell.slice(0, comma));
        const column = Number(cell.slice(comma + 1));
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, column);
        right = Math.max(right, column);
      }
      this.formatBounds.set(sheet, (bounds = { top, left, bottom, right }));
    }
    return bounds;
  }

  /** Number formats of a sheet, for saving. */
  formatsOf(sheet: string): [row: number, column: number, format: string][] {
    return [...(this.formats.get(sheet) ?? new Map<string, string>())].map(([cell, format]) => [...at(cell), format]);
  }

  style(sheet: string, row: number, column: number): CellStyle | undefined {
    return this.styles.get(sheet)?.get(key(row, column));
  }

  setStyle(sheet: string, range: CellRange, change: CellStyle): void {
    let map = this.styles.get(sheet);
    if (!map) this.styles.set(sheet, (map = new Map()));
    for (let row = range.top; row <= range.bottom; row++) {
      for (let col = range.left; col <= range.right; col++) map.set(key(row, col), { ...map.get(key(row, col)), ...change });
    }
  }

  /** Every styled cell of a sheet, for saving. */
  stylesOf(sheet: string): [row: number, column: number, style: CellStyle][] {
    return [...(this.styles.get(sheet) ?? new Map<string, CellStyle>())].map(([cell, style]) => [...at(cell), style]);
  }

  mergesOf(sheet: string): readonly CellRange[] {
    return this.merges.get(sheet) ?? [];
  }

  /** Adds a merged range, replacing any it overlaps. */
  addMerge(sheet: string, range: CellRange): void {
    const list = (this.merges.get(sheet) ?? []).filter(
      (m) => m.bottom < range.top || m.top > range.bottom || m.right < range.left || m.left > range.right,
    );
    this.merges.set(sheet, [...list, range]);
  }

  columnWidth(sheet: string, column: number): number {
    return this.widths.get(sheet)?.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** A column's width in points, from 0 to 1,000. */
  setColumnWidth(sheet: string, column: number, points: number): void {
    let map = this.widths.get(sheet);
    if (!map) this.widths.set(sheet, (map = new Map()));
    map.set(column, Math.max(0, Math.min(points, 1000)));
  }
}
