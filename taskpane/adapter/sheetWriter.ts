import { asText, fitCellText } from "./cellText.ts";
import { columnPoints, DEFAULT_COLUMN_POINTS, shownLength } from "./columnWidths.ts";
import { valuesFingerprint, type WrittenBlock } from "./outputSheets.ts";

/*
 * The one way wfplan writes an output sheet. Every sheet it owns (a
 * scenario's results, the comparison, the Board summary, the ICS summary, the
 * examples) is written through a SheetWriter, so that:
 * - every string is written as text (a staff group named =HYPERLINK(...)
 *   never comes back live), and nothing else escapes or forgets to;
 * - every value written is in the fingerprint, so a re-run does not take the
 *   sheet for one the planner edited;
 * - every chart is positioned over the cells it is given (Excel floats an
 *   unpositioned chart over the data);
 * - columns are as wide as the cells meant to sit in them, set explicitly
 *   (Excel's autofit would measure titles and sentences too: columnWidths.ts).
 * Tests loop over OUTPUT_WRITERS (tests/safety/writers.ts) and check that each
 * module that makes a SheetWriter is listed there.
 */

export type Cell = string | number | boolean;

/** Where a chart goes: its top-left cell and its size in rows and columns, 0-based. */
export interface ChartPlace {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export interface WriteOptions {
  /** The block's last column is text meant to run on across the empty cells to its right (a title, a note, a check's sentence): it does not size its column. */
  runsOn?: boolean;
}

/**
 * What one sync may carry of a sheet's values and number formats, as JSON:
 * under Excel on the web's 5 MB a request, with room for Office.js's own
 * envelope around them (excelHost/context.ts refuses more, as Excel does).
 */
export const WRITE_BYTES_PER_SYNC = 3_000_000;

const jsonBytes = (value: unknown) => JSON.stringify(value).length;

export class SheetWriter {
  private readonly blocks: WrittenBlock[] = [];
  /** Bytes of values and formats queued since the writer last synced. */
  private queuedBytes = 0;
  /** The longest cell, in characters shown, of each column that a block sizes. */
  private readonly longest = new Map<number, number>();

  constructor(readonly sheet: Excel.Worksheet) {}

  /**
   * Queues a block of values at (top, left), 0-based, every string as text.
   * `format` is a number format a column for the rows under the first (its
   * header), or a format for every cell of the block.
   */
  write(
    top: number,
    left: number,
    values: readonly (readonly Cell[])[],
    format?: readonly string[] | readonly (readonly string[])[],
    options: WriteOptions = {},
  ): Excel.Range {
    // A blank stays blank: "'" alone would be a cell that is not empty, and in the fingerprint.
    const cells = values.map((row) => row.map((cell) => (typeof cell === "string" && cell !== "" ? asText(fitCellText(cell)) : cell)));
    const range = this.sheet.getRangeByIndexes(top, left, cells.length, cells[0]!.length);
    range.values = cells;
    if (format?.length && Array.isArray(format[0])) range.numberFormat = format as string[][];
    else if (format?.length && cells.length > 1)
      this.sheet.getRangeByIndexes(top + 1, left, cells.length - 1, format.length).numberFormat = cells
        .slice(1)
        .map(() => [...(format as readonly string[])]);
    this.blocks.push({ top, left, values: cells });
    this.queuedBytes += jsonBytes(cells) + (format ? jsonBytes(format) * (Array.isArray(format[0]) ? 1 : cells.length - 1) : 0);
    this.measure(left, values, format, options);
    return range;
  }

  /**
   * Writes a table that can pass what one sync carries (every trust's rows of
   * an ICS summary): a header and rows, `format` a number format a column, in
   * parts of rows each sent with a sync of its own once what is queued would
   * pass WRITE_BYTES_PER_SYNC. Gives the whole table's range. A small table
   * is one write, as `write`, with no sync.
   */
  async writeInParts(
    context: Excel.RequestContext,
    top: number,
    left: number,
    values: readonly (readonly Cell[])[],
    format: readonly string[],
  ): Promise<Excel.Range> {
    const formatBytes = jsonBytes(format);
    let start = 0;
    while (start < values.length) {
      let end = start;
      let bytes = 0;
      for (; end < values.length; end++) {
        const row = jsonBytes(values[end]) + formatBytes;
        if (end > start && this.queuedBytes + bytes + row > WRITE_BYTES_PER_SYNC) break;
        bytes += row;
      }
      const part = values.slice(start, end);
      // The header's row has no number format; a later part is all data rows, each formatted.
      this.write(top + start, left, part, start === 0 ? format : part.map(() => [...format]));
      start = end;
      if (start < values.length) {
        await context.sync();
        this.queuedBytes = 0;
      }
    }
    return this.sheet.getRangeByIndexes(top, left, values.length, values[0]!.length);
  }

  private measure(
    left: number,
    values: readonly (readonly Cell[])[],
    format: readonly string[] | readonly (readonly string[])[] | undefined,
    options: WriteOptions,
  ): void {
    const perCell = format?.length && Array.isArray(format[0]);
    values.forEach((row, r) => {
      const sized = options.runsOn ? row.length - 1 : row.length;
      for (let c = 0; c < sized; c++) {
        const cellFormat = perCell
          ? (format as readonly (readonly string[])[])[r]?.[c]
          : r > 0
            ? (format as readonly string[] | undefined)?.[c]
            : undefined;
        const length = shownLength(row[c]!, cellFormat);
        if (length > (this.longest.get(left + c) ?? 0)) this.longest.set(left + c, length);
      }
    });
  }

  /** The width in points a column will have once fitted: from its longest cell, or Excel's default where none sized it. */
  widthOf(column: number): number {
    const characters = this.longest.get(column);
    return characters === undefined ? DEFAULT_COLUMN_POINTS : columnPoints(characters);
  }

  /**
   * Queues an explicit width for every column a block has sized so far (from
   * `from` on): as wide as its longest table cell or label, within reason.
   */
  fitColumns(from = 0): void {
    for (const [column, characters] of this.longest) {
      if (column >= from) this.sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = columnPoints(characters);
    }
  }

  /**
   * Queues wfplan's own formulas (the example sheet's, never anything read
   * from a workbook): a string beginning "=" is a formula, "'" keeps the rest
   * as text, numbers are numbers. Not in the fingerprint: their values are
   * Excel's to work out.
   */
  formulas(top: number, left: number, rows: readonly (readonly Cell[])[]): Excel.Range {
    const width = Math.max(...rows.map((row) => row.length));
    const cells = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
    const range = this.sheet.getRangeByIndexes(top, left, cells.length, width);
    range.formulas = cells as string[][];
    return range;
  }

  /** A line of text in bold: a sheet's title or a block's heading. */
  heading(row: number, text: string, column = 0): Excel.Range {
    const range = this.write(row, column, [[text]], undefined, { runsOn: true });
    range.format.font.bold = true;
    return range;
  }

  /** A native chart of `source`, titled and placed over the given cells. */
  chart(type: Excel.ChartType | string, source: Excel.Range, title: string, at: ChartPlace): Excel.Chart {
    const chart = this.sheet.charts.add(type as Excel.ChartType, source, "Columns");
    chart.title.text = title;
    chart.setPosition(
      this.sheet.getRangeByIndexes(at.top, at.left, 1, 1),
      this.sheet.getRangeByIndexes(at.top + at.rows - 1, at.left + at.columns - 1, 1, 1),
    );
    return chart;
  }

  /** The fingerprint of every value written so far, as the register keeps it. */
  fingerprint(): string {
    return valuesFingerprint(this.blocks);
  }
}
