import { STAR_POINTS, type BoardSummary } from "../../src/index.ts";
import { asText, asTextCells } from "./cellText.ts";
import { openOwnSheet, queueRegisterOutput, valuesFingerprint, type WrittenBlock } from "./outputSheets.ts";

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
function yearsByScenario(summary: BoardSummary, pick: (row: BoardSummary["headline"][number]) => number): unknown[][] {
  const scenarios = [...new Set(summary.headline.map((r) => r.scenario))];
  const years = [...new Set(summary.headline.map((r) => r.year))].sort();
  return [
    ["Year", ...scenarios.map(asText)],
    ...years.map((year) => [
      asText(year),
      ...scenarios.map((s) => {
        const row = summary.headline.find((r) => r.scenario === s && r.year === year);
        return row ? pick(row) : "";
      }),
    ]),
  ];
}

/** Writes the Board summary; says whether an edited copy was kept. Four syncs at most. */
export async function writeBoardSummary(summary: BoardSummary, writtenAt = new Date()): Promise<{ sheet: string; keptCopy?: string }> {
  return Excel.run(async (context) => {
    const { sheet, target, registered } = await openOwnSheet(context, BOARD_KEY, BOARD_SHEET);
    const blocks: WrittenBlock[] = [];
    const write = (top: number, left: number, values: unknown[][], format?: string[][]) => {
      const range = sheet.getRangeByIndexes(top, left, values.length, values[0]!.length);
      range.values = values as Excel.Range["values"];
      if (format) range.numberFormat = format;
      blocks.push({ top, left, values });
      return range;
    };
    const bold = (row: number, column = 0) => (sheet.getRangeByIndexes(row, column, 1, 1).format.font.bold = true);
    const chartAt = (type: Excel.ChartType | string, source: Excel.Range, title: string, top: number) => {
      const chart = sheet.charts.add(type as Excel.ChartType, source, "Columns");
      chart.title.text = title;
      chart.setPosition(
        sheet.getRangeByIndexes(top, CHART_LEFT, 1, 1),
        sheet.getRangeByIndexes(top + CHART_ROWS - 1, CHART_LEFT + CHART_COLUMNS - 1, 1, 1),
      );
    };

    const scenarios = summary.star.map((s) => s.scenario);
    write(
      0,
      0,
      asTextCells([
        [`Board summary: ${scenarios.join(", ")}`],
        [`The newest saved version of each scenario, written ${writtenAt.toISOString().slice(0, 16).replace("T", " ")}`],
      ]),
    );
    bold(0);
    write(3, 0, [["What differs"], ...asTextCells(summary.differences.map((line) => [line]))]);
    bold(3);

    const headTop = 4 + summary.differences.length + 2;
    const headline = [
      HEADLINE.map(([header]) => header),
      ...summary.headline.map((r) => [
        asText(r.scenario),
        asText(r.year),
        r.gapFte,
        r.totalCost,
        r.variance,
        r.agencyCost,
        r.supplyOverNeed,
      ]),
    ];
    const table = write(headTop, 0, headline);
    sheet.getRangeByIndexes(headTop + 1, 0, summary.headline.length, HEADLINE.length).numberFormat = summary.headline.map(() =>
      HEADLINE.map(([, format]) => format),
    );
    sheet.tables.add(table, true);
    table.format.autofitColumns();

    // Pay cost and the FTE gap by scenario, charted beside the headline.
    const cost = yearsByScenario(summary, (r) => r.totalCost);
    const gap = yearsByScenario(summary, (r) => r.gapFte);
    const dataLeft = CHART_LEFT + CHART_COLUMNS + 1;
    const costRange = write(
      headTop,
      dataLeft,
      cost,
      cost.map((row, i) => row.map((_, j) => (i === 0 || j === 0 ? "@" : "£#,##0"))),
    );
    const gapRange = write(
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
      write(top, 0, [[asText(`HEE Star: ${scenario}`)]]);
      bold(top);
      const rows = [
        ["Year", ...STAR_POINTS.map((p) => p.label), "Gap left"],
        ...byYear.map((y) => [asText(y.year), ...STAR_POINTS.map(({ point }) => y.closes[point]), y.gap]),
      ];
      const block = write(top + 1, 0, rows);
      sheet.getRangeByIndexes(top + 2, 1, byYear.length, rows[0]!.length - 1).numberFormat = byYear.map(() =>
        rows[0]!.slice(1).map(() => "#,##0.0"),
      );
      chartAt("ColumnStacked", block, `HEE Star: ${scenario}, FTE of the gap each point closes`, top);
      top += Math.max(rows.length + 2, CHART_ROWS + 1);
    }

    // One landscape A4 page: the tables and charts (the charts' data, to their right, is left off the page).
    const lastColumn = CHART_LEFT + CHART_COLUMNS - 1;
    sheet.pageLayout.orientation = "Landscape" as Excel.PageOrientation;
    sheet.pageLayout.paperSize = "A4" as Excel.PaperType;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    sheet.pageLayout.setPrintArea(sheet.getRangeByIndexes(0, 0, top, lastColumn + 1));
    queueRegisterOutput(context, registered, BOARD_KEY, target.name, valuesFingerprint(blocks));
    sheet.activate();
    await context.sync();
    return { sheet: target.name, ...(target.kind === "replace" && target.keepAs ? { keptCopy: target.keepAs } : {}) };
  });
}
