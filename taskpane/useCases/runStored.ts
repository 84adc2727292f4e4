import { latestVersions, nameKey } from "../../src/index.ts";
import { openWorkbook } from "../adapter/openWorkbook.ts";
import { sourceLabel } from "../adapter/planTables.ts";
import { initialLinks } from "./planLinks.ts";
import { runPlan, type PlanRun, type PlanStep } from "./runPlan.ts";
import { DEFAULT_FORM, formFromScenario, READ_AGAIN, readForm } from "./scenarioForm.ts";

/*
 * Runs a workbook's stored scenarios again, one after another, on its stored
 * links: what a planner does opening each in the form and pressing Run, and
 * what a schedule does each month when the actuals come in. Each goes
 * through the pane's own steps (formFromScenario, readForm, runPlan), so the
 * command line writes exactly the pane's sheets. With no scenario stored, a
 * base case runs on the links the pane would propose.
 */

export interface StoredRun {
  scenario: string;
  run?: PlanRun;
  /** Why it could not be run: what and where. */
  problem?: string;
  /** What of the stored scenario the form cannot carry, and so this run does not (skill-mix targets, a bank's caps). */
  notCarried: string[];
}

export interface StoredRuns {
  runs: StoredRun[];
  /** With no scenario stored: the tables the base case took for each part. */
  baseCaseTables?: string[];
  /** Stored rows that cannot be read, each with why (they are left as they are). */
  unreadable: string[];
}

export interface StoredRunOptions {
  /** The scenarios to run, by name; every stored one when not given. */
  names?: readonly string[];
  onScenario?: (name: string, index: number, of: number) => void;
  onStep?: (step: PlanStep) => void;
}

export async function runStoredScenarios(options: StoredRunOptions = {}): Promise<StoredRuns> {
  let view = await openWorkbook();
  const versions = latestVersions(view.saved).filter((v) => !v.deleted);
  const unreadable = view.saved.filter((s) => s.problem).map((s) => `row ${s.row} of the scenario store ("${s.name}"): ${s.problem}`);
  const stored = versions.filter((v) => v.input);
  const wanted = options.names?.length
    ? options.names.map((name) => ({ name, version: stored.find((v) => nameKey(v.name) === nameKey(name)) }))
    : stored.map((version) => ({ name: version.name, version }));

  const runs: StoredRun[] = [];
  let baseCaseTables: string[] | undefined;
  const plans = wanted.length ? wanted : [{ name: DEFAULT_FORM.name, version: undefined }];
  for (const [index, { name, version }] of plans.entries()) {
    options.onScenario?.(name, index, plans.length);
    if (wanted.length && !version) {
      const held = stored.map((v) => `"${v.name}"`).join(", ") || "none";
      runs.push({ scenario: name, problem: `no scenario named "${name}" is stored in the workbook (it has ${held})`, notCarried: [] });
      continue;
    }
    const { form, notLoaded: all } = version ? formFromScenario(version.input!) : { form: DEFAULT_FORM, notLoaded: [] };
    // What the linked tables give again is not lost; the rest is.
    const notLoaded = all.filter((what) => what !== READ_AGAIN);
    const read = readForm(form, { inputs: view.inputs, ...(version ? { savedAs: version.name } : {}) });
    if (!read.choices) {
      runs.push({ scenario: name, problem: read.problems.join("; "), notCarried: notLoaded });
      continue;
    }
    const links = initialLinks(view.tables, view.links?.links);
    if (!version)
      baseCaseTables = Object.entries(links).map(([role, link]) => {
        const source = view.tables.find((t) => t.id === link!.source);
        return `${role}: ${source ? sourceLabel(source) : link!.source}`;
      });
    try {
      const run = await runPlan(links, read.choices, { view, onStep: options.onStep });
      view = run.view;
      runs.push({ scenario: read.choices.name, run, notCarried: notLoaded });
    } catch (error) {
      runs.push({ scenario: name, problem: (error as Error).message, notCarried: notLoaded });
    }
  }
  return { runs, ...(baseCaseTables ? { baseCaseTables } : {}), unreadable };
}
