import {
  againstActualNotes,
  demandMonthsText,
  monthDetail,
  planAgainstActual,
  monthlySubmission,
  type PlanAgainstActual,
  type Status,
  type ScenarioResult,
  type Submission,
  type YearSubmission,
} from "../../src/index.ts";
import { freeSheetName, freeTableName, queueTakenNames, type TakenNames } from "./names.ts";
import { queueA4Landscape } from "./pageSetup.ts";
import { monthsSheetName, queueOpenTarget, type OutputTarget } from "./outputSheets.ts";
import { assertCanWrite } from "./protection.ts";
import { SheetWriter, type Cell } from "./sheetWriter.ts";

/*
 * A scenario's months: the sheet a planner copies into the operational
 * plan's workforce template. For each year with months, a chart of the
 * trajectory (substantive, bank and agency stacked by month, the WTE needed
 * as a line), then a block a measure: the NHS staff groups down, April to
 * March across, with the year's figure and a total. Then the substantive
 * staff's flows month by month and how the trust's groups map to the NHS's.
 * Everything written comes from monthlySubmission (src/months/submission.ts).
 */

/** Columns: the label, twelve months, the year. The chart's data sits to the right, off the printed page. */
const COLUMNS = 14;
const CHART_DATA_LEFT = COLUMNS + 1;
const CHART_ROWS = 18;
const CHART_COLUMNS = 8;
/**
 * The table of every month goes under the charts' data, right of the page:
 * its 34 columns end by column AW, inside the 50 the next run reads back in
 * one sync (READ_BACK_BOX), so replacing the sheet costs no sync more.
 */
const DETAIL_LEFT = CHART_DATA_LEFT;

const WTE = "#,##0.0";
const POUNDS = "£#,##0";

export interface WrittenMonths {
  sheet: string;
  /** The table of every month of every staff group. */
  table: string;
  fingerprint: string;
}

/** Fills that say a status at a glance, NHS colours lightened to keep the figures readable. */
const STATUS_FILL: Record<Status, string> = { green: "#C6E9C9", amber: "#FCE1B8", red: "#F5C1C1" };

/**
 * Queues the plan against its actuals from `top`: each month's plan, actual
 * and variance, the status and the pay variance to date, and the forecast
 * outturn; gives the row after it.
 */
function queueAgainstActual(out: SheetWriter, compared: PlanAgainstActual, labels: readonly string[], top: number): number {
  const { months } = compared;
  const blank = (value: number | undefined): Cell => (value === undefined ? "" : value);
  const actualPay = months.flatMap((m) => (m.actual?.pay === undefined ? [] : [m.actual.pay]));
  const rows: [string, Cell[], Cell, string][] = [
    ["Total WTE, plan", months.map((m) => m.plan.totalFte), months[11]!.plan.totalFte, WTE],
    ["Total WTE, actual", months.map((m) => blank(m.actual?.totalFte)), "", WTE],
    ["Variance, WTE", months.map((m) => blank(m.varianceFte)), "", WTE],
    ["Substantive WTE, actual", months.map((m) => blank(m.actual?.substantiveFte)), "", WTE],
    ["Pay cost, plan", months.map((m) => m.plan.pay), compared.planPay, POUNDS],
    ["Pay cost, actual", months.map((m) => blank(m.actual?.pay)), actualPay.length ? actualPay.reduce((a, b) => a + b, 0) : "", POUNDS],
    ["Variance, £", months.map((m) => blank(m.variancePay)), "", POUNDS],
    ["Variance to date, £", months.map((m) => blank(m.ytdVariancePay)), "", POUNDS],
    ["Status", months.map((m) => m.status ?? ""), "", "@"],
    ["Substantive WTE, forecast", months.map((m) => m.forecast.substantiveFte), compared.forecastClosingFte, WTE],
    ["Total WTE, forecast", months.map((m) => m.forecast.totalFte), months[11]!.forecast.totalFte, WTE],
    ["Pay cost, forecast", months.map((m) => m.forecast.pay), compared.forecastPay, POUNDS],
  ];
  const header: Cell[] = ["Plan against actual", ...labels, "Year"];
  out.write(top, 0, [header], undefined);
  out.sheet.getRangeByIndexes(top, 0, 1, COLUMNS).format.font.bold = true;
  rows.forEach(([label, values, year, format], i) => {
    out.write(top + 1 + i, 0, [[label, ...values, year]], [new Array<string>(COLUMNS).fill(format).map((f, c) => (c === 0 ? "@" : f))]);
  });
  const statusRow = top + 1 + rows.findIndex(([label]) => label === "Status");
  months.forEach((m, i) => {
    if (m.status) out.sheet.getRangeByIndexes(statusRow, 1 + i, 1, 1).format.fill.color = STATUS_FILL[m.status];
  });
  return top + 1 + rows.length + 1;
}

/** Queues a year's chart and blocks from `top`; gives the row after them. */
function queueYear(out: SheetWriter, scenario: string, year: YearSubmission, top: number, compared: PlanAgainstActual | undefined): number {
  out.heading(top, `${year.year}`);
  // The chart's data: the totals by month, one row a month.
  const total = (title: string) => year.blocks.find((b) => b.title === title)!.lines.at(-1)!.months;
  const [substantive, bank, agency, needed] = [
    total("Substantive WTE"),
    total("Bank WTE (with the collaborative bank)"),
    total("Agency WTE"),
    total("WTE the activity needs"),
  ];
  const data = [
    ["Month", "Substantive", "Bank", "Agency", "WTE needed"],
    ...year.monthLabels.map((label, m) => [label, substantive[m]!, bank[m]!, agency[m]!, needed[m]!]),
  ];
  const source = out.write(top + 1, CHART_DATA_LEFT, data, ["@", WTE, WTE, WTE, WTE]);
  const chart = out.chart("ColumnStacked", source, `${scenario}, ${year.year}: WTE by month against the WTE needed`, {
    top: top + 1,
    left: 0,
    rows: CHART_ROWS,
    columns: CHART_COLUMNS,
  });
  // The need as a line over the stacked staff, not a fourth layer of them.
  chart.series.getItemAt(3).chartType = "Line";

  let row = top + 1 + CHART_ROWS + 1;
  if (compared) row = queueAgainstActual(out, compared, year.monthLabels, row);
  for (const block of year.blocks) {
    const last = block.kind === "position" ? "Year end (March)" : "Year";
    const format = block.unit === "£" ? POUNDS : WTE;
    const rows: Cell[][] = [
      [block.title, ...year.monthLabels, last],
      ...block.lines.map((line) => [line.label, ...line.months, line.year]),
    ];
    out.write(row, 0, rows, ["@", ...new Array<string>(13).fill(format)]);
    out.sheet.getRangeByIndexes(row, 0, 1, COLUMNS).format.font.bold = true;
    out.sheet.getRangeByIndexes(row + rows.length - 1, 0, 1, COLUMNS).format.font.bold = true;
    row += rows.length + 1;
  }

  out.heading(row, `Substantive staff month by month, every staff group (WTE; leavers and retirements as negatives)`);
  const flows: Cell[][] = [["Flow", ...year.monthLabels, "Year"], ...year.flows.map((f) => [f.label, ...f.months, f.year])];
  out.write(row + 1, 0, flows, ["@", ...new Array<string>(13).fill(WTE)]);
  out.sheet.getRangeByIndexes(row + 1, 0, 1, COLUMNS).format.font.bold = true;
  return row + 1 + flows.length + 1;
}

/**
 * Queues the months of `result` at `target` (cleared or added as the results
 * sheet is); the caller's next sync writes them.
 */
export function queueMonthsSheet(
  context: Excel.RequestContext,
  result: ScenarioResult,
  submission: Submission,
  target: OutputTarget,
  taken: TakenNames,
  /** The short fingerprint of the scenario version it comes from. */
  version?: string,
): WrittenMonths {
  const { sheet, freedTables } = queueOpenTarget(context, target);
  const out = new SheetWriter(sheet);
  const name = result.scenario.name;
  out.heading(0, `Scenario: ${name}, the plan year by month`);
  const notes = [
    "WTE at each month's end and pay cost in the month, by NHS Workforce Statistics staff group, as the operational plan's workforce template asks for them.",
    "Bank includes the collaborative bank. The year's pay cost is the results sheet's, shared out over the months by their WTE and the pay in force.",
    `WTE needed by month: ${demandMonthsText(result.demandMonths)}.`,
    ...againstActualNotes(result),
    ...(version ? [`Version ${version} of the scenario (the first digits of its SHA-256 fingerprint as stored in the workbook).`] : []),
  ];
  out.write(
    1,
    0,
    notes.map((line) => [line]),
    undefined,
    { runsOn: true },
  );

  let row = notes.length + 2;
  const compared = planAgainstActual(result);
  // Each year's charts' data sits at the year's top, 14 rows deep: the table of every month goes under the last.
  let dataBottom = 0;
  for (const [i, year] of submission.years.entries()) {
    dataBottom = row + 1 + 13;
    row = queueYear(out, name, year, row, i === 0 ? compared : undefined);
  }

  out.heading(row, "Staff groups: the trust's own and the NHS's");
  // The NHS group runs on across the month columns, which stay as wide as their figures.
  const mapping: Cell[][] = [
    ["Staff group", "NHS staff group"],
    ...submission.mapping.map((m) => [
      m.staffGroup,
      `${m.nhsGroup} (${m.how === "set" ? "set in the scenario" : "guessed from the name: set it in the scenario's staff group drivers, NHS staff group"})`,
    ]),
  ];
  out.write(row + 1, 0, mapping, undefined, { runsOn: true });
  out.sheet.getRangeByIndexes(row + 1, 0, 1, 2).format.font.bold = true;
  row += 1 + mapping.length;

  // Every month of every one of the trust's staff groups as a table, to the right of the printed page: for filters and pivots.
  const detail = monthDetail(result);
  const formatOf = { "@": "@", wte: WTE, pounds: POUNDS } as const;
  const detailTop = dataBottom + 2;
  out.heading(detailTop - 1, "Every month of every staff group (the figures left are these added up by NHS staff group)", DETAIL_LEFT);
  const block = out.write(
    detailTop,
    DETAIL_LEFT,
    [detail.headers, ...detail.rows],
    detail.formats.map((f) => formatOf[f]),
  );
  const tableName = freeTableName(
    "tblWfpMonths",
    taken.tablesAndNames.filter((n) => !freedTables.some((t) => t.toLowerCase() === n.toLowerCase())),
  );
  // Named from what is known, never read back: a table's name is not loaded until a sync.
  sheet.tables.add(block, true).name = tableName;

  out.fitColumns();
  queueA4Landscape(out, row, COLUMNS);
  return { sheet: target.name, table: tableName, fingerprint: out.fingerprint() };
}

/** Writes a scenario's months on a new sheet: the names it must avoid in one sync, the writing in another. */
export async function writeMonthsSheet(result: ScenarioResult): Promise<WrittenMonths> {
  return Excel.run(async (context) => {
    const taken = queueTakenNames(context);
    await context.sync();
    const names = taken();
    const name = freeSheetName(monthsSheetName(result.scenario.name), names.sheets);
    assertCanWrite(names.protection, { what: `writing the months of "${result.scenario.name}"`, adds: [name] });
    const written = queueMonthsSheet(context, result, monthlySubmission(result), { kind: "add", name }, names);
    await context.sync();
    return written;
  });
}
