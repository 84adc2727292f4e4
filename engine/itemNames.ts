import { WorkbookError, type NamedItemInfo, type TableInfo } from "./workbookTypes.ts";

/*
 * Tables and defined names share one namespace in Excel, compared without
 * regard to case: the rules a workbook's tables, names and charts are found
 * and named by, in one place.
 */

/** Fails as Excel does when a new table's or name's name is already a table's or a name's. */
export function assertNameFree(name: string, tables: readonly TableInfo[], names: readonly NamedItemInfo[]): void {
  const wanted = name.toLowerCase();
  if (tables.some((t) => t.name.toLowerCase() === wanted) || names.some((n) => n.name.toLowerCase() === wanted))
    throw new WorkbookError("ItemAlreadyExists", `The name "${name}" is already used.`);
}

/** The item of that name, whatever its case, or ItemNotFound saying what was looked for ("table", "name"). */
export function itemNamed<T extends { name: string }>(items: readonly T[], name: string, what: string): T {
  const found = items.find((item) => item.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new WorkbookError("ItemNotFound", `The ${what} "${name}" does not exist.`);
  return found;
}

/** The first free "<base>N" from `from` on (Table3, Chart 2), as Excel names a new table or chart. */
export function nextFreeName(base: string, from: number, taken: (name: string) => boolean): string {
  let n = from;
  while (taken(`${base}${n}`)) n++;
  return `${base}${n}`;
}
