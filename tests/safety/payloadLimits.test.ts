import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { newStats } from "../../excelHost/context.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import {
  compareScenarios,
  detectPlanTables,
  icsSummary,
  scenarioFromTables,
  type ScenarioInput,
  type ScenarioResult,
} from "../../src/index.ts";
import { writeComparison } from "../../taskpane/adapter/comparison.ts";
import { writeIcsSummary } from "../../taskpane/adapter/icsSummary.ts";
import { saveLinks } from "../../taskpane/adapter/linkStore.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { READ_BACK_BOX } from "../../taskpane/adapter/outputSheets.ts";
import { listSavedScenarios, saveScenario } from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { readLinkedTables } from "../workbench/plan.ts";
import { OUTPUT_WRITERS } from "./writers.ts";

/*
 * The payload audit: every job the pane does, at the largest plan wfplan
 * accepts, keeps each sync inside Excel on the web's limits (5 MB a request or
 * a response, 5,000,000 cells read; excelHost/context.ts refuses more, as
 * Excel does) with a margin, since Office.js's own envelope is larger than the
 * workbench's count of the values. The plan: 10,000 staff rows in some 180
 * staff groups, 900 standards, ten years (50,000 rows are read in
 * tests/workbench/fiftyThousand.test.ts); 40 saved scenarios; ten compared;
 * twelve such trusts in one ICS summary, which is the one sheet that passes
 * what one sync carries. docs/developers/data-safety.md lists the limits.
 */

const BUDGET = 4_000_000;
const SITES = 30;
let model: Workbook;
let excel: ReturnType<typeof installExcelGlobals>;
let result: ScenarioResult;
let input: ScenarioInput;
/** The staff groups the grown table holds, counted as it is built. */
let GROUPS = 0;

/** Runs a job from a clean count and gives its largest request and response and its syncs. */
async function measured(job: () => Promise<unknown>): Promise<{ largest: number; syncs: number }> {
  Object.assign(excel.stats, newStats());
  await job();
  const { largestRequestBytes, largestResponseBytes, syncs } = excel.stats;
  return { largest: Math.max(largestRequestBytes, largestResponseBytes), syncs };
}

const text = (cell: unknown) => (typeof cell === "string" ? `'${cell}` : (cell as number));

beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  model = await readXlsx(readFileSync(SAMPLE_FILE));
  // Every staff group split over 30 sites, each site with its own standards: 270 groups in all.
  const staff = model.table("tblStaff");
  const rows = model.values(staff.sheet, { ...staff.range, top: staff.range.top + 1 });
  const grown = Array.from({ length: 10_000 }, (_, i) => {
    const row = rows[i % rows.length]!.map(text);
    row[1] = `${String(row[1]).slice(1)} (site ${i % SITES})`;
    return row;
  });
  GROUPS = new Set(grown.map((row) => row[1])).size;
  model.addTableRows("tblStaff", grown.slice(rows.length));
  model.setContents(staff.sheet, staff.range.top + 1, staff.range.left, grown.slice(0, rows.length));
  const standards = model.table("tblStandards");
  const lines = model.values(standards.sheet, { ...standards.range, top: standards.range.top + 1 });
  const perSite = Array.from({ length: SITES }, (_, site) =>
    lines.map((line) => line.map(text).map((cell, c) => (c === 1 ? `${String(cell).slice(1)} (site ${site})` : cell))),
  ).flat();
  model.setContents(standards.sheet, standards.range.top + 1, standards.range.left, perSite.slice(0, lines.length));
  model.addTableRows("tblStandards", perSite.slice(lines.length));
  excel = installExcelGlobals(model);
}, 180_000);

describe("every job at the largest plan stays inside Excel on the web's payload limits", () => {
  it("opens the workbook, links, runs ten years and writes the results", async () => {
    const opened = await measured(() => openWorkbook());
    expect(opened.largest).toBeLessThan(BUDGET);
    const view = await openWorkbook();
    const choices = { name: "Largest plan", startYear: "2025/26", horizonYears: 10, activityGrowth: 0.03, payAward: 0.03, headroom: 0.22 };
    let groups = 0;
    const run = await measured(async () => {
      const plan = await runPlan(detectPlanTables(view.tables), choices, { view });
      result = plan.result;
      input = scenarioFromTables(await readLinkedTables(), choices);
      groups = new Set(plan.result.rows.map((r) => r.staffGroup)).size;
    });
    // The staff table's groups, and the standards' groups that have no staff yet.
    expect(groups).toBeGreaterThanOrEqual(GROUPS);
    expect(result.rows.length).toBe(groups * 10);
    expect(run.largest).toBeLessThan(BUDGET);
  }, 180_000);

  for (const writer of OUTPUT_WRITERS)
    it(`${writer.name}: the largest plan's sheet`, async () => {
      const { largest } = await measured(() => writer.write(result, input));
      expect(largest).toBeLessThan(BUDGET);
    }, 60_000);

  it("ten scenarios compared", async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...result, scenario: { ...result.scenario, name: `Option ${i + 1}` } }));
    expect((await measured(() => writeComparison(compareScenarios(ten)))).largest).toBeLessThan(BUDGET);
  }, 60_000);

  it("an ICS summary of 12 such trusts: written in parts, read back in boxes, replaced as its own", async () => {
    const trusts = Array.from({ length: 12 }, (_, i) => ({ trust: `Trust ${i + 1}`, scenario: "Largest plan", result }));
    const summary = icsSummary(trusts, { share: 0.2, fee: 0.05, capFte: {} });
    // 13 x 1,860 rows of 15 figures and their formats: more than one sync carries.
    expect(summary.system.trustRows.length + summary.system.systemRows.length).toBe(13 * result.rows.length);
    const at = new Date("2026-12-01T09:00:00Z");
    let first: Awaited<ReturnType<typeof writeIcsSummary>> | undefined;
    const written = await measured(async () => (first = await writeIcsSummary(summary, at)));
    expect(written.largest).toBeLessThan(BUDGET);
    expect(written.syncs).toBeGreaterThan(4);
    const rows = model.usedRange(first!.sheet)!;
    expect(rows.bottom + 1).toBeGreaterThan(READ_BACK_BOX.rows * 4);
    // The second write reads the first back (boxes of 4,000 rows) to see it was not edited, and replaces it.
    let again: Awaited<ReturnType<typeof writeIcsSummary>> | undefined;
    const rewritten = await measured(async () => (again = await writeIcsSummary(summary, at)));
    expect(rewritten.largest).toBeLessThan(BUDGET);
    expect(again).toEqual({ sheet: first!.sheet });
  }, 120_000);

  it("forty saved scenarios: each save, and the list read back, under the budget", async () => {
    let largestSave = 0;
    for (let i = 0; i < 40; i++) {
      const saved = await measured(() =>
        saveScenario({ ...input, name: `Version ${i + 1}` }, `2026-12-01T09:${String(i).padStart(2, "0")}:00Z`),
      );
      largestSave = Math.max(largestSave, saved.largest);
    }
    expect(largestSave).toBeLessThan(BUDGET);
    let listed = 0;
    const list = await measured(async () => (listed = (await listSavedScenarios()).length));
    expect(listed).toBeGreaterThanOrEqual(40);
    expect(list.largest).toBeLessThan(BUDGET);
    expect((await measured(() => saveLinks({}))).largest).toBeLessThan(BUDGET);
  }, 120_000);
});
