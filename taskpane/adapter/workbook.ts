import { addFreshSheet } from "./names.ts";
import { missingFeatures } from "./requirements.ts";
import { SheetWriter } from "./sheetWriter.ts";

/*
 * The adapter (taskpane/adapter/) is the one part of the pane that talks to Office.js. Components call these functions and
 * never touch `Excel` or `Office` themselves, so the pane runs unchanged in
 * Excel and in the workbench, and each action costs as few `context.sync`
 * round trips as possible.
 */

export interface HostInfo {
  /** True inside Excel (desktop, Mac or the web) or the workbench. */
  inExcel: boolean;
  /** What Office.onReady reported: "Excel", or null outside Office. */
  host: string | null;
  /** What this Excel cannot do that wfplan would (a requirement set it lacks), one sentence each. */
  cannot: string[];
}

/** Waits for Office.js; outside Office (or when office.js could not load) reports no host. */
export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return { inExcel: false, host: null, cannot: [] };
  const info = await Office.onReady();
  const host = info.host ? String(info.host) : null;
  return { inExcel: host === "Excel", host, cannot: host === "Excel" ? missingFeatures() : [] };
}

/**
 * Adds a new sheet of example WFP formulas and activates it. It never writes
 * over an existing sheet: a name in use gets a number. Two syncs in all.
 */
export async function insertExampleSheet(rows: readonly (readonly (string | number)[])[]): Promise<string> {
  return Excel.run(async (context) => {
    const { sheet, name } = await addFreshSheet(context, "WFP examples");
    new SheetWriter(sheet).formulas(0, 0, rows);
    sheet.getRange("A:A").format.autofitColumns();
    sheet.activate();
    await context.sync();
    return name;
  });
}
