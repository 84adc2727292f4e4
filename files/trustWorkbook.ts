import JSZip from "jszip";
import { latestVersions, STORE_SHEET, storedScenarios, type SavedScenario, type ScenarioInput } from "../src/index.ts";
import { sheetPaths, xmlText } from "./xlsxPackage.ts";

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

/** Cells of a sheet's XML as rows of values (row 1 first), strings looked up in `shared`. */
function sheetValues(xml: string, shared: () => string[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = cell[1]!;
    const body = cell[2] ?? "";
    const at = /\br="([A-Z]+)(\d+)"/.exec(attributes);
    if (!at) continue;
    const column = [...at[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(at[2]) - 1;
    const type = /\bt="(\w+)"/.exec(attributes)?.[1];
    const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let value: unknown;
    if (type === "s") value = shared()[Number(raw)] ?? "";
    else if (type === "inlineStr") value = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => xmlText(m[1]!)).join("");
    else if (type === "str" || type === "e") value = xmlText(raw ?? "");
    else if (type === "b") value = raw === "1";
    else value = raw === undefined ? "" : Number(raw);
    (rows[row] ??= [])[column] = value;
  }
  return Array.from(rows, (cells) => Array.from(cells ?? [], (v) => v ?? ""));
}

/** The workbook's shared strings, each the text of its runs. */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => xmlText(m[1]!)).join(""),
  );
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
  let strings: string[] | undefined;
  const sharedXml = await zip.file("xl/sharedStrings.xml")?.async("string");
  const saved: SavedScenario[] = storedScenarios(
    sheetValues(xml, () => (strings ??= sharedStrings(sharedXml ?? ""))),
    0,
  );
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
