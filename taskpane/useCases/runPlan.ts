import {
  runScenario,
  scenarioFromTables,
  triangulate,
  type ScenarioChoices,
  type ScenarioResult,
  type TableRole,
  type Triangulation,
} from "../../src/index.ts";
import { readTables } from "../adapter/planTables.ts";
import { writeScenarioResults } from "../adapter/results.ts";
import { saveScenario } from "../adapter/scenarioStore.ts";

/*
 * The steps of a run, in one place the pane and the tests both call: read the
 * linked tables, build the scenario, run and triangulate it, write the
 * results, store the scenario. A failure before anything is written leaves
 * the workbook as it was; a failure after the results are written says
 * exactly what is in the workbook.
 */

/** The adapter steps a run uses; tests pass their own to make one fail. */
export interface PlanSteps {
  readTables: typeof readTables;
  writeScenarioResults: typeof writeScenarioResults;
  saveScenario: typeof saveScenario;
}

export const WORKBOOK_STEPS: PlanSteps = { readTables, writeScenarioResults, saveScenario };

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

export async function runPlan(
  roles: Partial<Record<TableRole, string>>,
  choices: ScenarioChoices,
  steps: PlanSteps = WORKBOOK_STEPS,
): Promise<PlanRun> {
  const chosen = Object.entries(roles).filter(([, table]) => table) as [TableRole, string][];
  const read = await steps.readTables(chosen.map(([, table]) => table));
  const byRole = Object.fromEntries(chosen.map(([role, table]) => [role, read.find((t) => t.name === table)!]));
  const input = scenarioFromTables(byRole, choices);
  const result = runScenario(input);
  const checks = triangulate(result);
  const { sheet } = await steps.writeScenarioResults(result, checks);
  try {
    return { result, checks, sheet, stored: await steps.saveScenario(input) };
  } catch (error) {
    const notStored = `The results are on the sheet "${sheet}", but the scenario was not saved in the workbook: ${(error as Error).message}. Nothing else was written; run again to save it.`;
    return { result, checks, sheet, notStored };
  }
}
