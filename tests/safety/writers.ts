import {
  boardSummary,
  compareScenarios,
  icsSummary,
  starBreakdown,
  triangulate,
  type ScenarioInput,
  type ScenarioResult,
} from "../../src/index.ts";
import { writeBoardSummary } from "../../taskpane/adapter/board.ts";
import { writeComparison } from "../../taskpane/adapter/comparison.ts";
import { writeIcsSummary } from "../../taskpane/adapter/icsSummary.ts";
import { writeMonthsSheet } from "../../taskpane/adapter/monthsSheet.ts";
import { writeScenarioResults } from "../../taskpane/adapter/results.ts";
import { insertExampleSheet } from "../../taskpane/adapter/workbook.ts";
import { EXAMPLE_ROWS } from "../../taskpane/examples.ts";

/*
 * Every writer of an output sheet, with how to call it on a run. The safety
 * tests loop over this list (text never a formula, nothing outside wfplan's
 * sheets changed, a re-run not taken for an edit), and a test fails when a
 * module of the adapter makes a SheetWriter without being listed here: a new
 * sheet is covered the day it is added.
 */

export interface OutputWriter {
  name: string;
  /** The adapter module, as the ownership test finds it. */
  module: string;
  /** Writes on the installed workbench; the sheet written, and whether a second write kept an edited copy. */
  write: (result: ScenarioResult, input: ScenarioInput) => Promise<{ sheet: string; keptCopy?: string }>;
  /** Whether what it writes is wfplan's own formulas (the examples) rather than values. */
  formulas?: true;
  /** Whether the sheet is registered and replaced on the next write (asked about when edited). */
  owned?: true;
}

export const OUTPUT_WRITERS: readonly OutputWriter[] = [
  {
    name: "results",
    module: "taskpane/adapter/results.ts",
    write: async (result) => ({ sheet: (await writeScenarioResults(result, triangulate(result))).sheet }),
  },
  {
    name: "months",
    module: "taskpane/adapter/monthsSheet.ts",
    write: async (result) => ({ sheet: (await writeMonthsSheet(result)).sheet }),
  },
  {
    name: "comparison",
    module: "taskpane/adapter/comparison.ts",
    write: async (result) => ({ sheet: await writeComparison(compareScenarios([result])) }),
  },
  {
    name: "Board summary",
    module: "taskpane/adapter/board.ts",
    owned: true,
    write: (result, input) => writeBoardSummary(boardSummary([result], [starBreakdown(input)]), new Date("2026-12-01T09:00:00Z")),
  },
  {
    name: "ICS summary",
    module: "taskpane/adapter/icsSummary.ts",
    owned: true,
    write: (result) =>
      writeIcsSummary(
        icsSummary([{ trust: result.scenario.name, scenario: result.scenario.name, result }], { share: 0.2, fee: 0.05, capFte: {} }),
        new Date("2026-12-01T09:00:00Z"),
      ),
  },
  {
    name: "examples",
    module: "taskpane/adapter/workbook.ts",
    formulas: true,
    write: async () => ({ sheet: await insertExampleSheet(EXAMPLE_ROWS) }),
  },
];
