import { LINK_SHEET, queueStoredLinks, type StoredLinks } from "./linkStore.ts";
import { OUTPUTS_SHEET, queueOutputRegister, type OutputRegister } from "./outputSheets.ts";
import { nameReferenceKind } from "../../src/addresses.ts";
import { queueRangeSummary, queueTableSummary, type RangeBounds, type TableSummary } from "./planTables.ts";
import { listSavedScenarios, queueWholeStore, STORE_SHEET, type SavedScenario } from "./scenarioStore.ts";
import { isWfplanSheet } from "./wfplanSheets.ts";

/*
 * The pane's first look at a workbook, in two syncs: the names of its tables,
 * sheets and named ranges; then each table's headers, size and sample rows,
 * the top rows of each named range and of each sheet's used range (to find a
 * header row under any title rows), the stored links and the whole scenario
 * store. A store too large for one response is read again with the store's
 * careful block reader.
 */

export interface WorkbookView {
  /** Tables, named ranges and sheets the plan can read: tables first. */
  tables: TableSummary[];
  /** Whether the workbook has a scenario store, so a run can read its index without asking first. */
  storeExists: boolean;
  saved: SavedScenario[];
  /** The planner's stored links; undefined when none were ever stored. */
  links?: StoredLinks;
  /** wfplan's output sheets by scenario; undefined when none was ever written. */
  outputs?: OutputRegister;
  /** The workbook's named numbers (a named cell or constant holding one), for driver expressions. */
  inputs: Record<string, number>;
  /** Named ranges not offered as parts of the plan, each with why ("Staff: several areas ..."). */
  namesPassedOver: string[];
}

const isPayloadLimit = (error: unknown) => /PayloadSizeLimitExceeded/.test(String((error as { code?: string }).code ?? error));
const isOffTheGrid = (error: unknown) => /InvalidArgument/.test(String((error as { code?: string }).code ?? error));

/** Sheets wfplan writes or keeps its own things on: never offered as a part of the plan. */

export async function openWorkbook(): Promise<WorkbookView> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    const sheets = context.workbook.worksheets.load("items/name, items/visibility");
    // Not `value`: loading it (or a name's range) for a name defined by OFFSET fails or crashes some Excel builds (office-js #4321, #1357).
    const names = context.workbook.names.load("items/name, items/type, items/visible, items/formula");
    await context.sync();
    const has = (name: string) => sheets.items.some((s) => s.name.toLowerCase() === name.toLowerCase());
    const storeExists = has(STORE_SHEET);
    // Named ranges, and sheets by their used range (values only, as a header row is values).
    // Hidden names are Excel's or another add-in's; a name of several areas or of a formula has no one block of rows to read.
    const rangeNames = names.items.filter((n) => n.type === "Range" && n.visible);
    const namesPassedOver = rangeNames.flatMap((n) => {
      const kind = nameReferenceKind(n.formula);
      if (kind === "range") return [];
      const why = kind === "areas" ? "it refers to several areas" : "it is worked out by a formula (OFFSET, INDEX ...)";
      return [`${n.name} (${n.formula}): ${why}; link the table or sheet it covers instead`];
    });
    const ranges = (): ["name" | "sheet", string, Excel.Range][] => [
      ...rangeNames
        .filter((n) => nameReferenceKind(n.formula) === "range")
        .map((n): ["name", string, Excel.Range] => ["name", n.name, n.getRange()]),
      ...sheets.items
        .filter((s) => s.visibility === "Visible" && !isWfplanSheet(s.name))
        // An empty sheet's used range is A1, as in Excel: no header row is found in it.
        .map((s): ["sheet", string, Excel.Range] => ["sheet", s.name, s.getUsedRange(true)]),
    ];
    // Each plain range's size, when it had to be read first.
    const known: { bounds?: RangeBounds[] } = {};
    const queue = () => ({
      numbers: names.items.filter((n) => n.visible && (n.type === "Double" || n.type === "Integer")).map((n) => n.load("value")),
      tables: tables.items.map(queueTableSummary),
      plain: ranges().map(([kind, name, range], i) => ({ kind, name, ...queueRangeSummary(kind, name, range, known.bounds?.[i]) })),
      links: has(LINK_SHEET) ? queueStoredLinks(context) : undefined,
      outputs: has(OUTPUTS_SHEET) ? queueOutputRegister(context) : undefined,
    });
    // Named numbers: constants (=0.03) and named cells holding a number, each usable in a driver expression.
    const inputs = (queued: ReturnType<typeof queue>) => {
      const found: Record<string, number> = {};
      for (const n of queued.numbers) if (typeof n.value === "number") found[n.name] = n.value;
      for (const range of queued.plain) {
        const value = range.kind === "name" ? range.number() : undefined;
        if (value !== undefined) found[range.name] = value;
      }
      return found;
    };
    const sources = (queued: ReturnType<typeof queue>) => {
      const listed = queued.tables.map((q) => q.summarise()).filter((t) => !isWfplanSheet(t.sheet));
      // A sheet that holds a table is offered as its tables, not as a plain range.
      const onTables = new Set(listed.map((t) => t.sheet.toLowerCase()));
      const ranges = queued.plain
        .map((q) => q.summarise())
        .filter((s): s is TableSummary => s !== undefined && !(s.kind === "sheet" && onTables.has(s.sheet.toLowerCase())));
      return [...listed, ...ranges];
    };
    let queued = queue();
    const store = storeExists ? queueWholeStore(context) : undefined;
    try {
      await context.sync();
      return {
        tables: sources(queued),
        storeExists,
        saved: store?.() ?? [],
        links: queued.links?.(),
        outputs: queued.outputs?.(),
        inputs: inputs(queued),
        namesPassedOver,
      };
    } catch (error) {
      if (!isPayloadLimit(error) && !isOffTheGrid(error)) throw error;
    }
    // A range whose top rows run off the sheet's edge (data in its last rows or columns): its size first, then its top rows within it.
    const sized = ranges().map(([, , range]) => range.load("rowIndex, columnIndex, rowCount, columnCount"));
    await context.sync();
    known.bounds = sized.map(({ rowIndex, columnIndex, rowCount, columnCount }) => ({ rowIndex, columnIndex, rowCount, columnCount }));
    queued = queue();
    await context.sync();
    const saved = storeExists ? await listSavedScenarios() : [];
    return {
      tables: sources(queued),
      storeExists,
      saved,
      links: queued.links?.(),
      outputs: queued.outputs?.(),
      inputs: inputs(queued),
      namesPassedOver,
    };
  });
}
