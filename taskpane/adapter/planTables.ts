import type { TableData } from "../../src/index.ts";

/*
 * Reading the workbook's tables for a scenario. Large tables are read in
 * blocks, each in its own sync, so no response passes Excel on the web's 5 MB
 * limit; everything else in one sync.
 */

/** Cells read in one sync: about 2.5 MB of values at ~12 bytes a cell. */
const CELLS_PER_SYNC = 200_000;

export interface TableSummary {
  name: string;
  sheet: string;
  headers: string[];
  rows: number;
}

/** Every table in the workbook with its sheet, headers and data rows: two syncs. */
export async function listTables(): Promise<TableSummary[]> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const parts = tables.items.map((table) => ({
      table,
      header: table.getHeaderRowRange().load("values"),
      body: table.getDataBodyRange().load("rowCount"),
      sheet: table.worksheet.load("name"),
    }));
    await context.sync();
    return parts.map((p) => ({ name: p.table.name, sheet: p.sheet.name, headers: p.header.values[0]!.map(String), rows: p.body.rowCount }));
  });
}

/** The named tables' headers and data, in as few syncs as the payload limit allows. */
export async function readTables(names: readonly string[]): Promise<TableData[]> {
  return Excel.run(async (context) => {
    const parts = names.map((name) => {
      const table = context.workbook.tables.getItem(name);
      return {
        name,
        header: table.getHeaderRowRange().load("values, rowIndex, columnIndex"),
        body: table.getDataBodyRange().load("rowCount, columnCount"),
        sheet: table.worksheet.load("name"),
      };
    });
    await context.sync();
    const results: TableData[] = parts.map((p) => ({
      name: p.name,
      sheet: p.sheet.name,
      headers: p.header.values[0]!.map(String),
      rows: [],
      top: p.header.rowIndex,
      left: p.header.columnIndex,
    }));
    // Blocks of rows, batched until a sync would carry CELLS_PER_SYNC cells.
    let pending: { index: number; range: Excel.Range }[] = [];
    let cells = 0;
    const flush = async () => {
      await context.sync();
      for (const { index, range } of pending) (results[index]!.rows as unknown[][]).push(...range.values);
      pending = [];
      cells = 0;
    };
    for (let i = 0; i < parts.length; i++) {
      const { rowCount, columnCount } = parts[i]!.body;
      const block = Math.max(1, Math.floor(CELLS_PER_SYNC / columnCount));
      for (let start = 0; start < rowCount; start += block) {
        const rows = Math.min(block, rowCount - start);
        if (cells + rows * columnCount > CELLS_PER_SYNC && pending.length) await flush();
        const table = context.workbook.tables.getItem(parts[i]!.name);
        pending.push({
          index: i,
          range: table
            .getDataBodyRange()
            .getRow(start)
            .getResizedRange(rows - 1, 0)
            .load("values"),
        });
        cells += rows * columnCount;
      }
    }
    if (pending.length) await flush();
    return results;
  });
}
