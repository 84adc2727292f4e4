import { queueAppendRows } from "./appendRows.ts";
import { assertCanWrite, queueProtection } from "./protection.ts";
import {
  holdsScenario,
  reviewJson,
  reviewProblem,
  type Review,
  versionJson,
  latestVersions,
  nameKey,
  namesInUse,
  partCount,
  readStoredRow,
  storedScenarios,
  storeMetaRows,
  STORE_HEADER,
  STORE_SCHEMA,
  STORE_SHEET,
  type SavedScenario,
  type ScenarioInput,
  type StoreMeta,
} from "../../src/index.ts";
import { asText } from "./cellText.ts";
import { renameOutput } from "./outputSheets.ts";

/*
 * Scenarios live in the workbook, on a very hidden sheet (users cannot unhide
 * it from Excel's menus), one row a version: name, when saved, how many parts,
 * and the scenario as JSON split into cells of at most 30,000 characters
 * (Excel holds 32,767). The JSON is {"wfplanScenario": 2, "scenario": {...}};
 * a bare scenario object is the first format (schema 1) and is read as it is.
 *
 * Promises (tests/workbench/scenarioStore.test.ts): every stored row is
 * listed, usable or kept and reported, never dropped and never overwritten;
 * the store is found wherever its rows start (Excel's used range starts at
 * the first used cell); a scenario is saved once per version, not once per
 * run; rows are read in blocks that keep each response under Excel on the
 * web's 5 MB; a character is never split across two cells.
 */

export { latestVersions, nameKey, namesInUse, STORE_SCHEMA, STORE_SHEET, type SavedScenario };
const CHUNK = 30_000;
const HEADER = STORE_HEADER;
/** JSON parts read in one sync: 40 x 30,000 characters stays under 4 MB in the response even escaped. */
const PARTS_PER_BLOCK = 40;
type Meta = StoreMeta;

/** Splits JSON into cells without cutting a character that takes two UTF-16 units. */
export function chunks(json: string, size = CHUNK): string[] {
  const parts: string[] = [];
  for (let start = 0; start < json.length;) {
    let end = Math.min(json.length, start + size);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(json.slice(start, end));
    start = end;
  }
  return parts.length ? parts : [""];
}

/** Rows of names, times and counts read in one sync: even cells of 32,767 characters stay under 4 MB. */
const META_ROWS_PER_BLOCK = 40;

/** Where the store's rows are: its names, times and part counts, and the first free row. */
export interface StoreIndex {
  rows: Meta[];
  nextRow: number;
}

/** The store's rows (name, saved at, parts) wherever they start on the sheet, in blocks of 40 rows: the careful reader. */
async function readMeta(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<StoreIndex> {
  const used = sheet.getRange("A:C").getUsedRangeOrNullObject(true).load("rowIndex, rowCount");
  const all = sheet.getUsedRangeOrNullObject(true).load("rowIndex, rowCount");
  await context.sync();
  const nextRow = all.isNullObject ? 0 : all.rowIndex + all.rowCount;
  if (used.isNullObject) return { rows: [], nextRow };
  const blocks: { top: number; range: Excel.Range }[] = [];
  for (let top = used.rowIndex; top < used.rowIndex + used.rowCount; top += META_ROWS_PER_BLOCK) {
    const count = Math.min(META_ROWS_PER_BLOCK, used.rowIndex + used.rowCount - top);
    blocks.push({ top, range: sheet.getRangeByIndexes(top, 0, count, 3).load("values") });
    // One sync a block of 40 rows: a store of fewer rows (every store in practice) is read in one.
    await context.sync();
  }
  const rows = blocks.flatMap(({ top, range }) => storeMetaRows(range.values, top));
  return { rows, nextRow: Math.max(used.rowIndex + used.rowCount, nextRow) };
}

/**
 * Queues a read of the store's index in one go, to ride on a sync the caller
 * makes anyway; after it, `index()` gives the rows. A store whose first three
 * columns pass the response limit (cells of 32,767 characters) makes that
 * sync fail with ResponsePayloadSizeLimitExceeded: read it with readMeta.
 */
export function queueStoreIndex(context: Excel.RequestContext): () => StoreIndex {
  const sheet = context.workbook.worksheets.getItem(STORE_SHEET);
  const used = sheet.getRange("A:C").getUsedRangeOrNullObject(true).load("values, rowIndex, rowCount");
  const all = sheet.getUsedRangeOrNullObject(true).load("rowIndex, rowCount");
  return () => {
    const nextRow = all.isNullObject ? 0 : all.rowIndex + all.rowCount;
    if (used.isNullObject) return { rows: [], nextRow };
    return { rows: storeMetaRows(used.values, used.rowIndex), nextRow: Math.max(used.rowIndex + used.rowCount, nextRow) };
  };
}

/**
 * Queues a read of the whole store (index and JSON), for the pane's first
 * look at a workbook; after the sync, `saved()` lists every row.
 */
export function queueWholeStore(context: Excel.RequestContext): () => SavedScenario[] {
  const used = context.workbook.worksheets.getItem(STORE_SHEET).getUsedRangeOrNullObject(true).load("values, rowIndex, columnIndex");
  return () => {
    if (used.isNullObject) return [];
    // Cells by the sheet's columns, wherever the used range starts.
    const values = used.values.map((cells) => [...new Array<unknown>(used.columnIndex).fill(""), ...cells]);
    return storedScenarios(values, used.rowIndex);
  };
}

/** The JSON of each row, read in blocks of rows whose parts keep each response bounded. */
async function readJson(context: Excel.RequestContext, sheet: Excel.Worksheet, rows: readonly Meta[]): Promise<Map<number, string>> {
  const json = new Map<number, string>();
  let block: Meta[] = [];
  const flush = async () => {
    if (!block.length) return;
    const ranges = block.map((meta) => {
      const parts = partCount(meta);
      return { meta, range: sheet.getRangeByIndexes(meta.row, 3, 1, parts).load("values") };
    });
    await context.sync();
    for (const { meta, range } of ranges) json.set(meta.row, range.values[0]!.map(String).join(""));
    block = [];
  };
  let parts = 0;
  for (const meta of rows) {
    const size = partCount(meta);
    if (parts + size > PARTS_PER_BLOCK) {
      await flush();
      parts = 0;
    }
    block.push(meta);
    parts += size;
  }
  await flush();
  return json;
}

/** Every stored row, oldest first: each usable, or kept and reported with why not. */
export async function listSavedScenarios(): Promise<SavedScenario[]> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    await context.sync();
    if (sheet.isNullObject) return [];
    const { rows } = await readMeta(context, sheet);
    const json = await readJson(context, sheet, rows);
    return rows.map((meta) => readStoredRow(meta, json.get(meta.row)));
  });
}

/** Refuses a name that is blank or taken by another scenario (case and spaces aside), saying which. */
export function checkNewName(name: string, saved: readonly SavedScenario[], except?: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new Error("Give the scenario a name.");
  const taken = namesInUse(saved).find((n) => nameKey(n) === nameKey(trimmed) && (except === undefined || nameKey(n) !== nameKey(except)));
  if (taken) throw new Error(`A scenario named "${taken}" is already saved in this workbook: choose another name.`);
  return trimmed;
}

type StoreChange = { name: string; scenario?: ScenarioInput; deleted?: true; review?: Review };

/** Appends rows to the store (never writing over one): each a scenario's new version or a deletion. Two syncs. */
async function appendRows(changes: readonly StoreChange[], savedAt = new Date().toISOString()): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    const protection = queueProtection(context, context.workbook.worksheets);
    await context.sync();
    assertCanWrite(protection(), { what: "changing the saved scenarios", [sheet.isNullObject ? "adds" : "writes"]: [STORE_SHEET] });
    let store: Excel.Worksheet;
    let row = 1;
    if (sheet.isNullObject) {
      store = context.workbook.worksheets.add(STORE_SHEET);
      store.getRange("A1:D1").values = [HEADER];
      store.visibility = "VeryHidden";
    } else {
      store = sheet;
      row = Math.max(1, (await readMeta(context, sheet)).nextRow);
    }
    const rows = changes.map((change) => {
      const json = change.review
        ? reviewJson(change.review)
        : change.deleted
          ? JSON.stringify({ wfplanScenario: STORE_SCHEMA, deleted: true })
          : versionJson(change.scenario!);
      const parts = chunks(json).map(asText);
      return [asText(change.name), asText(savedAt), parts.length, ...parts];
    });
    queueAppendRows(store, row, rows);
    await context.sync();
  });
}

/** Saves a copy of a scenario under a new name, refused if the name is taken. */
export async function duplicateScenario(from: SavedScenario, name: string, saved: readonly SavedScenario[]): Promise<string> {
  const chosen = checkNewName(name, saved);
  await appendRows([{ name: chosen, scenario: { ...from.input!, name: chosen } }]);
  return chosen;
}

/** Renames a scenario: its newest version under the new name, and a row saying the old name is gone. Older rows are kept as they are. */
export async function renameScenario(from: SavedScenario, name: string, saved: readonly SavedScenario[]): Promise<string> {
  const chosen = checkNewName(name, saved, from.name);
  const changes: StoreChange[] = [{ name: chosen, scenario: { ...from.input!, name: chosen } }];
  if (nameKey(chosen) !== nameKey(from.name)) changes.push({ name: from.name, deleted: true });
  await appendRows(changes);
  // Its results sheet follows: the register's row, and the sheet's name where it is still wfplan's own.
  await renameOutput(from.name, chosen);
  return chosen;
}

/** Deletes a scenario from the list: a row saying so, with every earlier version kept on the store sheet. */
export async function deleteScenario(from: SavedScenario): Promise<void> {
  await appendRows([{ name: from.name, deleted: true }]);
}

/**
 * Stores a scenario: a new row when it is new or changed since its newest
 * stored version, nothing when it is unchanged. Never writes over a row.
 */
export async function saveScenario(input: ScenarioInput, savedAt = new Date().toISOString()): Promise<"saved" | "unchanged"> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    const protection = queueProtection(context, context.workbook.worksheets);
    await context.sync();
    assertCanWrite(protection(), { what: `saving "${input.name}"`, [sheet.isNullObject ? "adds" : "writes"]: [STORE_SHEET] });
    const index = sheet.isNullObject ? undefined : await readMeta(context, sheet);
    const stored = queueNewestVersion(context, index, input.name);
    if (stored) await context.sync();
    return saveInContext(context, input, index, stored, savedAt);
  });
}

/**
 * Queues a read of the JSON of the newest stored version of `name`, if any,
 * so saving can tell a changed scenario from an unchanged one; after the
 * sync, the function it returns gives the JSON.
 */
export function queueNewestVersion(context: Excel.RequestContext, index: StoreIndex | undefined, name: string): (() => string) | undefined {
  // The newest few rows of the name: a change of status is a row of its own, and the version is the newest row that is not one.
  const same = index?.rows.filter((m) => m.name === name).slice(-NEWEST_ROWS_READ);
  if (!same?.length) return undefined;
  const sheet = context.workbook.worksheets.getItem(STORE_SHEET);
  const ranges = same.map((meta) => sheet.getRangeByIndexes(meta.row, 3, 1, partCount(meta)).load("values"));
  return () => {
    const rows = ranges.map((range) => range.values[0]!.map(String).join(""));
    return rows.reverse().find((json) => !isReviewJson(json)) ?? "";
  };
}

/** How many of a name's newest rows a save reads to find its newest version among changes of status. */
const NEWEST_ROWS_READ = 5;

const isReviewJson = (json: string) => json.startsWith(`{"wfplanScenario":${STORE_SCHEMA},"review":`);

/** Records a change of a saved version's status: a row of its own, with who and why; nothing written over. */
export async function reviewScenario(version: SavedScenario, review: Omit<Review, "version">): Promise<void> {
  const problem = reviewProblem({ ...review, version: version.fingerprint ?? "" });
  if (problem) throw new Error(`"${version.name}" cannot be marked ${review.status}: ${problem}.`);
  await appendRows([{ name: version.name, review: { ...review, version: version.fingerprint! } }]);
}

/**
 * Stores a scenario given the store's index (undefined: there is no store
 * yet) and its newest version's JSON, read on an earlier sync: one sync,
 * none when the scenario is unchanged.
 */
export async function saveInContext(
  context: Excel.RequestContext,
  input: ScenarioInput,
  index: StoreIndex | undefined,
  newestVersion: (() => string) | undefined,
  savedAt = new Date().toISOString(),
): Promise<"saved" | "unchanged"> {
  const json = versionJson(input);
  if (newestVersion && holdsScenario(newestVersion(), input)) return "unchanged";
  const parts = chunks(json).map(asText);
  const row = [asText(input.name), asText(savedAt), parts.length, ...parts];
  if (!index) {
    const sheet = context.workbook.worksheets.add(STORE_SHEET);
    sheet.getRange("A1:D1").values = [HEADER];
    sheet.visibility = "VeryHidden";
    queueAppendRows(sheet, 1, [row]);
    try {
      await context.sync();
      return "saved";
    } catch (error) {
      // Another pane on this workbook (co-authoring) made the store at the same moment: nothing of this batch was written; append to theirs.
      if ((error as { code?: string }).code !== "ItemAlreadyExists") throw error;
      index = await readMeta(context, context.workbook.worksheets.getItem(STORE_SHEET));
    }
  }
  queueAppendRows(context.workbook.worksheets.getItem(STORE_SHEET), Math.max(1, index.nextRow), [row]);
  await context.sync();
  return "saved";
}
