import { Workbook, type CellInput } from "./workbook.ts";

/*
 * CSV as planners get it (ESR extracts, NHS Digital downloads): UTF-8 with or
 * without a byte-order mark, or Windows-1252 when the bytes are not UTF-8;
 * comma, semicolon or tab separated (whichever splits the first lines most
 * evenly); quoted fields with "" for a quote and line breaks inside. Values
 * are read as Excel reads them: numbers (with thousands separators, a
 * leading £, a trailing %) become numbers, ISO and UK dates (2026-03-31,
 * 31/03/2026) become dates shown as dates; everything else stays text,
 * exactly as written (an identifier such as 00012345 keeps its zeros, as
 * Excel would not, because a planner's key must not change). Columns are
 * made wide enough for their longest field.
 */

export interface CsvRead {
  model: Workbook;
  delimiter: "," | ";" | "\t";
  encoding: "UTF-8" | "Windows-1252";
  rows: number;
}

/** The text of the file: UTF-8 when it decodes as such, else Windows-1252 (Excel's "ANSI" on UK Windows). */
function decode(bytes: Uint8Array): { text: string; encoding: CsvRead["encoding"] } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ""), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

/** Splits CSV text into rows of fields, quotes and all. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The separator that gives the first lines the same number of fields, and the most of them. */
function detectDelimiter(text: string): CsvRead["delimiter"] {
  const sample = text.split(/\r?\n/).slice(0, 20).join("\n");
  let best: CsvRead["delimiter"] = ",";
  let bestScore = -1;
  for (const delimiter of [",", ";", "\t"] as const) {
    const counts = parseCsv(sample, delimiter)
      .filter((r) => r.some((f) => f !== ""))
      .map((r) => r.length);
    if (counts.length === 0) continue;
    const even = counts.every((n) => n === counts[0]);
    const score = (even ? 1000 : 0) + counts[0]!;
    if (counts[0]! > 1 && score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

const NUMBER = /^[-+]?£?\s?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Excel's serial number of a date (1900 system). */
function serial(year: number, month: number, day: number): number | undefined {
  const date = Date.UTC(year, month - 1, day);
  const back = new Date(date);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return date / 86_400_000 + 25_569;
}

/** A field as Excel reads it, with the number format it would show it in. */
export function csvValue(field: string): { value: CellInput; format?: string } {
  const text = field.trim();
  if (text === "") return { value: null };
  // An identifier with leading zeros stays as written.
  if (/^0\d/.test(text) && !text.includes(".")) return { value: `'${field}` };
  if (NUMBER.test(text) && /\d/.test(text)) {
    const percent = text.endsWith("%");
    const pounds = text.includes("£");
    const n = Number(text.replace(/[£,%\s]/g, ""));
    if (Number.isFinite(n)) {
      if (percent) return { value: n / 100, format: "0%" };
      // Thousands separators are kept in the format, with as many decimals as were written.
      const decimals = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
      const grouped = `#,##0${decimals ? `.${"0".repeat(decimals)}` : ""}`;
      return { value: n, format: pounds ? "£#,##0.00" : text.includes(",") ? grouped : undefined };
    }
  }
  const iso = ISO_DATE.exec(text);
  const uk = UK_DATE.exec(text);
  const date = iso ? serial(+iso[1]!, +iso[2]!, +iso[3]!) : uk ? serial(+uk[3]!, +uk[2]!, +uk[1]!) : undefined;
  if (date !== undefined) return { value: date, format: "dd/mm/yyyy" };
  // Text that would read as a formula stays text.
  return { value: /^[=+\-@]/.test(text) ? `'${field}` : field };
}

/** Reads a CSV file into a workbook of one sheet named after the file. */
export function readCsv(bytes: Uint8Array, fileName: string): CsvRead {
  const { text, encoding } = decode(bytes);
  const delimiter = detectDelimiter(text);
  const rows = parseCsv(text, delimiter);
  const name =
    fileName
      .replace(/\.[^.]+$/, "")
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim() || "Sheet1";
  const model = new Workbook(name);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const formats: [number, number, string][] = [];
  const values = rows.map((r, i) =>
    Array.from({ length: width }, (_, c) => {
      const read = csvValue(r[c] ?? "");
      if (read.format) formats.push([i, c, read.format]);
      return read.value;
    }),
  );
  model.batch(() => {
    if (values.length) model.setContents(name, 0, 0, values);
    for (const [row, column, format] of formats)
      model.setNumberFormats(name, { top: row, left: column, bottom: row, right: column }, [[format]]);
    // Each column wide enough for its longest field (dates and figures would otherwise show ####), from the first 1,000 rows.
    for (let c = 0; c < width; c++) {
      const longest = Math.max(0, ...rows.slice(0, 1000).map((r) => (r[c] ?? "").length));
      const points = Math.min(300, Math.ceil(longest * 6 + 12));
      if (points > 48) model.setColumnWidth(name, c, points);
    }
  });
  return { model, delimiter, encoding, rows: rows.length };
}
