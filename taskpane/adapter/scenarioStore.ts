import type { ScenarioInput } from "../../src/index.ts";
import { asText } from "./cellText.ts";

/*
 * Scenarios live in the workbook, on a very hidden sheet (users cannot unhide
 * it from Excel's menus), one row each: name, when saved, and the scenario as
 * JSON split into cells of at most 30,000 characters (Excel holds 32,767).
 */

export const STORE_SHEET = "wfplan_scenarios";
const CHUNK = 30_000;
const HEADER = ["Scenario", "Saved at", "Parts", "JSON"];

export interface SavedScenario {
  name: string;
  savedAt: string;
  input: ScenarioInput;
}

/** Appends the scenario to the store, creating the store the first time: two or three syncs. */
export async function saveScenario(input: ScenarioInput, savedAt = new Date().toISOString()): Promise<void> {
  await Excel.run(async (context) => {
    let sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    await context.sync();
    let row = 1;
    if (sheet.isNullObject) {
      sheet = context.workbook.worksheets.add(STORE_SHEET);
      sheet.getRange("A1:D1").values = [HEADER];
      sheet.visibility = "VeryHidden";
    } else {
      const used = sheet.getUsedRange(true).load("rowCount");
      await context.sync();
      row = used.rowCount;
    }
    const json = JSON.stringify(input);
    const parts = Array.from({ length: Math.ceil(json.length / CHUNK) }, (_, i) => asText(json.slice(i * CHUNK, (i + 1) * CHUNK)));
    sheet.getRangeByIndexes(row, 0, 1, 3 + parts.length).values = [[asText(input.name), asText(savedAt), parts.length, ...parts]];
    await context.sync();
  });
}

/** Every saved scenario, oldest first; rows that cannot be read are skipped. */
export async function listSavedScenarios(): Promise<SavedScenario[]> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    await context.sync();
    if (sheet.isNullObject) return [];
    const used = sheet.getUsedRange(true).load("values");
    await context.sync();
    return used.values.slice(1).flatMap((row) => {
      try {
        const parts = Number(row[2]);
        const input = JSON.parse(row.slice(3, 3 + parts).join("")) as ScenarioInput;
        return [{ name: String(row[0]), savedAt: String(row[1]), input }];
      } catch {
        return [];
      }
    });
  });
}
