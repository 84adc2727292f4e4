import { xmlText } from "./package.ts";
import { columnIndex } from "../src/addresses.ts";
import { formulaFromFile } from "./fileFormulas.ts";
import { slideFormula } from "./sharedFormulas.ts";

/*
 * A sheet's cells read straight from its XML (`<sheetData>`), for opening big
 * files fast: exceljs builds an object for every cell, with its style, and
 * tests every number's format for a date, which took most of the 3-5 s that
 * opening an 81,603-row extract spent reading it; this reads the same file's
 * cells in well under a second. What each cell holds is given as the
 * workbook takes it (engine/xlsxIn.ts reads everything else with exceljs).
 */

/** What a cell holds as a workbook takes it: text ("'" before text that would read as a number or formula), a number, a boolean, a formula ("=..."), or nothing. */
export type CellInput = string | number | boolean | null;

export interface SheetCell {
  /** 0-based. */
  row: number;
  column: number;
  input: CellInput;
  /** The cell format's index in xl/styles.xml (`s`), 0 when none. */
  style: number;
  /** An array formula's range (`<f t="array" ref>`): a spill, whose other cells hold cached values. */
  arrayRef?: string;
}

const CELL_OR_ROW = /<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
// The attributes a cell and its formula carry, each pattern made once: they are read for every cell (files/xlsxPackage.ts's
// attributeOf makes its pattern at each call, which suits the few elements read elsewhere).
const ATTRIBUTES = { r: /\br="([^"]*)"/, s: /\bs="([^"]*)"/, t: /\bt="([^"]*)"/, si: /\bsi="([^"]*)"/, ref: /\bref="([^"]*)"/ };
const attribute = (tag: string, name: keyof typeof ATTRIBUTES): string | undefined => ATTRIBUTES[name].exec(tag)?.[1];
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const TEXTS = /<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g;

/** Text kept as text: text that reads as a number, a formula or Excel's text prefix gets the prefix, as Excel would need it typed. */
export const textInput = (text: string): CellInput =>
  /^\s*[-+]?(\d|\.\d)/.test(text) || text.startsWith("=") || text.startsWith("'") ? `'${text}` : text;

/** The text of a string item (`<si>` or `<is>`): its runs' text together, phonetic guides left out. */
export function stringItemText(item: string): string {
  const plain = item.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  return [...plain.matchAll(TEXTS)].map((m) => xmlText(m[1]!)).join("");
}

/** The shared strings (xl/sharedStrings.xml), by index. */
export function sharedStringsIn(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => stringItemText(m[1] ?? ""));
}

/** Excel's serial number of an ISO 8601 date (a `t="d"` cell), 1900 system. */
const isoSerial = (text: string) => Date.parse(text.endsWith("Z") || /[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`) / 86_400_000 + 25_569;

/** Every cell of a sheet that holds something, in the order the file has them (row by row). */
export function* sheetCells(
  xml: string,
  shared: readonly string[],
  /** How text is taken: as a workbook takes it (kept as text), or as it is for a reader of values. */
  text: (text: string) => CellInput = textInput,
): Generator<SheetCell> {
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return;
  const end = xml.indexOf("sheetData>", start + 10);
  const data = xml.slice(start, end < 0 ? undefined : end);
  // Shared formulas by their index: the first cell's formula and where it is.
  const sharedFormulas = new Map<string, { formula: string; row: number; column: number }>();
  let row = -1;
  let column = -1;
  for (const m of data.matchAll(CELL_OR_ROW)) {
    if (m[1] !== undefined) {
      const r = attribute(m[1], "r");
      row = r ? Number(r) - 1 : row + 1;
      column = -1;
      continue;
    }
    const tag = m[2]!;
    const body = m[3] ?? "";
    const reference = attribute(tag, "r");
    const at = reference ? /^([A-Z]+)(\d+)$/.exec(reference) : null;
    if (at) [row, column] = [Number(at[2]) - 1, columnIndex(at[1]!)];
    else column++;
    const style = Number(attribute(tag, "s") ?? 0);
    const type = attribute(tag, "t") ?? "n";
    const f = FORMULA.exec(body);
    if (f) {
      const kind = attribute(f[1]!, "t");
      const si = attribute(f[1]!, "si");
      let formula = f[2] === undefined ? "" : xmlText(f[2]);
      if (kind === "shared" && si !== undefined) {
        const first = sharedFormulas.get(si);
        if (formula) sharedFormulas.set(si, { formula, row, column });
        else if (first) formula = slideFormula(first.formula, row - first.row, column - first.column);
      }
      if (formula) {
        const arrayRef = kind === "array" ? attribute(f[1]!, "ref") : undefined;
        yield { row, column, input: `=${formulaFromFile(formula)}`, style, ...(arrayRef ? { arrayRef } : {}) };
        continue;
      }
    }
    const v = VALUE.exec(body)?.[1];
    let input: CellInput = null;
    if (type === "inlineStr") input = text(stringItemText(body));
    else if (v === undefined) input = null;
    else if (type === "s") input = text(shared[Number(v)] ?? "");
    else if (type === "str") input = text(xmlText(v));
    else if (type === "b") input = v.trim() === "1" || v.trim() === "true";
    else if (type === "e") input = xmlText(v);
    else if (type === "d") input = isoSerial(xmlText(v).trim());
    else input = Number(v);
    if (input === null || input === "" || (typeof input === "number" && Number.isNaN(input))) continue;
    yield { row, column, input, style };
  }
}
