import { queueAppendRows } from "./appendRows.ts";
import { assertCanWrite } from "./protection.ts";
import { asText } from "./cellText.ts";
import { cleanSheetName, SHEET_NAME_LIMIT } from "../../src/excelNames.ts";
import { freeSheetName, queueTakenNames } from "./names.ts";

/*
 * wfplan's own output sheets: one per scenario, named after it, listed in a
 * register on a very hidden sheet with a fingerprint of the values wfplan
 * wrote there. A re-run replaces its sheet's contents; if the values on the
 * sheet no longer match the fingerprint, the planner edited it, and the pane
 * asks before replacing (or keeps their copy under another name). A sheet
 * wfplan did not write is never written over: a scenario whose name is taken
 * by the planner's own sheet gets a free name.
 *
 * The fingerprint of what was written is worked out from the values queued,
 * not read back, so replacing a sheet costs no sync of its own.
 */

export const OUTPUTS_SHEET = "wfplan_outputs";
const HEADER = ["Scenario", "Sheet", "Fingerprint", "Written at"];

export interface OutputRecord {
  scenario: string;
  sheet: string;
  fingerprint: string;
  /** Its row on the register, 0-based. */
  row: number;
}

export interface OutputRegister {
  records: OutputRecord[];
  nextRow: number;
}

/** The sheet a scenario's results are written to: "WFP " and its name, without the characters Excel refuses, in 31 characters. */
export function outputSheetName(scenario: string): string {
  return cleanSheetName(`WFP ${scenario}`);
}

/** The register's key of a scenario's months sheet (the results sheet's key is the scenario's name). */
export const monthsKey = (scenario: string) => `wfplan:months:${scenario}`;

const BY_MONTH = " by month";

/** The sheet a scenario's months are written to: its results sheet's name, cut to leave room for " by month". */
export function monthsSheetName(scenario: string): string {
  return `${cleanSheetName(`WFP ${scenario}`, SHEET_NAME_LIMIT - BY_MONTH.length)}${BY_MONTH}`;
}

/** The name an edited copy is kept under: the sheet's name cut to leave room for " (edited)", and a number when that is taken. */
export function editedCopyName(sheet: string, taken: readonly string[]): string {
  return freeSheetName(sheet, taken, " (edited)");
}

/** Queues a read of the register, for a sync the caller makes anyway. */
export function queueOutputRegister(context: Excel.RequestContext): () => OutputRegister {
  const used = context.workbook.worksheets.getItem(OUTPUTS_SHEET).getUsedRangeOrNullObject(true).load("values, rowIndex, columnIndex");
  return () => {
    if (used.isNullObject) return { records: [], nextRow: 1 };
    const at = (cells: readonly unknown[], column: number) => String(cells[column - used.columnIndex] ?? "");
    const records = used.values.flatMap((cells, i): OutputRecord[] => {
      const row = used.rowIndex + i;
      const scenario = at(cells, 0);
      if (row === 0 || scenario === "") return [];
      return [{ scenario, sheet: at(cells, 1), fingerprint: at(cells, 2), row }];
    });
    return { records, nextRow: used.rowIndex + used.values.length };
  };
}

/**
 * A value as it reads back from a cell: text without the apostrophe that kept
 * it text, numbers to 12 significant digits. A host keeps 15 digits and may
 * round the last one its own way (2.91411291953924 was read back as
 * ...923), which must not look like the planner's edit.
 */
function readBack(value: unknown): string {
  if (typeof value === "number") return `n${Number(value.toPrecision(12))}`;
  if (typeof value === "boolean") return `b${value}`;
  const text = String(value ?? "");
  return `s${text.startsWith("'") ? text.slice(1) : text}`;
}

/** A block of values written at (top, left), 0-based. */
export interface WrittenBlock {
  top: number;
  left: number;
  values: readonly (readonly unknown[])[];
}

/**
 * A fingerprint of a sheet's values: every non-blank cell with its place, in
 * row and column order, hashed (FNV-1a, 32 bits, twice with different seeds).
 * Blocks written later win over earlier ones where they overlap.
 */
export function valuesFingerprint(blocks: readonly WrittenBlock[]): string {
  const cells = new Map<string, [number, number, string]>();
  for (const { top, left, values } of blocks) {
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = `${top + r},${left + c}`;
        if (value === "" || value === null || value === undefined) cells.delete(key);
        else cells.set(key, [top + r, left + c, readBack(value)]);
      }),
    );
  }
  const text = [...cells.values()]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([r, c, v]) => `${r},${c}=${v}`)
    .join("\u0001");
  return `${fnv(text, 0x811c9dc5)}${fnv(text, 0x01000193)}`;
}

function fnv(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** What is on a registered output sheet now: its values' fingerprint and the tables and charts to remove before rewriting it. */
export interface OutputSheetNow {
  fingerprint: string;
  tables: string[];
  charts: string[];
}

/**
 * The cells of an output sheet read back in one sync: a box at the top left
 * of 200,000 cells (4,000 rows of 50 columns, wider than any of wfplan's
 * sheets), some 3 MB of its short figures and names, inside Excel on the
 * web's 5 MB response.
 */
export const READ_BACK_BOX = { rows: 4_000, columns: 50 };

/**
 * Queues reads of an output sheet's values, tables and charts; the sync fails
 * with ItemNotFound if the sheet was deleted. What it gives reads the rest of
 * a sheet larger than READ_BACK_BOX, a box a sync (an ICS summary of many
 * trusts); any other sheet needs no more syncs.
 */
export function queueOutputSheet(context: Excel.RequestContext, name: string): () => Promise<OutputSheetNow> {
  const sheet = context.workbook.worksheets.getItem(name);
  const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex, columnIndex, rowCount, columnCount");
  // A box is cut at the grid's edge (1,048,576 rows by 16,384 columns): Excel refuses a range beyond it.
  const box = (top: number, left: number) =>
    sheet
      .getRangeByIndexes(top, left, Math.min(READ_BACK_BOX.rows, 1_048_576 - top), Math.min(READ_BACK_BOX.columns, 16_384 - left))
      .getUsedRangeOrNullObject(true)
      .load("values, rowIndex, columnIndex");
  const first = box(0, 0);
  const tables = sheet.tables.load("items/name");
  const charts = sheet.charts.load("items/name");
  return async () => {
    const blocks: WrittenBlock[] = [];
    const add = (read: Excel.Range) => {
      if (!read.isNullObject) blocks.push({ top: read.rowIndex, left: read.columnIndex, values: read.values });
    };
    add(first);
    if (!used.isNullObject) {
      const bottom = used.rowIndex + used.rowCount;
      const right = used.columnIndex + used.columnCount;
      for (let top = 0; top < bottom; top += READ_BACK_BOX.rows)
        for (let left = 0; left < right; left += READ_BACK_BOX.columns) {
          if (top === 0 && left === 0) continue;
          const next = box(top, left);
          await context.sync();
          add(next);
        }
    }
    return { fingerprint: valuesFingerprint(blocks), tables: tables.items.map((t) => t.name), charts: charts.items.map((c) => c.name) };
  };
}

/** Where a run writes: a sheet to add, or wfplan's own sheet to clear and rewrite. */
export type OutputTarget = { kind: "add"; name: string } | { kind: "replace"; name: string; now: OutputSheetNow; keepAs?: string };

/**
 * Where a scenario's results go, given the register, the sheet names taken
 * and what is on its registered sheet now: its own sheet when it has one
 * (replaced, or, when edited and the planner keeps their copy, renamed out of
 * the way first), otherwise a new sheet under a free name.
 */
export function outputTarget(
  scenario: string,
  register: OutputRegister | undefined,
  sheets: readonly string[],
  now: OutputSheetNow | undefined,
  keepEdited: boolean,
  /** The sheet's name when new; by default "WFP " and the scenario's name. */
  wanted = outputSheetName(scenario),
): OutputTarget {
  const record = register?.records.find((r) => r.scenario.toLowerCase() === scenario.toLowerCase());
  if (record && now) {
    if (keepEdited && now.fingerprint !== record.fingerprint) {
      return { kind: "replace", name: record.sheet, now, keepAs: editedCopyName(record.sheet, sheets) };
    }
    return { kind: "replace", name: record.sheet, now };
  }
  return { kind: "add", name: freeSheetName(wanted, sheets) };
}

/** Whether the registered sheet's values differ from what wfplan last wrote there. */
export function wasEdited(scenario: string, register: OutputRegister | undefined, now: OutputSheetNow | undefined): boolean {
  const record = register?.records.find((r) => r.scenario.toLowerCase() === scenario.toLowerCase());
  return Boolean(record && now && now.fingerprint !== record.fingerprint);
}

/** A sheet to register: its key (a scenario's name, or another of wfplan's keys), its name and the fingerprint of what was written. */
export interface RegisterEntry {
  key: string;
  sheet: string;
  fingerprint: string;
}

/** Queues the register's row for a scenario's sheet and fingerprint: its own row rewritten, or a new one; the sheet made if needed. */
export function queueRegisterOutput(
  context: Excel.RequestContext,
  register: OutputRegister | undefined,
  scenario: string,
  sheet: string,
  fingerprint: string,
  writtenAt = new Date().toISOString(),
): void {
  queueRegisterOutputs(context, register, [{ key: scenario, sheet, fingerprint }], writtenAt);
}

/** Queues the register's rows for several sheets written in one sync: each key's own row rewritten, the new ones inserted together. */
export function queueRegisterOutputs(
  context: Excel.RequestContext,
  register: OutputRegister | undefined,
  entries: readonly RegisterEntry[],
  writtenAt = new Date().toISOString(),
): void {
  let store: Excel.Worksheet;
  if (!register) {
    store = context.workbook.worksheets.add(OUTPUTS_SHEET);
    store.getRange("A1:D1").values = [HEADER];
    store.visibility = "VeryHidden";
  } else store = context.workbook.worksheets.getItem(OUTPUTS_SHEET);
  const added: string[][] = [];
  for (const { key, sheet, fingerprint } of entries) {
    const record = register?.records.find((r) => r.scenario.toLowerCase() === key.toLowerCase());
    const line = [asText(key), asText(sheet), asText(fingerprint), asText(writtenAt)];
    if (record) store.getRangeByIndexes(record.row, 0, 1, 4).values = [line];
    else added.push(line);
  }
  // New rows are inserted, so two panes registering two scenarios at once both stay.
  queueAppendRows(store, Math.max(1, register?.nextRow ?? 1), added);
}

/** The register as it is once `entries` are registered: each key's row rewritten, or added at the end. */
export function afterRegistering(register: OutputRegister | undefined, entries: readonly RegisterEntry[]): OutputRegister {
  let records = register?.records ?? [];
  let nextRow = Math.max(1, register?.nextRow ?? 1);
  for (const { key, sheet, fingerprint } of entries) {
    const own = records.find((r) => r.scenario.toLowerCase() === key.toLowerCase());
    if (own) records = records.map((r) => (r === own ? { ...r, sheet, fingerprint } : r));
    else records = [...records, { scenario: key, sheet, fingerprint, row: nextRow++ }];
  }
  return { records, nextRow };
}

/**
 * Queues the opening of `target` for writing: a new sheet; wfplan's own
 * sheet with its charts, tables and cells removed; or, when the planner keeps
 * their edited copy, that copy renamed out of the way and a new sheet in its
 * place. Gives the sheet and the names of the tables it freed.
 */
export function queueOpenTarget(context: Excel.RequestContext, target: OutputTarget): { sheet: Excel.Worksheet; freedTables: string[] } {
  const sheets = context.workbook.worksheets;
  if (target.kind === "replace" && target.keepAs) {
    sheets.getItem(target.name).name = target.keepAs;
    return { sheet: sheets.add(target.name), freedTables: [] };
  }
  if (target.kind === "add") return { sheet: sheets.add(target.name), freedTables: [] };
  const sheet = sheets.getItem(target.name);
  for (const chart of target.now.charts) sheet.charts.getItem(chart).delete();
  for (const table of target.now.tables) context.workbook.tables.getItem(table).delete();
  sheet.getUsedRange().clear();
  return { sheet, freedTables: target.now.tables };
}

/**
 * Follows a scenario's rename: its register rows (its results and its
 * months) take the new name, and each sheet is renamed to match when that
 * name is free ("WFP Base case" to "WFP Baseline"); a sheet the planner
 * renamed themselves keeps their name. Three syncs at most; none is written
 * when the scenario has no sheet. Gives the results sheet's name.
 */
export async function renameOutput(from: string, to: string): Promise<string | undefined> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    if (!sheets.items.some((s) => s.name.toLowerCase() === OUTPUTS_SHEET)) return undefined;
    const register = queueOutputRegister(context);
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const renamed: Record<string, string> = {};
    const own = [
      { from, to, was: outputSheetName(from), wanted: outputSheetName(to) },
      { from: monthsKey(from), to: monthsKey(to), was: monthsSheetName(from), wanted: monthsSheetName(to) },
    ];
    for (const { from: key, to: newKey, was, wanted } of own) {
      const record = register().records.find((r) => r.scenario.toLowerCase() === key.toLowerCase());
      if (!record || !names.includes(record.sheet)) continue;
      const ownName = record.sheet === was;
      const free = !names.some((n) => n.toLowerCase() === wanted.toLowerCase() && n !== record.sheet);
      const sheet = ownName && free ? wanted : record.sheet;
      if (sheet !== record.sheet) {
        context.workbook.worksheets.getItem(record.sheet).name = sheet;
        names.push(sheet);
      }
      context.workbook.worksheets.getItem(OUTPUTS_SHEET).getRangeByIndexes(record.row, 0, 1, 2).values = [[asText(newKey), asText(sheet)]];
      renamed[key] = sheet;
    }
    if (!Object.keys(renamed).length) return undefined;
    await context.sync();
    return renamed[from];
  });
}

/**
 * Opens wfplan's own sheet for a summary registered under `key` (the Board
 * summary, the ICS summary): the sheet it wrote before, cleared of its
 * charts, tables and cells, or a new one named `name`. If the planner edited
 * the old one, it is kept under another name and a new sheet takes its place:
 * a board may have annotated it. Two or three syncs.
 */
export async function openOwnSheet(
  context: Excel.RequestContext,
  key: string,
  name: string,
): Promise<{ sheet: Excel.Worksheet; target: OutputTarget; registered: OutputRegister | undefined }> {
  const taken = queueTakenNames(context);
  const outputs = context.workbook.worksheets.getItemOrNullObject(OUTPUTS_SHEET);
  await context.sync();
  const register = outputs.isNullObject ? undefined : queueOutputRegister(context);
  if (register) await context.sync();
  const registered = register?.();
  const record = registered?.records.find((r) => r.scenario === key);
  let now;
  if (record && taken().sheets.some((s) => s.toLowerCase() === record.sheet.toLowerCase())) {
    const queued = queueOutputSheet(context, record.sheet);
    await context.sync();
    now = await queued();
  }
  const keep = wasEdited(key, registered, now);
  const target = outputTarget(key, registered, taken().sheets, now, keep, name);
  assertCanWrite(taken().protection, { what: `writing "${name}"`, ...ownSheetNeeds(target, outputs.isNullObject) });
  return { sheet: queueOpenTarget(context, target).sheet, target, registered };
}

/** The sheets writing to `targets` adds and writes on, with the register of output sheets. */
export function ownSheetNeeds(
  targets: OutputTarget | readonly OutputTarget[],
  registerMissing: boolean,
): { adds: string[]; writes: string[] } {
  const adds: string[] = [];
  const writes: string[] = [];
  // A kept copy is a rename, and the results a new sheet: both change the structure.
  for (const target of [targets].flat()) {
    if (target.kind === "add" || target.keepAs) adds.push(target.name);
    else writes.push(target.name);
  }
  (registerMissing ? adds : writes).push(OUTPUTS_SHEET);
  return { adds, writes };
}
