import { assertCanWrite } from "./protection.ts";
import {
  checkVerdict,
  formatPounds,
  STAR_POINTS,
  starByYear,
  starWaterfall,
  totalsByYear,
  type ScenarioResult,
  type StarRow,
  type Triangulation,
} from "../../src/index.ts";
import { freeSheetName, freeTableName, queueTakenNames, type TakenNames } from "./names.ts";
import { outputSheetName, queueOpenTarget, type OutputTarget } from "./outputSheets.ts";
import { SheetWriter, type ChartPlace } from "./sheetWriter.ts";

/*
 * Writes a scenario's results to its own sheet: a table by year and staff
 * group, yearly summaries with two native charts, and the triangulation's
 * checks. The sheet is new (under a free name), or wfplan's own sheet for
 * the scenario, cleared first; nothing the planner wrote is written over.
 */

const COLUMNS: [header: string, value: (row: ScenarioResult["rows"][number]) => string | number, format: string][] = [
  ["Year", (r) => r.year, "@"],
  ["Staff group", (r) => r.staffGroup, "@"],
  ["Required FTE", (r) => r.requiredFte, "#,##0.0"],
  ["Establishment FTE", (r) => r.establishmentFte, "#,##0.0"],
  ["Supply FTE", (r) => r.supplyFte, "#,##0.0"],
  ["Gap FTE", (r) => r.gapFte, "#,##0.0"],
  ["Bank FTE", (r) => r.bankFte, "#,##0.0"],
  ["Agency FTE", (r) => r.agencyFte, "#,##0.0"],
  ["Unmet FTE", (r) => r.unmetFte, "#,##0.0"],
  ["Substantive cost", (r) => r.substantiveCost, "£#,##0"],
  ["Bank cost", (r) => r.bankCost, "£#,##0"],
  ["Agency cost", (r) => r.agencyCost, "£#,##0"],
  ["Total pay cost", (r) => r.totalCost, "£#,##0"],
  ["Cost of unmet FTE", (r) => r.unmetCost, "£#,##0"],
  ["Cost of the workforce needed", (r) => r.neededCost, "£#,##0"],
  ["Budget", (r) => r.budget, "£#,##0"],
  ["Variance", (r) => r.variance, "£#,##0"],
  ["Establishment cost", (r) => r.establishmentCost, "£#,##0"],
  // Agency cover a collaborative bank fills instead, and its cost (in the total pay cost).
  ["Collaborative bank FTE", (r) => r.collaborativeBankFte, "#,##0.0"],
  ["Collaborative bank cost", (r) => r.collaborativeBankCost, "£#,##0"],
];

/** Row 4 (0-based 3): rows 1-2 say what this is; the assumptions, when given, come between. */
const FIRST_BLOCK = 3;
const SUMMARY_LEFT = COLUMNS.length + 1; // one blank column after the table

export interface WrittenResults {
  sheet: string;
  table: string;
  /** The fingerprint of the values written, for telling later whether the planner edited the sheet. */
  fingerprint: string;
}

const STAR_LEFT = SUMMARY_LEFT + 8;
/** Charts beside the HEE Star blocks, one under another, each over 8 columns and 16 rows. */
const CHART_LEFT = STAR_LEFT + 10;
const CHART_ROWS = 16;
const CHART_COLUMNS = 8;

/** Where the `n`th chart of a results sheet goes: beside its tables, not over them. */
function chartPlace(top: number, n: number): ChartPlace {
  return { top: top + n * (CHART_ROWS + 1), left: CHART_LEFT, rows: CHART_ROWS, columns: CHART_COLUMNS };
}

/**
 * The HEE Star breakdown beside the yearly summaries: by year (the source of
 * a stacked column chart: what each point closes, and the gap left, adding
 * up to the gap with no action), then by year and staff group below it.
 */
function queueStarBlocks(out: SheetWriter, star: readonly StarRow[], tableTop: number): void {
  const points = STAR_POINTS.map((p) => p.label);
  const years = starByYear(star);
  const fte = (columns: number) => new Array<string>(columns).fill("#,##0.0");
  const byYear = [
    ["Year", ...points, "Gap left", "Gap with no action"],
    ...years.map((y) => [y.year, ...STAR_POINTS.map(({ point }) => y.closes[point]), y.gap, y.noActionGap]),
  ];
  out.write(tableTop, STAR_LEFT, byYear, ["@", ...fte(byYear[0]!.length - 1)]);
  out.chart(
    "ColumnStacked",
    out.sheet.getRangeByIndexes(tableTop, STAR_LEFT, byYear.length, points.length + 2),
    "HEE Star: FTE of the gap each point closes, and the gap left",
    chartPlace(tableTop, 2),
  );

  const top = tableTop + byYear.length + 2;
  const byGroup = [
    ["Year", "Staff group", "Gap with no action", ...points, "Gap left"],
    ...star.map((r) => [r.year, r.staffGroup, r.noActionGap, ...STAR_POINTS.map(({ point }) => r.closes[point]), r.gap]),
  ];
  out.write(top, STAR_LEFT, byGroup, ["@", "@", ...fte(byGroup[0]!.length - 2)]);

  // The last plan year as a waterfall: stacked columns on an invisible base.
  const last = years.at(-1)!;
  const steps = starWaterfall(last);
  const fallTop = top + byGroup.length + 2;
  out.heading(fallTop, `HEE Star waterfall, ${last.year} (FTE)`, STAR_LEFT);
  const fall = [["Step", "Base", "Gap", "Closes", "Widens"], ...steps.map((s) => [s.label, s.base, s.gap, s.closes, s.widens])];
  const fallRange = out.write(fallTop + 1, STAR_LEFT, fall, ["@", ...fte(4)]);
  const waterfall = out.chart(
    "ColumnStacked",
    fallRange,
    `HEE Star waterfall, ${last.year}: the gap with no action, what each point closes, the gap left`,
    chartPlace(tableTop, 3),
  );
  waterfall.series.getItemAt(0).format.fill.clear();
}

/** Writes the results on a new sheet: the names it must avoid in one sync, the writing in another. */
export async function writeScenarioResults(result: ScenarioResult, checks: Triangulation): Promise<WrittenResults> {
  return Excel.run(async (context) => {
    const taken = queueTakenNames(context);
    await context.sync();
    const names = taken();
    const name = freeSheetName(outputSheetName(result.scenario.name), names.sheets);
    assertCanWrite(names.protection, { what: `writing "${result.scenario.name}"`, adds: [name] });
    const written = queueScenarioResults(context, result, checks, names, { kind: "add", name });
    await context.sync();
    return written;
  });
}

/**
 * Queues the writing of a scenario's results at `target`: a new sheet, or
 * wfplan's own sheet for the scenario, whose tables and charts are removed
 * and values cleared first (renamed out of the way instead, when the planner
 * keeps an edited copy). The caller's next sync writes them.
 */
export function queueScenarioResults(
  context: Excel.RequestContext,
  result: ScenarioResult,
  checks: Triangulation,
  taken: TakenNames,
  target: OutputTarget,
  star?: readonly StarRow[],
  /** The assumptions block: each line a label and its text (settings, sources, linked tables). */
  about: readonly (readonly [string, string])[] = [],
): WrittenResults {
  const sheetName = target.name;
  const { sheet, freedTables } = queueOpenTarget(context, target);
  const freed = freedTables.map((t) => t.toLowerCase());
  const tableName = freeTableName(
    "tblWfpResults",
    taken.tablesAndNames.filter((name) => !freed.includes(name.toLowerCase())),
  );
  const out = new SheetWriter(sheet);

  const failures = checks.checks.flatMap((c) => c.failures);
  const verdict = checks.checks.map((c) => `${c.title}: ${checkVerdict(c)}`).join(". ");
  out.heading(0, `Scenario: ${result.scenario.name}, ${result.years[0]} to ${result.years[result.years.length - 1]}`);
  out.write(1, 0, [[verdict]], undefined, { runsOn: true });
  if (about.length) {
    out.write(FIRST_BLOCK, 0, [["Assumptions", ""], ...about.map(([label, text]) => [label, text])], undefined, { runsOn: true });
    sheet.getRangeByIndexes(FIRST_BLOCK, 0, 1, 1).format.font.bold = true;
  }
  const TABLE_TOP = about.length ? FIRST_BLOCK + about.length + 2 : FIRST_BLOCK;

  const formats = COLUMNS.map(([, , format]) => format);
  const body = result.rows.map((row) => COLUMNS.map(([, value]) => value(row)));
  const block = out.write(TABLE_TOP, 0, [COLUMNS.map(([header]) => header), ...body], formats);
  const table = sheet.tables.add(block, true);
  table.name = tableName;

  // Yearly summaries beside the table, each the source of a native chart.
  const totals = totalsByYear(result);
  const years = totals.map((t) => ({ year: t.year, required: t.requiredFte, supply: t.supplyFte, cost: t.totalCost, budget: t.budget }));
  const fte = out.write(
    TABLE_TOP,
    SUMMARY_LEFT,
    [["Year", "Required FTE", "Supply FTE"], ...years.map((y) => [y.year, y.required, y.supply])],
    ["@", "#,##0.0", "#,##0.0"],
  );
  const money = out.write(
    TABLE_TOP,
    SUMMARY_LEFT + 4,
    [["Year", "Total pay cost", "Budget"], ...years.map((y) => [y.year, y.cost, y.budget])],
    ["@", "£#,##0", "£#,##0"],
  );
  out.chart("ColumnClustered", fte, "Workforce needed and in post (FTE)", chartPlace(TABLE_TOP, 0));
  out.chart("Line", money, `Pay cost and budget (${formatPounds(years[0]!.budget)} budget in ${years[0]!.year})`, chartPlace(TABLE_TOP, 1));

  if (star?.length) queueStarBlocks(out, star, TABLE_TOP);

  // Totals by year below the table, summed over the staff groups.
  const totalsTop = TABLE_TOP + body.length + 2;
  out.heading(totalsTop, "Totals by year");
  const totalRows = totals.map((row) => COLUMNS.map(([, value]) => value(row)));
  out.write(totalsTop + 1, 0, [COLUMNS.map(([header]) => header), ...totalRows], formats);
  sheet.getRangeByIndexes(totalsTop + 1, 0, 1, COLUMNS.length).format.font.bold = true;

  // The checks, one failure a line, below the totals.
  const checksTop = totalsTop + totalRows.length + 3;
  // Every failure, then what was not checked and why: "Every check passed" only when each was checked.
  const unchecked = checks.checks.flatMap((c) =>
    c.notChecked ? [`${c.title}: not checked: ${c.notChecked}.`] : (c.notes ?? []).map((note) => `${c.title}: ${note}.`),
  );
  const lines = [...failures.map((f) => [f.message]), ...unchecked.map((line) => [line])];
  if (!lines.length) lines.push(["Every check passed."]);
  out.write(checksTop, 0, [["Checks"], ...lines], undefined, { runsOn: true });
  sheet.getRangeByIndexes(checksTop, 0, 1, 1).format.font.bold = true;
  // Every column as wide as its table cells and labels (the charts' data too: not ### in any program), never its sentences.
  out.fitColumns();
  sheet.activate();
  return { sheet: sheetName, table: tableName, fingerprint: out.fingerprint() };
}
