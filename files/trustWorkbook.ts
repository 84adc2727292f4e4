import JSZip from "jszip";
import { latestVersions, STORE_SHEET, storedScenarios, type SavedScenario, type ScenarioInput } from "../src/index.ts";
import { sheetPaths } from "../xlsx/package.ts";
import { sharedStringsIn, sheetCells } from "../xlsx/sheetCells.ts";

/*
 * Reads the scenarios another trust saved in its workbook, from the .xlsx
 * file alone: only the package's index, the scenario store's sheet and its
 * shared strings are unzipped, so a workbook of 15,000 staff records is read
 * in milliseconds and never held as a spreadsheet. The pane (the system view)
 * and the CLI (`wfplan consolidate`) both read trusts' files here; nothing is
 * sent anywhere.
 */

/** A file that cannot be used, with why, in words a planner can act on. */
export class TrustFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export interface TrustWorkbook {
  file: string;
  /** The trust, as the system view names it: the file's name without its extension. */
  trust: string;
  /** The newest usable version of each saved scenario, oldest first. */
  scenarios: { name: string; savedAt: string; input: ScenarioInput }[];
  /** Stored rows that cannot be used, each with why (kept in the file as they are). */
  problems: string[];
}

/** Cells of a sheet's XML as rows of values (row 1 first), text as it is: the one .xlsx reader (xlsx/sheetCells.ts) reads them. */
function sheetValues(xml: string, shared: readonly string[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const cell of sheetCells(xml, shared, (text) => text)) (rows[cell.row] ??= [])[cell.column] = cell.input;
  return Array.from(rows, (cells) => Array.from(cells ?? [], (v) => v ?? ""));
}

const trustName = (file: string) =>
  file
    .replace(/^.*[\\/]/, "")
    .replace(/\.xlsx$/i, "")
    .trim() || file;

/** Every row of a saved workbook's scenario store: fails with a TrustFileError on a file that is not a workbook or was never run. */
export async function readTrustWorkbook(bytes: ArrayBuffer | Uint8Array, file: string): Promise<TrustWorkbook> {
  let zip: JSZip;
  let paths: Map<string, string>;
  try {
    zip = await JSZip.loadAsync(bytes);
    paths = await sheetPaths(zip);
  } catch {
    throw new TrustFileError(file, "this is not an Excel workbook (.xlsx), or it is damaged: open it in Excel and save it again as .xlsx");
  }
  const path = paths.get(STORE_SHEET);
  const xml = path ? await zip.file(path)?.async("string") : undefined;
  if (xml === undefined)
    throw new TrustFileError(
      file,
      "wfplan has not run on this workbook: it has no saved scenarios. Run a scenario in it first, then save it",
    );
  // The store's cells are its own inline text and numbers in files wfplan saved; other programs may share the strings.
  const sharedXml = xml.includes('t="s"') ? await zip.file("xl/sharedStrings.xml")?.async("string") : undefined;
  const saved: SavedScenario[] = storedScenarios(sheetValues(xml, sharedStringsIn(sharedXml)), 0);
  const latest = latestVersions(saved);
  const scenarios = latest.flatMap((row) => (row.input ? [{ name: row.name, savedAt: row.savedAt, input: row.input }] : []));
  const problems = latest.flatMap((row) => (row.problem ? [`${row.name}: ${row.problem}`] : []));
  if (!scenarios.length)
    throw new TrustFileError(
      file,
      `none of its saved scenarios can be used${problems.length ? ` (${problems.join("; ")})` : ": every one was deleted"}`,
    );
  return { file, trust: trustName(file), scenarios, problems };
}
