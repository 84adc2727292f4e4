import { assertCanWrite, queueProtection, type ProtectionNow } from "./protection.ts";
import { freeSheetName } from "../../src/excelNames.ts";

export { freeSheetName };

/** A table's or defined name's name not yet used: "tblWfpResults", then "tblWfpResults2"; case is ignored, as Excel does. */
export function freeTableName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!lower.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

/**
 * Adds a worksheet under a free name Excel takes ("WFP results", "WFP results
 * (2)" …, within 31 characters), so nothing the user has is written over. Costs one sync, which also carries
 * whatever `loadMore` queues.
 */
export async function addFreshSheet(
  context: Excel.RequestContext,
  wanted: string,
  loadMore?: () => void,
): Promise<{ sheet: Excel.Worksheet; name: string }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const protection = queueProtection(context, sheets);
  loadMore?.();
  await context.sync();
  const name = freeSheetName(
    wanted,
    sheets.items.map((s) => s.name),
  );
  assertCanWrite(protection(), { what: `adding the sheet "${name}"`, adds: [name] });
  return { sheet: sheets.add(name), name };
}

/** The names a new sheet and a new table must avoid: sheets, and tables with defined names (one namespace in Excel). */
export interface TakenNames {
  sheets: string[];
  tablesAndNames: string[];
  /** What protection stands in the way of writing (read with the names, as every job that writes reads them first). */
  protection: ProtectionNow;
}

/** Queues the loads of the taken names, to ride on the caller's next sync; read them after it. */
export function queueTakenNames(context: Excel.RequestContext): () => TakenNames {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name");
  const protection = queueProtection(context, sheets);
  return () => ({
    sheets: sheets.items.map((s) => s.name),
    tablesAndNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
    protection: protection(),
  });
}
