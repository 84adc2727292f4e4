import {
  monthlySubmission,
  type ScenarioInput,
  type ScenarioResult,
  type StarRow,
  type TableData,
  type Triangulation,
} from "../../src/index.ts";
import { LINK_SHEET, linksJson, queueSaveLinks, queueStoredLinks, type PlanLinks, type StoredLinks } from "./linkStore.ts";
import { queueTakenNames } from "./names.ts";
import { assertCanWrite } from "./protection.ts";
import type { WorkbookView } from "./openWorkbook.ts";
import { queueTableReads, type TableSummary } from "./planTables.ts";
import { queueMonthsSheet } from "./monthsSheet.ts";
import {
  afterRegistering,
  monthsKey,
  monthsSheetName,
  outputSheetName,
  OUTPUTS_SHEET,
  outputTarget,
  ownSheetNeeds,
  queueOutputRegister,
  queueOutputSheet,
  queueRegisterOutputs,
  wasEdited,
  type OutputRegister,
  type OutputSheetNow,
  type OutputTarget,
  type RegisterEntry,
} from "./outputSheets.ts";
import { queueScenarioResults } from "./results.ts";
import { queueNewestVersion, queueStoreIndex, saveInContext, STORE_SHEET, type StoreIndex } from "./scenarioStore.ts";

/*
 * The workbook side of a run, in as few syncs as Excel allows: the reads go
 * in one (the linked tables, the names a new sheet must avoid, the store's
 * index, the stored links, the output register and what is on the
 * scenario's own sheets now), the results and the months in a second with
 * the register's rows, the links and the stored version of the scenario's name, the
 * scenario in a third when it changed. With the pane's first look
 * at the workbook (two), five in all; more only for tables past the bytes one
 * response may carry (tests/workbench/runPlan.test.ts counts them).
 */

export interface PlanSession {
  readTables(): Promise<TableData[]>;
  /**
   * Writes the results and the months on the scenario's own sheets (replaced,
   * or new), with the planner's links when they changed, and returns the
   * sheets' names.
   */
  writeResults(
    result: ScenarioResult,
    checks: Triangulation,
    links?: PlanLinks,
    star?: readonly StarRow[],
    about?: readonly (readonly [string, string])[],
    /** The short fingerprint of the version the run stores, for the months sheet. */
    version?: string,
  ): Promise<{ sheet: string; monthsSheet: string }>;
  saveScenario(input: ScenarioInput): Promise<"saved" | "unchanged">;
}

/** What to do with a scenario's sheet that the planner edited since wfplan wrote it. */
export type EditedSheetChoice = "replace" | "keep" | "cancel";

/** Thrown when the planner cancels: nothing was written. */
export class RunCancelled extends Error {
  constructor(message = "Nothing was written: the run was cancelled.") {
    super(message);
    this.name = "RunCancelled";
  }
}

export interface SessionOptions {
  /** The scenario's name, to read its own sheet with the tables. */
  scenario: string;
  /** Asked when the scenario's sheet was edited since wfplan wrote it; without it, the planner's copy is kept. */
  onEdited?: (sheet: string) => Promise<EditedSheetChoice>;
}

/**
 * Runs `body` with a session over the workbook, `view` being the pane's first
 * look at it and `tables` the linked ones. After the body, `view` (the
 * session's second argument) is the view as the run left the workbook, for
 * the next run to start from.
 */
export async function planSession<T>(
  view: WorkbookView,
  tables: readonly TableSummary[],
  options: SessionOptions,
  body: (session: PlanSession) => Promise<T>,
): Promise<{ value: T; view: WorkbookView }> {
  return Excel.run(async (context) => {
    // What the pane knew was there; a read of something gone since fails the sync, and is made again without it.
    let knows = { store: view.storeExists, links: Boolean(view.links), outputs: Boolean(view.outputs) };
    let after: WorkbookView = { ...view };
    let taken!: ReturnType<typeof queueTakenNames>;
    let storeIndex: (() => StoreIndex) | undefined;
    let store!: Excel.Worksheet;
    let index: StoreIndex | undefined;
    let newest: (() => string) | undefined;
    let linkSheet!: Excel.Worksheet;
    let storedLinks: (() => StoredLinks) | undefined;
    let outputsSheet!: Excel.Worksheet;
    let register: (() => OutputRegister) | undefined;
    // The scenario's own sheets, by their key on the register: its results, and its months.
    const own = [
      { key: options.scenario, wanted: outputSheetName(options.scenario) },
      { key: monthsKey(options.scenario), wanted: monthsSheetName(options.scenario) },
    ];
    const sheetNow = new Map<string, () => Promise<OutputSheetNow>>();
    const ownRecord = (records: OutputRegister | undefined, key: string) =>
      records?.records.find((r) => r.scenario.toLowerCase() === key.toLowerCase());

    const session: PlanSession = {
      async readTables() {
        for (;;) {
          const queued = queueTableReads(context, tables);
          taken = queueTakenNames(context);
          storeIndex = knows.store ? queueStoreIndex(context) : undefined;
          // Whether each of wfplan's sheets is there now: a run since the pane looked may have made one.
          store = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
          linkSheet = context.workbook.worksheets.getItemOrNullObject(LINK_SHEET);
          outputsSheet = context.workbook.worksheets.getItemOrNullObject(OUTPUTS_SHEET);
          storedLinks = knows.links ? queueStoredLinks(context) : undefined;
          register = knows.outputs ? queueOutputRegister(context) : undefined;
          sheetNow.clear();
          for (const { key } of own) {
            const record = knows.outputs ? ownRecord(view.outputs, key) : undefined;
            if (record) sheetNow.set(key, queueOutputSheet(context, record.sheet));
          }
          try {
            await context.sync();
          } catch (error) {
            // Something the pane knew of was deleted since: read again without any of it (writing reads what is there).
            if (!(knows.store || knows.links || knows.outputs) || (error as { code?: string }).code !== "ItemNotFound") throw error;
            knows = { store: false, links: false, outputs: false };
            continue;
          }
          return queued.read();
        }
      },

      async writeResults(result, checks, links, star, about, version) {
        // wfplan's sheets made since the pane looked (or read again after a deletion): read now, one sync, only then.
        const lateLinks = links && !linkSheet.isNullObject && !storedLinks;
        const lateRegister = !outputsSheet.isNullObject && !register;
        if (lateLinks) storedLinks = queueStoredLinks(context);
        if (lateRegister) register = queueOutputRegister(context);
        if (lateLinks || lateRegister) await context.sync();
        const registerNow = outputsSheet.isNullObject ? undefined : register!();
        // An own sheet the pane did not know of (made by a run since it looked): its cells read now, in one sync for both.
        let late = false;
        for (const { key } of own) {
          const record = ownRecord(registerNow, key);
          if (record && !sheetNow.has(key) && taken().sheets.some((name) => name.toLowerCase() === record.sheet.toLowerCase())) {
            sheetNow.set(key, queueOutputSheet(context, record.sheet));
            late = true;
          }
        }
        if (late) await context.sync();
        // Where each goes, asking the planner about each they edited; the months avoid the name the results take.
        const sheetNames = [...taken().sheets];
        const targets: OutputTarget[] = [];
        for (const { key, wanted } of own) {
          const record = ownRecord(registerNow, key);
          const read = record && sheetNow.get(key);
          const now = read ? await read() : undefined;
          let keep = false;
          if (wasEdited(key, registerNow, now)) {
            const choice = options.onEdited ? await options.onEdited(record!.sheet) : "keep";
            if (choice === "cancel") throw new RunCancelled();
            keep = choice === "keep";
          }
          const target = outputTarget(key, registerNow, sheetNames, now, keep, wanted);
          sheetNames.push(target.name, ...(target.kind === "replace" && target.keepAs ? [target.keepAs] : []));
          targets.push(target);
        }
        const [resultsTarget, monthsTarget] = targets as [OutputTarget, OutputTarget];
        // Everything the run will write, checked before any of it is: the results, the months, the register, the links and the store.
        const needs = ownSheetNeeds(targets, outputsSheet.isNullObject);
        (store.isNullObject ? needs.adds : needs.writes).push(STORE_SHEET);
        if (links) (linkSheet.isNullObject ? needs.adds : needs.writes).push(LINK_SHEET);
        assertCanWrite(taken().protection, { what: `running "${options.scenario}"`, ...needs });
        // The results first (their sheet is the one shown, its charts named first), then the months.
        const written = queueScenarioResults(context, result, checks, taken(), resultsTarget, star, about);
        const months = queueMonthsSheet(
          context,
          result,
          monthlySubmission(result),
          monthsTarget,
          {
            ...taken(),
            // The results' table, added in this same batch, is taken too.
            tablesAndNames: [...taken().tablesAndNames, written.table],
          },
          version,
        );
        const entries: RegisterEntry[] = [
          { key: options.scenario, sheet: written.sheet, fingerprint: written.fingerprint },
          { key: monthsKey(options.scenario), sheet: months.sheet, fingerprint: months.fingerprint },
        ];
        queueRegisterOutputs(context, registerNow, entries);
        // Links ride on this sync: stored as a new row when they changed.
        const linksBefore = storedLinks && !linkSheet.isNullObject ? storedLinks() : undefined;
        if (links && (linkSheet.isNullObject || linksBefore)) queueSaveLinks(context, links, linksBefore);
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
        after = {
          ...after,
          links: links ? afterSave(links, linkSheet.isNullObject ? undefined : linksBefore) : after.links,
          outputs: afterRegistering(registerNow, entries),
        };
        return { sheet: written.sheet, monthsSheet: months.sheet };
      },

      // `newest` was read for the results' scenario, which is this one.
      async saveScenario(input) {
        const saved = await saveInContext(context, input, index, newest);
        after = { ...after, storeExists: true };
        return saved;
      },
    };
    const value = await body(session);
    return { value, view: after };
  });
}

/** The stored links as they are after a save (a new row when they changed). */
function afterSave(links: PlanLinks, before: StoredLinks | undefined): StoredLinks {
  const json = linksJson(links);
  if (before?.json === json) return before;
  return { links, json, problems: before?.problems ?? [], nextRow: Math.max(1, before?.nextRow ?? 1) + 1 };
}
