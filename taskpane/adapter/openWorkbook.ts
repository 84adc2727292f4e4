import { queueTableSummary, type TableSummary } from "./planTables.ts";
import { listSavedScenarios, queueWholeStore, STORE_SHEET, type SavedScenario } from "./scenarioStore.ts";

/*
 * The pane's first look at a workbook, in two syncs: the names of its tables
 * and sheets, then each table's headers, size and sample rows with the whole
 * scenario store. A store too large for one response is read again with the
 * store's careful block reader.
 */

export interface WorkbookView {
  tables: TableSummary[];
  /** Whether the workbook has a scenario store, so a run can read its index without asking first. */
  storeExists: boolean;
  saved: SavedScenario[];
}

const isPayloadLimit = (error: unknown) => /PayloadSizeLimitExceeded/.test(String((error as { code?: string }).code ?? error));

export async function openWorkbook(): Promise<WorkbookView> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const storeExists = sheets.items.some((s) => s.name.toLowerCase() === STORE_SHEET.toLowerCase());
    let summaries = tables.items.map(queueTableSummary);
    const store = storeExists ? queueWholeStore(context) : undefined;
    try {
      await context.sync();
      return { tables: summaries.map((q) => q.summarise()), storeExists, saved: store?.() ?? [] };
    } catch (error) {
      if (!store || !isPayloadLimit(error)) throw error;
    }
    summaries = tables.items.map(queueTableSummary);
    await context.sync();
    return { tables: summaries.map((q) => q.summarise()), storeExists, saved: await listSavedScenarios() };
  });
}
