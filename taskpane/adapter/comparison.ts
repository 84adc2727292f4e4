import type { ComparisonRow } from "../../src/index.ts";
import { asText, asTextCells } from "./cellText.ts";
import { addFreshSheet } from "./names.ts";

/*
 * Writes scenarios side by side for a board: a table of each scenario's years,
 * and two blocks of years by scenario (pay cost, unstaffed FTE), each charted.
 */

const COLUMNS: [header: string, value: (row: ComparisonRow) => string | number, format: string][] = [
  ["Scenario", (r) => r.scenario, "@"],
  ["Year", (r) => r.year, "@"],
  ["Required FTE", (r) => r.requiredFte, "#,##0.0"],
  ["Supply FTE", (r) => r.supplyFte, "#,##0.0"],
  ["Gap FTE", (r) => r.gapFte, "#,##0.0"],
  ["Unstaffed FTE", (r) => r.unmetFte, "#,##0.0"],
  ["Total pay cost", (r) => r.totalCost, "£#,##0"],
  ["Cost of the workforce needed", (r) => r.neededCost, "£#,##0"],
  ["Budget", (r) => r.budget, "£#,##0"],
  ["Variance", (r) => r.variance, "£#,##0"],
  ["Checks failed", (r) => r.failedChecks, "0"],
];

/**
 * Years down, one column a scenario: the shape a chart of scenarios needs.
 * Scenarios of different horizons or start years share the rows of every
 * year any of them has; a year a scenario does not reach is left blank.
 */
export function byYear(rows: readonly ComparisonRow[], pick: (row: ComparisonRow) => number): (string | number)[][] {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const cell = (scenario: string, year: string) => {
    const row = rows.find((r) => r.scenario === scenario && r.year === year);
    return row ? pick(row) : "";
  };
  return [["Year", ...scenarios.map(asText)], ...years.map((year) => [asText(year), ...scenarios.map((s) => cell(s, year))])];
}

/** Writes the comparison on a new sheet, each scenario's assumptions (what differs from the first) above the table. */
export async function writeComparison(rows: readonly ComparisonRow[], assumptions: readonly string[] = []): Promise<string> {
  return Excel.run(async (context) => {
    const { sheet, name } = await addFreshSheet(context, "WFP comparison");
    const scenarios = [...new Set(rows.map((r) => r.scenario))];
    sheet.getRange("A1").values = asTextCells([[`Scenarios side by side: ${scenarios.join(", ")}`]]);
    sheet.getRange("A1").format.font.bold = true;
    if (assumptions.length) sheet.getRangeByIndexes(1, 0, assumptions.length, 1).values = asTextCells(assumptions.map((line) => [line]));
    const top = 2 + assumptions.length;

    const table = sheet.getRangeByIndexes(top, 0, rows.length + 1, COLUMNS.length);
    table.values = [COLUMNS.map(([header]) => header), ...asTextCells(rows.map((row) => COLUMNS.map(([, value]) => value(row))))];
    sheet.getRangeByIndexes(top + 1, 0, rows.length, COLUMNS.length).numberFormat = rows.map(() => COLUMNS.map(([, , format]) => format));
    sheet.tables.add(table, true);
    table.format.autofitColumns();

    const left = COLUMNS.length + 1;
    const cost = byYear(rows, (r) => r.totalCost);
    const costRange = sheet.getRangeByIndexes(top, left, cost.length, cost[0]!.length);
    costRange.values = cost;
    const unstaffed = byYear(rows, (r) => r.unmetFte);
    const unstaffedRange = sheet.getRangeByIndexes(top + cost.length + 2, left, unstaffed.length, unstaffed[0]!.length);
    unstaffedRange.values = unstaffed;
    const costChart = sheet.charts.add("Line", costRange, "Columns");
    costChart.title.text = "Pay cost by scenario";
    const gapChart = sheet.charts.add("ColumnClustered", unstaffedRange, "Columns");
    gapChart.title.text = "Unstaffed FTE by scenario";
    sheet.activate();
    await context.sync();
    return name;
  });
}
