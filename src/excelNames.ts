/*
 * Excel's rules for a worksheet's name, in one place for the add-in (which
 * must never ask Excel for a name it refuses: the whole write would fail) and
 * the workbench (which must refuse what Excel refuses). From Microsoft's
 * "Rename a worksheet": up to 31 characters, not blank, none of \ / ? * : [ ],
 * not beginning or ending with an apostrophe, and not "History", which Excel
 * keeps for itself; two sheets may not share a name, whatever its case.
 */

export const SHEET_NAME_LIMIT = 31;
const REFUSED = /[\\/?*:[\]]/;

/** Why Excel would refuse the name for a sheet, or undefined when it takes it. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "A sheet's name cannot be blank.";
  if (name.length > SHEET_NAME_LIMIT) return `"${name}" has ${name.length} characters; a sheet's name has at most ${SHEET_NAME_LIMIT}.`;
  if (REFUSED.test(name)) return `"${name}" holds one of \\ / ? * : [ ], which a sheet's name cannot.`;
  if (name.startsWith("'") || name.endsWith("'")) return `"${name}" begins or ends with an apostrophe, which a sheet's name cannot.`;
  if (name.toLowerCase() === "history") return `"History" is kept by Excel and cannot name a sheet.`;
  return undefined;
}

/** The name made fit for a sheet: refused characters as spaces, spaces run together, cut to `limit` without a trailing apostrophe or space. */
export function cleanSheetName(wanted: string, limit = SHEET_NAME_LIMIT): string {
  const cleaned = wanted
    .replace(/[\\/?*:[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut = cleaned
    .slice(0, limit)
    .replace(/^'+/, "")
    .replace(/['\s]+$/, "");
  if (cut === "" || cut.toLowerCase() === "history") return cut === "" ? "Sheet" : `${cut} sheet`.slice(0, limit);
  return cut;
}

/**
 * A sheet name Excel takes that no sheet has, whatever its case: the wanted
 * name made fit with `ending` after it (" (edited)"), then numbered " (2)",
 * " (3)" …, the wanted part cut so the whole stays within 31 characters.
 */
export function freeSheetName(wanted: string, taken: readonly string[], ending = ""): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const tail = `${ending}${n === 1 ? "" : ` (${n})`}`;
    const name = `${cleanSheetName(wanted, SHEET_NAME_LIMIT - tail.length)}${tail}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/*
 * A table's or a defined name's name, from Microsoft's "Rename an Excel
 * table" and "Define and use names in formulas": up to 255 characters; a
 * letter, underscore or backslash first, then letters, digits, periods and
 * underscores; not C, c, R or r alone, and not a cell's address (A1, R1C1).
 * Tables and names share one namespace, whatever the case.
 */
export const ITEM_NAME_LIMIT = 255;

/** Why Excel would refuse the name for a table or a defined name, or undefined when it takes it. */
export function itemNameProblem(name: string): string | undefined {
  if (name === "") return "A table's or a name's name cannot be blank.";
  if (name.length > ITEM_NAME_LIMIT) return `"${name.slice(0, 40)}…" has ${name.length} characters; a name has at most ${ITEM_NAME_LIMIT}.`;
  // Letters beyond ASCII as a range, not \p{L}: a Unicode property class compiles to kilobytes in the pane's bundle.
  if (!/^[A-Za-z\u00C0-\uFFFF_\\][A-Za-z0-9\u00C0-\uFFFF_.]*$/.test(name))
    return `"${name}" must begin with a letter, an underscore or a backslash and hold only letters, digits, periods and underscores.`;
  if (/^[crCR]$/.test(name)) return `"${name}" alone is kept by Excel for a row or a column.`;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) && columnWithin(name) && rowWithin(name.replace(/^[A-Za-z]+/, "")))
    return `"${name}" is a cell's address.`;
  if (/^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return `"${name}" is a cell's address in R1C1 form.`;
  return undefined;
}

function columnWithin(name: string): boolean {
  const letters = name.replace(/[0-9]+$/, "").toUpperCase();
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= 16_384;
}

function rowWithin(digits: string): boolean {
  const row = Number(digits);
  return row >= 1 && row <= 1_048_576;
}
