import { queueOnePageA4 } from "./pageSetup.ts";
import { PAGE_SETUP } from "./requirements.ts";
import { STAR_POINTS, type BoardSummary } from "../../src/index.ts";
import { openOwnSheet, queueRegisterOutput } from "./outputSheets.ts";
import { SheetWriter, type Cell } from "./sheetWriter.ts";

/*
 * The Board summary: one sheet, wfplan's own (replaced on the next summary;
 * if the planner edited it, their copy is kept under another name), set to
 * print on one landscape A4 page: what differs between the scenarios, a
 * headline table per year, pay cost and FTE gap by scenario charted, and
 * each scenario's HEE Star with its chart.
 */

/** The register's key for the Board summary: not a name a scenario is given. */
const BOARD_KEY = "wfplan:board";
const BOARD_SHEET = "WFP Board summary";

const HEADLINE: [header: string, format: string][] = [
  ["Scenario", "@"],
  ["Year", "@"],
  ["FTE gap", "#,##0.0"],
  ["Total pay cost", "£#,##0"],
  ["Variance to budget", "£#,##0"],
  ["Agency spend", "£#,##0"],
  ["Supply over need", "0.0%"],
];
const CHART_LEFT = 8; // column I
const CHART_COLUMNS = 7;
const CHART_ROWS = 14;

/** Years down, a column a scenario, blank where a scenario does not reach the year. */
function yearsByScenario(summary: BoardSummary, pick: (row: BoardSummary["headline"][number]) => number): Cell[][] {
  const scenarios = [...new Set(summary.headline.map((r) => r.scenario))];
  const years = [...new Set(summary.headline.map((r) => r.year))].sort();
  return [
    ["Year", ...scenarios],
    ...years.map((year) => [
      year,
      ...scenarios.map((s) => {
        const row = summary.headline.find((r) => r.scenario === s && r.year === year);
        return row ? pick(row) : "";
      }),
    ]),
  ];
}

/** Writes the Board summary; says whether an edited copy was kept. Four syncs at most. */
export async function writeBoardSummary(
  summary: BoardSummary,
  writtenAt = new Date(),
): Promise<{ sheet: string; keptCopy?: string; pageNotSetUp?: string }> {
  return Excel.run(async (context) => {
    const { sheet, target, registered } = await openOwnSheet(context, BOARD_KEY, BOARD_SHEET);
    const out = new SheetWriter(sheet);
    const chartAt = (type: string, source: Excel.Range, title: string, top: number) =>
      out.chart(type, source, title, { top, left: CHART_LEFT, rows: CHART_ROWS, columns: CHART_COLUMNS });

    const scenarios = summary.star.map((s) => s.scenario);
    out.heading(0, `Board summary: ${scenarios.join(", ")}`);
    out.write(
      1,
      0,
      [[`The newest saved version of each scenario, written ${writtenAt.toISOString().slice(0, 16).replace("T", " ")}`]],
      undefined,
      {
        runsOn: true,
      },
    );
    out.heading(3, "What differs");
    if (summary.differences.length)
      out.write(
        4,
        0,
        summary.differences.map((line) => [line]),
        undefined,
        { runsOn: true },
      );

    const headTop = 4 + summary.differences.length + 2;
    const headline = [
      HEADLINE.map(([header]) => header),
      ...summary.headline.map((r) => [r.scenario, r.year, r.gapFte, r.totalCost, r.variance, r.agencyCost, r.supplyOverNeed]),
    ];
    const table = out.write(
      headTop,
      0,
      headline,
      HEADLINE.map(([, format]) => format),
    );
    sheet.tables.add(table, true);

    // Pay cost and the FTE gap by scenario, charted beside the headline.
    const cost = yearsByScenario(summary, (r) => r.totalCost);
    const gap = yearsByScenario(summary, (r) => r.gapFte);
    const dataLeft = CHART_LEFT + CHART_COLUMNS + 1;
    const costRange = out.write(
      headTop,
      dataLeft,
      cost,
      cost.map((row, i) => row.map((_, j) => (i === 0 || j === 0 ? "@" : "£#,##0"))),
    );
    const gapRange = out.write(
      headTop + cost.length + 1,
      dataLeft,
      gap,
      gap.map((row, i) => row.map((_, j) => (i === 0 || j === 0 ? "@" : "#,##0.0"))),
    );
    chartAt("Line", costRange, "Pay cost by scenario", headTop);
    chartAt("ColumnClustered", gapRange, "FTE gap by scenario", headTop + CHART_ROWS);

    // Each scenario's HEE Star, below the headline, with its chart beside it.
    let top = Math.max(headTop + headline.length + 2, headTop + 2 * CHART_ROWS + 1);
    for (const { scenario, byYear } of summary.star) {
      out.heading(top, `HEE Star: ${scenario}`);
      const rows = [
        ["Year", ...STAR_POINTS.map((p) => p.label), "Gap left"],
        ...byYear.map((y) => [y.year, ...STAR_POINTS.map(({ point }) => y.closes[point]), y.gap]),
      ];
      const block = out.write(top + 1, 0, rows, ["@", ...rows[0]!.slice(1).map(() => "#,##0.0")]);
      chartAt("ColumnStacked", block, `HEE Star: ${scenario}, FTE of the gap each point closes`, top);
      top += Math.max(rows.length + 2, CHART_ROWS + 1);
    }

    // One landscape A4 page: the tables and charts (the charts' data, to their right, is left off the page).
    const lastColumn = CHART_LEFT + CHART_COLUMNS - 1;
    // Widths set, not autofitted: Excel's autofit would size column A to the title and notes, and the A4 page to nothing.
    out.fitColumns();
    const pageSetUp = queueOnePageA4(out, top, lastColumn + 1);
    queueRegisterOutput(context, registered, BOARD_KEY, target.name, out.fingerprint());
    sheet.activate();
    await context.sync();
    return {
      sheet: target.name,
      ...(target.kind === "replace" && target.keepAs ? { keptCopy: target.keepAs } : {}),
      ...(pageSetUp ? {} : { pageNotSetUp: PAGE_SETUP.without }),
    };
  });
}
