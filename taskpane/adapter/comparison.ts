import type { ComparisonRow } from "../../src/index.ts";
import { addFreshSheet } from "./names.ts";
import { SheetWriter, type Cell } from "./sheetWriter.ts";

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
export function byYear(rows: readonly ComparisonRow[], pick: (row: ComparisonRow) => number): Cell[][] {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const cell = (scenario: string, year: string) => {
    const row = rows.find((r) => r.scenario === scenario && r.year === year);
    return row ? pick(row) : "";
  };
  return [["Year", ...scenarios], ...years.map((year) => [year, ...scenarios.map((s) => cell(s, year))])];
}

/** Writes the comparison on a new sheet, each scenario's assumptions (what differs from the first) above the table. */
export async function writeComparison(rows: readonly ComparisonRow[], assumptions: readonly string[] = []): Promise<string> {
  return Excel.run(async (context) => {
    const { sheet, name } = await addFreshSheet(context, "WFP comparison");
    const out = new SheetWriter(sheet);
    const scenarios = [...new Set(rows.map((r) => r.scenario))];
    out.heading(0, `Scenarios side by side: ${scenarios.join(", ")}`);
    if (assumptions.length)
      out.write(
        1,
        0,
        assumptions.map((line) => [line]),
        undefined,
        { runsOn: true },
      );
    const top = 2 + assumptions.length;

    const table = out.write(
      top,
      0,
      [COLUMNS.map(([header]) => header), ...rows.map((row) => COLUMNS.map(([, value]) => value(row)))],
      COLUMNS.map(([, , format]) => format),
    );
    sheet.tables.add(table, true);

    // Years by scenario beside the table, each charted to its right (positioned: Excel floats a chart over the cells otherwise).
    const left = COLUMNS.length + 1;
    const cost = byYear(rows, (r) => r.totalCost);
    const costRange = out.write(top, left, cost, ["@", ...scenarios.map(() => "£#,##0")]);
    const unstaffed = byYear(rows, (r) => r.unmetFte);
    const unstaffedTop = top + cost.length + 2;
    const unstaffedRange = out.write(unstaffedTop, left, unstaffed, ["@", ...scenarios.map(() => "#,##0.0")]);
    const chartLeft = left + scenarios.length + 2;
    out.chart("Line", costRange, "Pay cost by scenario", { top, left: chartLeft, rows: 15, columns: 8 });
    out.chart("ColumnClustered", unstaffedRange, "Unstaffed FTE by scenario", { top: top + 16, left: chartLeft, rows: 15, columns: 8 });
    out.fitColumns();
    sheet.activate();
    await context.sync();
    return name;
  });
}
