import {
  runScenario,
  scenarioFromTables,
  triangulate,
  type ScenarioChoices,
  type ScenarioResult,
  type TableRole,
  type Triangulation,
} from "../../src/index.ts";
import { openWorkbook, type WorkbookView } from "../adapter/openWorkbook.ts";
import { planSession, type PlanSession } from "../adapter/planSession.ts";

/*
 * The steps of a run, in one place the pane and the tests both call: read the
 * linked tables, build the scenario, run and triangulate it, write the
 * results, store the scenario. A failure before anything is written leaves
 * the workbook as it was; a failure after the results are written says
 * exactly what is in the workbook. The workbook side, and its syncs, is the
 * adapter's plan session.
 */

export interface PlanRun {
  result: ScenarioResult;
  checks: Triangulation;
  /** The results sheet written. */
  sheet: string;
  /** Whether the scenario was stored as a new version, or was unchanged. */
  stored?: "saved" | "unchanged";
  /** Set when the results were written but the scenario could not be stored. */
  notStored?: string;
}

export interface PlanOptions {
  /** The pane's first look at the workbook; read afresh (two syncs) when not given. */
  view?: WorkbookView;
  /** Steps to use instead of the workbook's: tests pass one that fails. */
  steps?: Partial<PlanSession>;
}

export async function runPlan(
  roles: Partial<Record<TableRole, string>>,
  choices: ScenarioChoices,
  options: PlanOptions = {},
): Promise<PlanRun> {
  const view = options.view ?? (await openWorkbook());
  const chosen = Object.entries(roles).filter(([, table]) => table) as [TableRole, string][];
  const linked = chosen.map(([, name]) => {
    const found = view.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`The table "${name}" is not in this workbook: choose another for it, or open the pane again.`);
    return found;
  });

  return planSession(view, linked, async (workbook) => {
    const steps = { ...workbook, ...options.steps };
    const read = await steps.readTables();
    const input = scenarioFromTables(Object.fromEntries(chosen.map(([role], i) => [role, read[i]!])), choices);
    const result = runScenario(input);
    const checks = triangulate(result);
    const sheet = await steps.writeResults(result, checks);
    try {
      return { result, checks, sheet, stored: await steps.saveScenario(input) };
    } catch (error) {
      const notStored = `The results are on the sheet "${sheet}", but the scenario was not saved in the workbook: ${(error as Error).message}. Nothing else was written; run again to save it.`;
      return { result, checks, sheet, notStored };
    }
  });
}
