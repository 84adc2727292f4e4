import { findHeaderRow, type TableData } from "../../src/index.ts";
import { isWfplanSheet } from "./wfplanSheets.ts";

/*
 * Reading the workbook's tables for a scenario: Excel tables, named ranges
 * and plain ranges on sheets (NHS Digital's workbooks and most ESR extracts
 * are plain ranges), whose header row may sit under title rows. The pane's
 * first look at a workbook lists each with its headers, size and a sample of
 * its rows;
 * a run then reads the linked tables in blocks sized by the bytes the sample
 * shows, as many as fit in one response under Excel on the web's 5 MB (with
 * room to spare), so a plan of ordinary size is read in a single sync that
 * also carries whatever else the run needs to know.
 */

/** Bytes of values one sync may carry, by the sample's estimate: three quarters of 4 MB, as rows vary. */
export const BYTES_PER_SYNC = 3_000_000;
/** Rows sampled from each table at the first look, to estimate its bytes per row. */
const SAMPLE_ROWS = 25;

export type SourceKind = "table" | "name" | "sheet";

/** A table, named range or sheet the plan can read, as the pane's first look found it. */
export interface TableSummary {
  /** Unique in the workbook: "table:tblStaff", "name:StaffList", "sheet:ESR extract". */
  id: string;
  kind: SourceKind;
  /** The table's, name's or sheet's own name. */
  name: string;
  sheet: string;
  headers: string[];
  /** The header row and first column on the sheet, 0-based. */
  headerRow: number;
  left: number;
  /** Rows above the header that were passed over as titles (sheets and names). */
  titleRows: number;
  rows: number;
  columns: number;
  /** About how many bytes a row of values takes in a response, from a sample of rows. */
  bytesPerRow: number;
  /** The first rows of values, for the preview and for finding columns by their values. */
  sample: unknown[][];
}

/** How the pane names a source to the planner. */
export function sourceLabel(source: TableSummary): string {
  if (source.kind === "table") return `${source.name} (${source.sheet})`;
  const where = `header on row ${source.headerRow + 1}${source.titleRows ? `, ${source.titleRows} title row${source.titleRows > 1 ? "s" : ""} above` : ""}`;
  return source.kind === "name" ? `${source.name}, a named range (${source.sheet}, ${where})` : `Sheet ${source.sheet} (${where})`;
}

/** The queued reads of one table's header and sheet, and its sample rows, for `summarise` after the sync. */
export interface QueuedSummary {
  summarise(): TableSummary;
}

/** Queues what a table summary needs, given the table's proxy: read after the caller's sync. */
export function queueTableSummary(table: Excel.Table): QueuedSummary {
  const header = table.getHeaderRowRange().load("values, rowIndex, columnIndex");
  const body = table.getDataBodyRange().load("rowCount, columnCount");
  const sheet = table.worksheet.load("name");
  // The first rows, for their size: a table of fewer rows gives a smaller range.
  const sample = table
    .getDataBodyRange()
    .getRow(0)
    .getResizedRange(SAMPLE_ROWS - 1, 0)
    .getIntersectionOrNullObject(table.getDataBodyRange());
  sample.load("values");
  return {
    summarise() {
      const rows = sample.isNullObject ? [] : sample.values;
      return {
        id: `table:${table.name}`,
        kind: "table",
        name: table.name,
        sheet: sheet.name,
        headers: header.values[0]!.map(String),
        headerRow: header.rowIndex,
        left: header.columnIndex,
        titleRows: 0,
        rows: body.rowCount,
        columns: body.columnCount,
        bytesPerRow: bytesPerRow(rows, body.columnCount),
        sample: rows,
      };
    },
  };
}

const bytesPerRow = (rows: readonly unknown[][], columns: number) =>
  rows.length ? Math.ceil(JSON.stringify(rows).length / rows.length) : 16 * columns;

/** Rows read from the top of a sheet or named range: enough to pass over title rows and sample the data. */
const TOP_ROWS = 20 + SAMPLE_ROWS;
/** Columns read from the left of it: wider than any plan table (ESR's full extract has about 100), and bounded when the used range runs to column XFD. */
const TOP_COLUMNS = 256;

/** Where a range is and how big, once loaded. */
export interface RangeBounds {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Queues what a plain range's summary needs, given the range (a sheet's used
 * range or a named range): its size and top rows. After the sync, the summary
 * finds the header row among them, or gives undefined when no row looks like
 * a header. Without `bounds`, the top rows are found relative to the range,
 * which fails the sync for a range within TOP_ROWS of the sheet's last row or
 * TOP_COLUMNS of its last column; with them (loaded on an earlier sync), never.
 */
export function queueRangeSummary(
  kind: "name" | "sheet",
  name: string,
  range: Excel.Range,
  bounds?: RangeBounds,
): { summarise(): TableSummary | undefined; number(): number | undefined } {
  range.load("rowIndex, columnIndex, rowCount, columnCount");
  // A name of whole columns ($A:$C) is a million rows: the plan's rows end where the sheet's used range does.
  const used = range.worksheet.getUsedRange(true).load("rowIndex, rowCount");
  const top = bounds
    ? range.worksheet
        .getRangeByIndexes(
          bounds.rowIndex,
          bounds.columnIndex,
          Math.min(TOP_ROWS, bounds.rowCount),
          Math.min(TOP_COLUMNS, bounds.columnCount),
        )
        .load("values")
    : range
        .getCell(0, 0)
        .getResizedRange(TOP_ROWS - 1, TOP_COLUMNS - 1)
        .getIntersectionOrNullObject(range)
        .load("values");
  const sheet = range.worksheet.load("name");
  return {
    /** The number in a range of one cell (a named input such as BaseGrowth), else undefined. */
    number() {
      if ((!bounds && top.isNullObject) || range.rowCount !== 1 || range.columnCount !== 1) return undefined;
      const value = (top.values as unknown[][])[0]?.[0];
      return typeof value === "number" && Number.isFinite(value) ? value : undefined;
    },
    summarise() {
      // Only the intersection can be a null object (and only it may be asked whether it is).
      if (!bounds && top.isNullObject) return undefined;
      const values = top.values as unknown[][];
      const found = findHeaderRow(values);
      if (!found) return undefined;
      const cells = values[found.row]!;
      const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;
      const first = cells.findIndex(filled);
      const last = cells.length - 1 - [...cells].reverse().findIndex(filled);
      const sample = values.slice(found.row + 1, found.row + 1 + SAMPLE_ROWS).map((row) => row.slice(first, last + 1));
      const headerRow = range.rowIndex + found.row;
      return {
        id: `${kind}:${name}`,
        kind,
        name,
        sheet: sheet.name,
        headers: cells.slice(first, last + 1).map(String),
        headerRow,
        left: range.columnIndex + first,
        titleRows: found.row,
        rows: Math.max(0, Math.min(range.rowIndex + range.rowCount, used.rowIndex + used.rowCount) - headerRow - 1),
        columns: last - first + 1,
        bytesPerRow: bytesPerRow(sample, last - first + 1),
        sample,
      };
    },
  };
}

/** Every table in the workbook with its sheet, headers, size and bytes per row: two syncs. */
export async function listTables(): Promise<TableSummary[]> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const queued = tables.items.map(queueTableSummary);
    await context.sync();
    return queued.map((q) => q.summarise()).filter((t) => !isWfplanSheet(t.sheet));
  });
}

/** The tables a run reads: after `read()`, each table's headers and rows. */
export interface QueuedTables {
  /** Syncs for any blocks that did not fit in the caller's sync, then gives the tables. */
  read(): Promise<TableData[]>;
}

/**
 * Queues reads of the tables' headers and rows: the first blocks, up to
 * BYTES_PER_SYNC by each table's bytes per row, ride on the caller's next
 * sync; `read()` fetches any further blocks, each sync under the same budget.
 */
export function queueTableReads(context: Excel.RequestContext, tables: readonly TableSummary[]): QueuedTables {
  const parts = tables.map((summary) => {
    if (summary.kind === "table") {
      const table = context.workbook.tables.getItem(summary.name);
      const body = table.getDataBodyRange().load("rowCount");
      return {
        summary,
        header: table.getHeaderRowRange().load("values, rowIndex, columnIndex"),
        rowsNow: () => body.rowCount,
        sheet: table.worksheet.load("name"),
        block: (start: number, count: number) =>
          table
            .getDataBodyRange()
            .getRow(start)
            .getResizedRange(count - 1, 0),
        blocks: [] as Excel.Range[],
      };
    }
    // A plain range: the header where the pane found it, the rows down to the end of the used range (or the name's range).
    const sheet = context.workbook.worksheets.getItem(summary.sheet).load("name");
    const used = sheet.getUsedRange(true).load("rowIndex, rowCount");
    const extent = summary.kind === "sheet" ? used : context.workbook.names.getItem(summary.name).getRange().load("rowIndex, rowCount");
    return {
      summary,
      header: sheet.getRangeByIndexes(summary.headerRow, summary.left, 1, summary.columns).load("values, rowIndex, columnIndex"),
      // To the end of the name's range, or of the used range where the name is of whole columns.
      rowsNow: () => Math.max(0, Math.min(extent.rowIndex + extent.rowCount, used.rowIndex + used.rowCount) - summary.headerRow - 1),
      sheet,
      block: (start: number, count: number) =>
        context.workbook.worksheets
          .getItem(summary.sheet)
          .getRangeByIndexes(summary.headerRow + 1 + start, summary.left, count, summary.columns),
      blocks: [] as Excel.Range[],
    };
  });
  // Blocks of rows, in sync-sized batches: the first batch goes with the caller's sync.
  const batches: (() => void)[][] = [[]];
  let budget = BYTES_PER_SYNC;
  for (const part of parts) {
    const { rows, bytesPerRow } = part.summary;
    const perBlock = Math.max(1, Math.floor(BYTES_PER_SYNC / Math.max(1, bytesPerRow)));
    for (let start = 0; start < rows; start += perBlock) {
      const count = Math.min(perBlock, rows - start);
      if (count * bytesPerRow > budget && batches.at(-1)!.length) {
        batches.push([]);
        budget = BYTES_PER_SYNC;
      }
      budget -= count * bytesPerRow;
      batches.at(-1)!.push(() => {
        part.blocks.push(part.block(start, count).load("values"));
      });
    }
  }
  for (const queue of batches[0]!) queue();
  return {
    async read() {
      for (const batch of batches.slice(1)) {
        for (const queue of batch) queue();
        await context.sync();
      }
      // A table that gained or lost rows since the pane listed it is read again at its new size.
      const changed = parts.filter(({ summary, rowsNow }) => Math.max(0, rowsNow()) !== summary.rows);
      let reread: TableData[] = [];
      if (changed.length) {
        const again = queueTableReads(
          context,
          changed.map(({ summary, rowsNow }) => ({ ...summary, rows: Math.max(0, rowsNow()) })),
        );
        await context.sync();
        reread = await again.read();
      }
      return parts.map(({ summary, header, sheet, blocks }) => {
        const again = reread.find((t) => t.name === tableName(summary));
        if (again) return again;
        const rows = blocks.flatMap((block) => block.values);
        return {
          name: tableName(summary),
          sheet: sheet.name,
          headers: header.values[0]!.map(String),
          rows,
          top: header.rowIndex,
          left: header.columnIndex,
        };
      });
    },
  };
}

/** A source's name in messages: a table's or name's own, a sheet's as "Sheet ESR". */
const tableName = (summary: TableSummary) => (summary.kind === "sheet" ? `sheet ${summary.sheet}` : summary.name);

/** The named tables' headers and data, for a caller that has not listed them: the listing's two syncs, then the reads. */
export async function readTables(names: readonly string[]): Promise<TableData[]> {
  const listed = await listTables();
  const chosen = names.map((name) => {
    const found = listed.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`The table "${name}" does not exist in this workbook.`);
    return found;
  });
  return Excel.run(async (context) => {
    const queued = queueTableReads(context, chosen);
    await context.sync();
    return queued.read();
  });
}
