import { itemNameProblem } from "../src/excelNames.ts";
import { WorkbookError, type NamedItemInfo, type TableInfo } from "./workbookTypes.ts";

/*
 * Tables and defined names share one namespace in Excel, compared without
 * regard to case: the rules a workbook's tables, names and charts are found
 * and named by, in one place.
 */

/**
 * Fails as Excel does when a new table's or name's name breaks Excel's rules
 * (InvalidArgument) or is already a table's or a name's (ItemAlreadyExists);
 * `renaming` is the item being renamed, which may keep its name.
 */
export function assertNameFree(
  name: string,
  tables: readonly TableInfo[],
  names: readonly NamedItemInfo[],
  renaming?: TableInfo | NamedItemInfo,
): void {
  const problem = itemNameProblem(name);
  if (problem) throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ${problem}`);
  const wanted = name.toLowerCase();
  const clash = (item: TableInfo | NamedItemInfo) => item !== renaming && item.name.toLowerCase() === wanted;
  if (tables.some(clash) || names.some(clash)) throw new WorkbookError("ItemAlreadyExists", `The name "${name}" is already used.`);
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
