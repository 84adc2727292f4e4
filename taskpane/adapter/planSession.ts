import type { ScenarioInput, ScenarioResult, TableData, Triangulation } from "../../src/index.ts";
import { LINK_SHEET, queueSaveLinks, queueStoredLinks, type PlanLinks, type StoredLinks } from "./linkStore.ts";
import { queueTakenNames } from "./names.ts";
import type { WorkbookView } from "./openWorkbook.ts";
import { queueTableReads, type TableSummary } from "./planTables.ts";
import { queueScenarioResults } from "./results.ts";
import { queueNewestVersion, queueStoreIndex, saveInContext, STORE_SHEET, type StoreIndex } from "./scenarioStore.ts";

/*
 * The workbook side of a run, in as few syncs as Excel allows: the reads go
 * in one (the linked tables, the names a new sheet must avoid, the store's
 * index), the results in a second with the stored version of the scenario's
 * name, the scenario in a third when it changed. With the pane's first look
 * at the workbook (two), five in all; more only for tables past the bytes one
 * response may carry (tests/workbench/runPlan.test.ts counts them).
 */

export interface PlanSession {
  readTables(): Promise<TableData[]>;
  /** Writes the results on a new sheet, with the planner's links when they changed, and returns the sheet's name. */
  writeResults(result: ScenarioResult, checks: Triangulation, links?: PlanLinks): Promise<string>;
  saveScenario(input: ScenarioInput): Promise<"saved" | "unchanged">;
}

/** Runs `body` with a session over the workbook, `view` being the pane's first look at it and `tables` the linked ones. */
export async function planSession<T>(
  view: WorkbookView,
  tables: readonly TableSummary[],
  body: (session: PlanSession) => Promise<T>,
): Promise<T> {
  return Excel.run(async (context) => {
    let knowsStore = view.storeExists;
    let taken!: ReturnType<typeof queueTakenNames>;
    let storeIndex: (() => StoreIndex) | undefined;
    let store!: Excel.Worksheet;
    let index: StoreIndex | undefined;
    let newest: (() => string) | undefined;
    let linkSheet!: Excel.Worksheet;
    let storedLinks: (() => StoredLinks) | undefined;

    const session: PlanSession = {
      async readTables() {
        for (;;) {
          const queued = queueTableReads(context, tables);
          taken = queueTakenNames(context);
          storeIndex = knowsStore ? queueStoreIndex(context) : undefined;
          // Whether there is a store now: a run since the pane looked may have made one.
          store = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
          linkSheet = context.workbook.worksheets.getItemOrNullObject(LINK_SHEET);
          storedLinks = view.links ? queueStoredLinks(context) : undefined;
          try {
            await context.sync();
          } catch (error) {
            // The store may have been deleted since the pane looked: read again without it.
            if ((!knowsStore && !view.links) || (error as { code?: string }).code !== "ItemNotFound") throw error;
            knowsStore = false;
            view = { ...view, links: undefined };
            continue;
          }
          return queued.read();
        }
      },

      async writeResults(result, checks, links) {
        const { sheet } = queueScenarioResults(context, result, checks, taken());
        // Links ride on this sync: stored as a new row when they changed; left as another pane stored them if it made the sheet since.
        if (links && linkSheet.isNullObject) queueSaveLinks(context, links, undefined);
        else if (links && storedLinks) queueSaveLinks(context, links, storedLinks());
        if (!store.isNullObject && storeIndex) {
          index = storeIndex();
          newest = queueNewestVersion(context, index, result.scenario.name);
        } else if (!store.isNullObject) storeIndex = queueStoreIndex(context);
        await context.sync();
        if (!store.isNullObject && !index) {
          // A store the pane did not know of: its index came with the results; now the newest version of this name.
          index = storeIndex!();
          newest = queueNewestVersion(context, index, result.scenario.name);
          if (newest) await context.sync();
        }
        return sheet;
      },

      // `newest` was read for the results' scenario, which is this one.
      saveScenario(input) {
        return saveInContext(context, input, index, newest);
      },
    };
    return body(session);
  });
}
