import { sha256 } from "../fingerprint.ts";
import { quoteValue } from "../format.ts";
import { readReview, type Review } from "./review.ts";
import { parseScenario, type ScenarioInput } from "./schema.ts";

/*
 * How scenarios are stored in a workbook, read without Excel: the pane reads
 * its own workbook's store through Office.js, and the system view and the CLI
 * read other trusts' saved .xlsx files; both turn the store's rows into
 * scenarios here, so a row means the same wherever it is read.
 *
 * The store is a very hidden sheet, one row a version: name, when saved, how
 * many parts, and the scenario as JSON split over that many cells. The JSON
 * is {"wfplanScenario": 2, "scenario": {...}}, or {"wfplanScenario": 2,
 * "deleted": true}; a bare scenario object is the first format (schema 1).
 */

export const STORE_SHEET = "wfplan_scenarios";
export const STORE_SCHEMA = 2;
export const STORE_HEADER = ["Scenario", "Saved at", "Parts", "JSON"];

export interface SavedScenario {
  name: string;
  savedAt: string;
  /** The row on the store sheet, 1-based, for messages. */
  row: number;
  /** The format the row was stored in: 1 (bare JSON) or 2. */
  schema: number;
  /** The scenario, when the row could be read and is valid. */
  input?: ScenarioInput;
  /** Why the row cannot be used; the row itself is kept as it is. */
  problem?: string;
  /** A row that says the scenario of this name was deleted (or renamed away) from then on. */
  deleted?: true;
  /** The SHA-256 of its input; checked against the one stored with it. */
  fingerprint?: string;
  /** Saved before versions carried a fingerprint: nothing to check it against. */
  unsealed?: true;
  /** A row recording a change of a version's status (review.ts): no scenario of its own. */
  review?: Review;
}

/** A stored row's first three cells: where it is (0-based row), its name, when it was saved and how many JSON parts follow. */
export interface StoreMeta {
  row: number;
  name: string;
  savedAt: string;
  parts: number;
}

/** The stored rows among a block of the store's first three columns starting at row `top` (0-based), its header excepted. */
export function storeMetaRows(values: readonly (readonly unknown[])[], top: number): StoreMeta[] {
  return values.flatMap((cells, i): StoreMeta[] => {
    const [name = "", savedAt = "", parts = ""] = cells;
    if (name === STORE_HEADER[0] && savedAt === STORE_HEADER[1]) return [];
    if (name === "" && savedAt === "" && parts === "") return [];
    return [{ row: top + i, name: String(name), savedAt: String(savedAt), parts: Number(parts) }];
  });
}

/** How many JSON cells a row has: its count when it is one, else one (and readStoredRow says why the row is not usable). */
export const partCount = (meta: StoreMeta) => (Number.isInteger(meta.parts) && meta.parts > 0 ? meta.parts : 1);

/** The fingerprint of a scenario version: the SHA-256 of its input as stored. */
export const scenarioFingerprint = (input: ScenarioInput) => sha256(JSON.stringify(input));

/** A fingerprint as sheets show it: its first 12 hex digits. */
export const shortFingerprint = (fingerprint: string) => fingerprint.slice(0, 12);

/** The JSON a version is stored as: the format, the scenario, and its fingerprint. */
export function versionJson(input: ScenarioInput): string {
  return JSON.stringify({ wfplanScenario: STORE_SCHEMA, scenario: input, fingerprint: scenarioFingerprint(input) });
}

/** Whether a stored row's JSON holds this very scenario (whatever else the row carries: a fingerprint, or none from before them). */
export function holdsScenario(json: string, input: ScenarioInput): boolean {
  try {
    const stored = JSON.parse(json) as { wfplanScenario?: unknown; scenario?: unknown };
    return JSON.stringify(typeof stored?.wfplanScenario === "number" ? stored.scenario : stored) === JSON.stringify(input);
  } catch {
    return false;
  }
}

/** A stored row read: usable, or kept with the reason it is not. */
export function readStoredRow(meta: StoreMeta, text: string | undefined): SavedScenario {
  const base = { name: meta.name, savedAt: meta.savedAt, row: meta.row + 1, schema: 1 };
  if (!Number.isInteger(meta.parts) || meta.parts < 1)
    return { ...base, problem: `row ${meta.row + 1}: its number of parts ${quoteValue(meta.parts)} is not a count` };
  let stored: unknown;
  try {
    stored = JSON.parse(text ?? "");
  } catch (error) {
    return { ...base, problem: `row ${meta.row + 1}: its JSON cannot be read (${(error as Error).message.slice(0, 120)})` };
  }
  const wrapped = stored as { wfplanScenario?: unknown; scenario?: unknown; deleted?: unknown; fingerprint?: unknown; review?: unknown };
  const schema = typeof wrapped?.wfplanScenario === "number" ? wrapped.wfplanScenario : 1;
  if (schema === STORE_SCHEMA && wrapped.deleted === true) return { ...base, schema, deleted: true };
  if (schema === STORE_SCHEMA && wrapped.review !== undefined) {
    const review = readReview(wrapped.review);
    return "problem" in review
      ? { ...base, schema, problem: `row ${meta.row + 1}: a review that cannot be used: ${review.problem}` }
      : { ...base, schema, review };
  }
  if (schema > STORE_SCHEMA)
    return { ...base, schema, problem: `row ${meta.row + 1}: saved by a newer wfplan (format ${schema}); update wfplan to use it` };
  const input = (schema === 1 ? stored : wrapped.scenario) as ScenarioInput;
  // A row edited by hand since it was saved no longer matches its fingerprint: reported, never trusted silently.
  const fingerprint = scenarioFingerprint(input);
  if (typeof wrapped.fingerprint === "string" && wrapped.fingerprint !== fingerprint)
    return {
      ...base,
      schema,
      problem: `row ${meta.row + 1}: its scenario no longer matches its fingerprint ${shortFingerprint(wrapped.fingerprint)}: it was changed since it was saved, so it is not used (the row is kept as it is)`,
    };
  try {
    parseScenario(input);
  } catch (error) {
    return { ...base, schema, problem: `row ${meta.row + 1}: ${(error as Error).message.slice(0, 400)}` };
  }
  return { ...base, schema, input, fingerprint, ...(typeof wrapped.fingerprint === "string" ? {} : { unsealed: true as const }) };
}

/** Every stored row of a store sheet's cells (rows from `top`, columns from A), oldest first. */
export function storedScenarios(values: readonly (readonly unknown[])[], top = 0): SavedScenario[] {
  return storeMetaRows(values, top).map((meta) => {
    const cells = values[meta.row - top]!;
    const json = Array.from({ length: partCount(meta) }, (_, i) => String(cells[3 + i] ?? "")).join("");
    return readStoredRow(meta, json);
  });
}

/** A scenario's name as names are compared: case and surrounding spaces do not matter, as in Excel. */
export const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * The newest usable version of each name, and every row that cannot be used:
 * what Compare offers. A name whose newest row says it was deleted is gone.
 */
export function latestVersions(saved: readonly SavedScenario[]): SavedScenario[] {
  const latest = new Map<string, SavedScenario>();
  for (const row of saved) {
    if (!row.input && !row.deleted) continue;
    const key = nameKey(row.name);
    const known = latest.get(key);
    if (!known || row.savedAt >= known.savedAt) latest.set(key, row);
  }
  // The rows that cannot be used are listed too, with why; a review row is not a version.
  return saved.filter((row) => row.problem !== undefined || (row.input && latest.get(nameKey(row.name)) === row));
}

/** The names in use: each scenario whose newest row is not a deletion. */
export function namesInUse(saved: readonly SavedScenario[]): string[] {
  return latestVersions(saved).flatMap((row) => (row.input ? [row.name] : []));
}
