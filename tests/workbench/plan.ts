import { readFileSync } from "node:fs";
import { afterAll } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { detectPlanTables, type TableData, type TableRole } from "../../src/index.ts";
import { listTables, readTables } from "../../taskpane/adapter/planTables.ts";

/**
 * Adds a table of the planner's own rows to a sheet (made if missing). Text is
 * stored as text, as a file would hold it, even where it looks like a formula.
 */
export function addPlanTable(model: Workbook, sheet: string, name: string, rows: readonly (readonly (string | number)[])[]): void {
  if (!model.findSheet(sheet)) model.addSheet(sheet);
  model.setContents(
    sheet,
    0,
    0,
    rows.map((row) => row.map((cell) => (typeof cell === "string" ? `'${cell}` : cell))),
  );
  model.addTable(
    sheet,
    { top: 0, left: 0, bottom: rows.length - 1, right: rows[0]!.length - 1 },
    true,
    name,
    "TableStyleMedium2",
    rows[0] as string[],
  );
}

/** The workbook's plan tables as the pane links and reads them, by the part each plays. */
export async function readLinkedTables(): Promise<Partial<Record<TableRole, TableData>>> {
  const roles = detectPlanTables(await listTables());
  const read = await readTables(Object.values(roles) as string[]);
  return Object.fromEntries(Object.entries(roles).map(([role, name]) => [role, read.find((t) => t.name === name)!]));
}

/**
 * A fresh copy of the sample workbook behind the workbench's Excel API, as
 * the pane sees it; a file that opens one has the globals removed after it.
 */
export async function openSample(): Promise<{ model: Workbook; excel: ReturnType<typeof installExcelGlobals> }> {
  registerWfpFunctions(await loadMetadata());
  const model = await readXlsx(readFileSync(SAMPLE_FILE));
  return { model, excel: installExcelGlobals(model) };
}

afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});
