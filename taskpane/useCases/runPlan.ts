import {
  cellPlace,
  demandMonthsText,
  scenarioFingerprint,
  shortFingerprint,
  keepActuals,
  latestVersions,
  monthName,
  nameKey,
  leftOutText,
  planFromTables,
  ROLES,
  scenarioAssumptions,
  resolveLink,
  loadDriverExpressions,
  runScenario,
  starBreakdown,
  triangulate,
  type GroupCells,
  type LeftOutRow,
  type ScenarioChoices,
  type ScenarioResult,
  type StarRow,
  type StoredLink,
  type TableRole,
  type Triangulation,
} from "../../src/index.ts";
import type { PlanLinks } from "../adapter/linkStore.ts";
import { sourceLabel } from "../adapter/planTables.ts";
import { openWorkbook, type WorkbookView } from "../adapter/openWorkbook.ts";
import { planSession, RunCancelled, type EditedSheetChoice, type PlanSession } from "../adapter/planSession.ts";

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
  /** The HEE Star breakdown: what each point closes of the gap, by year and staff group. */
  star: StarRow[];
  /** The results sheet written. */
  sheet: string;
  /** The sheet of the scenario's months, for the operational plan's template. */
  monthsSheet: string;
  /** Said when months of actuals came from the saved version, not the linked table. */
  actualsKept?: string;
  /** Whether the scenario was stored as a new version, or was unchanged. */
  stored?: "saved" | "unchanged";
  /** Set when the results were written but the scenario could not be stored. */
  notStored?: string;
  /** Rows that could not be used, each with its cell: left out of the plan, the rest read. */
  leftOut: LeftOutRow[];
  /** The cells behind each staff group's need, budget and establishment, for following a failed check to its rows. */
  cells: Map<string, GroupCells>;
  /** The workbook as the run left it, for the next run to start from without looking again. */
  view: WorkbookView;
}

/** What plays a part of the plan: a source by its id or table name (columns found by header), or a link the planner confirmed. */
export type PartLink = string | StoredLink;

export { leftOutText, RunCancelled };

export interface PlanOptions {
  /** The pane's first look at the workbook; read afresh (two syncs) when not given. */
  view?: WorkbookView;
  /** Steps to use instead of the workbook's: tests pass one that fails. */
  steps?: Partial<PlanSession>;
  /** Asked when the scenario's own sheet was edited since wfplan wrote it; without it, the planner's copy is kept. */
  onEdited?: (sheet: string) => Promise<EditedSheetChoice>;
  /** Told as each step starts, for a progress bar; the pane gets a chance to paint between steps. */
  onStep?: (step: PlanStep) => void;
  /** Aborting it cancels the run at the next step before anything is written; once writing has begun, the run finishes. */
  signal?: AbortSignal;
}

/** The steps of a run, in order, as the progress bar names them. */
export const PLAN_STEPS = [
  "Reading the linked tables",
  "Building the scenario",
  "Running it",
  "Triangulating",
  "Working out the HEE Star",
  "Writing the results",
  "Saving the scenario",
] as const;

export interface PlanStep {
  /** 1-based. */
  index: number;
  of: number;
  label: (typeof PLAN_STEPS)[number];
}

export async function runPlan(
  parts: Partial<Record<TableRole, PartLink>>,
  choices: ScenarioChoices,
  options: PlanOptions = {},
): Promise<PlanRun> {
  /** Starts a step: cancelled before writing if asked, told to the pane, which may paint. */
  const step = async (label: (typeof PLAN_STEPS)[number]) => {
    const index = PLAN_STEPS.indexOf(label) + 1;
    if (options.signal?.aborted && index <= PLAN_STEPS.indexOf("Writing the results") + 1) throw new RunCancelled();
    if (!options.onStep) return;
    options.onStep({ index, of: PLAN_STEPS.length, label });
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const view = options.view ?? (await openWorkbook());
  const chosen = Object.entries(parts).filter(([, part]) => part) as [TableRole, PartLink][];
  const linked = chosen.map(([, part]) => {
    const source = typeof part === "string" ? part : part.source;
    const found =
      view.tables.find((t) => t.id === source) ??
      view.tables.find((t) => t.kind === "table" && t.name.toLowerCase() === source.toLowerCase());
    if (!found) throw new Error(`"${source.replace(/^\w+:/, "")}" is not in this workbook: choose another for it, or open the pane again.`);
    return found;
  });
  // Links the planner confirmed are stored with the results, so they are there when the workbook is next opened.
  const links: PlanLinks | undefined = chosen.every(([, part]) => typeof part !== "string")
    ? (Object.fromEntries(chosen) as PlanLinks)
    : undefined;

  const { value, view: after } = await planSession(
    view,
    linked,
    { scenario: choices.name, onEdited: options.onEdited },
    async (workbook) => {
      const steps = { ...workbook, ...options.steps };
      await step("Reading the linked tables");
      const read = await steps.readTables();
      await step("Building the scenario");
      // Each confirmed link's columns among the headers as they are now: every column that has gone, at once.
      const problems: string[] = [];
      const tables = Object.fromEntries(
        chosen.map(([role, part], i) => {
          const table = read[i]!;
          if (typeof part === "string") return [role, table];
          const { columns, problems: gone } = resolveLink(part, table.headers, cellPlace(table.sheet, table.top, table.left));
          problems.push(...gone);
          return [role, { ...table, columns }];
        }),
      );
      if (problems.length) throw new Error(problems.join(". "));
      const { input, leftOut, cells } = planFromTables(tables, choices);
      // Months once reported stay reported: the saved version's actuals for months the linked table no longer has are kept, and said.
      const saved = latestVersions(view.saved).find((s) => s.input && nameKey(s.name) === nameKey(choices.name));
      const { actuals, kept } = keepActuals(input.actuals, saved?.input?.actuals);
      if (actuals) input.actuals = actuals;
      const actualsKept = kept.length
        ? `Actuals for ${kept.map(monthName).join(", ")} are kept from the saved version of ${saved!.savedAt.slice(0, 16).replace("T", " ")}: ${tables.actuals ? "the linked actuals table no longer has them" : "no actuals table is linked"}.`
        : undefined;
      await step("Running it");
      await loadDriverExpressions();
      const result = runScenario(input);
      await step("Triangulating");
      const checks = triangulate(result);
      await step("Working out the HEE Star");
      const star = starBreakdown(input);
      await step("Writing the results");
      // The assumptions the sheet opens with: the settings and sources, then each linked table with its rows read and left out.
      // The version this run stores, by its fingerprint: on every sheet that comes from it.
      const version = shortFingerprint(scenarioFingerprint(input));
      const about: [string, string][] = [
        ...scenarioAssumptions(result.scenario, new Date()),
        ["Version", `${version} (the first digits of the SHA-256 fingerprint of the scenario as stored in the workbook)`],
        ["Demand by month", demandMonthsText(result.demandMonths)],
        ...chosen.map(([role], i): [string, string] => {
          const out = leftOut.filter((row) => row.table === read[i]!.name).length;
          return [
            `Linked: ${ROLES[role].label.toLowerCase()}`,
            `${sourceLabel(linked[i]!)}, ${read[i]!.rows.length.toLocaleString("en-GB")} rows${out ? `, ${out} left out` : ""}`,
          ];
        }),
      ];
      const { sheet, monthsSheet } = await steps.writeResults(result, checks, links, star, about, version);
      try {
        await step("Saving the scenario");
        return { result, checks, star, sheet, monthsSheet, stored: await steps.saveScenario(input), leftOut, cells, actualsKept };
      } catch (error) {
        const notStored = `The results are on the sheets "${sheet}" and "${monthsSheet}", but the scenario was not saved in the workbook: ${(error as Error).message}. Nothing else was written; run again to save it.`;
        return { result, checks, star, sheet, monthsSheet, notStored, leftOut, cells, actualsKept };
      }
    },
  );
  return { ...value, view: after };
}
