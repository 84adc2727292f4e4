import type { TableData } from "../../src/index.ts";

/*
 * Reading the workbook's tables for a scenario. The pane's first look at a
 * workbook lists each table with its headers, size and a sample of its rows;
 * a run then reads the linked tables in blocks sized by the bytes the sample
 * shows, as many as fit in one response under Excel on the web's 5 MB (with
 * room to spare), so a plan of ordinary size is read in a single sync that
 * also carries whatever else the run needs to know.
 */

/** Bytes of values one sync may carry, by the sample's estimate: three quarters of 4 MB, as rows vary. */
export const BYTES_PER_SYNC = 3_000_000;
/** Rows sampled from each table at the first look, to estimate its bytes per row. */
const SAMPLE_ROWS = 25;

export interface TableSummary {
  name: string;
  sheet: string;
  headers: string[];
  rows: number;
  columns: number;
  /** About how many bytes a row of values takes in a response, from a sample of rows. */
  bytesPerRow: number;
}

/** The queued reads of one table's header and sheet, and its sample rows, for `summarise` after the sync. */
export interface QueuedSummary {
  summarise(): TableSummary;
}

/** Queues what a table summary needs, given the table's proxy: read after the caller's sync. */
export function queueTableSummary(table: Excel.Table): QueuedSummary {
  const header = table.getHeaderRowRange().load("values");
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
      const bytesPerRow = rows.length ? Math.ceil(JSON.stringify(rows).length / rows.length) : 16 * body.columnCount;
      return {
        name: table.name,
        sheet: sheet.name,
        headers: header.values[0]!.map(String),
        rows: body.rowCount,
        columns: body.columnCount,
        bytesPerRow,
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
    return queued.map((q) => q.summarise());
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
    const table = context.workbook.tables.getItem(summary.name);
    return {
      summary,
      header: table.getHeaderRowRange().load("values, rowIndex, columnIndex"),
      body: table.getDataBodyRange().load("rowCount"),
      sheet: table.worksheet.load("name"),
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
        part.blocks.push(
          context.workbook.tables
            .getItem(part.summary.name)
            .getDataBodyRange()
            .getRow(start)
            .getResizedRange(count - 1, 0)
            .load("values"),
        );
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
      const changed = parts.filter(({ summary, body }) => body.rowCount !== summary.rows);
      let reread: TableData[] = [];
      if (changed.length) {
        const again = queueTableReads(
          context,
          changed.map(({ summary, body }) => ({ ...summary, rows: body.rowCount })),
        );
        await context.sync();
        reread = await again.read();
      }
      return parts.map(({ summary, header, sheet, blocks }) => {
        const again = reread.find((t) => t.name === summary.name);
        if (again) return again;
        const rows = blocks.flatMap((block) => block.values);
        return {
          name: summary.name,
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
