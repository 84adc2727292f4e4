import { queueOnePageA4 } from "./pageSetup.ts";
import { PAGE_SETUP } from "./requirements.ts";
import { assumptionText, rowKey, shortagesByGroup, SYSTEM, type IcsSummary, type SystemRow } from "../../src/index.ts";
import { openOwnSheet, queueRegisterOutput } from "./outputSheets.ts";
import { SheetWriter } from "./sheetWriter.ts";

/*
 * The ICS summary: one sheet in the open workbook, wfplan's own (replaced on
 * the next summary; an edited one is kept under another name). Its first
 * page prints on one landscape A4 page: what to read before the totals, the
 * system by year, the collaborative bank's savings, the bank FTE it needs,
 * shared pay rates, and two charts. Below the page, every trust's and the
 * system's figures by staff group and year, as a table to filter.
 */

const ICS_KEY = "wfplan:ics";
const ICS_SHEET = "WFP ICS summary";
const CHART_LEFT = 10; // column K at least, right of the widest top table
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;
/** The charts' data, right of the charts and off the printed page, formatted so it reads as figures in any program. */

const FTE = "#,##0.0";
const MONEY = "£#,##0";
const PERCENT = "0.0%";

/** The figures of a trust's (or the system's) row of a staff group and year, each with its header and number format. */
const ROWS: [header: string, pick: (row: SystemRow) => string | number, format: string][] = [
  ["Trust", (r) => r.trust, "@"],
  ["Staff group", (r) => r.staffGroup, "@"],
  ["Year", (r) => r.year, "@"],
  ["Required FTE", (r) => r.requiredFte, FTE],
  ["Supply FTE", (r) => r.supplyFte, FTE],
  ["Gap FTE", (r) => r.gapFte, FTE],
  ["Pay cost", (r) => r.totalCost, MONEY],
  ["Budget", (r) => r.budget, MONEY],
  ["Variance", (r) => r.variance, MONEY],
  ["Bank FTE", (r) => r.bankFte, FTE],
  ["Bank spend", (r) => r.bankCost, MONEY],
  ["Bank rate", (r) => r.bankRate ?? "", MONEY],
  ["Agency FTE", (r) => r.agencyFte, FTE],
  ["Agency spend", (r) => r.agencyCost, MONEY],
  ["Agency rate", (r) => r.agencyRate ?? "", MONEY],
];
/** Some of ROWS, by header, in the order given. */
const columnsOf = (headers: readonly string[]) => headers.map((h) => ROWS.find(([header]) => header === h)!);

/** The most trusts a chart shows. */
const CHARTED = 10;
/** Up to CHARTED names, the largest by `size`, in their own order. */
function largest(names: readonly string[], size: (name: string) => number): string[] {
  if (names.length <= CHARTED) return [...names];
  const kept = new Set([...names].sort((a, b) => size(b) - size(a)).slice(0, CHARTED));
  return names.filter((n) => kept.has(n));
}

const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

/** Writes the ICS summary; says whether an edited copy was kept. */
export async function writeIcsSummary(
  summary: IcsSummary,
  writtenAt = new Date(),
): Promise<{ sheet: string; keptCopy?: string; pageNotSetUp?: string }> {
  return Excel.run(async (context) => {
    const { sheet, target, registered } = await openOwnSheet(context, ICS_KEY, ICS_SHEET);
    const out = new SheetWriter(sheet);
    const { system, bank } = summary;
    // Right of the widest table: the bank FTE table is a staff group, a column a year and a cap, so a long plan pushes the charts right.
    const chartLeft = Math.max(CHART_LEFT, system.years.length + 3);
    const dataLeft = chartLeft + CHART_COLUMNS + 1;
    const chartAt = (type: string, source: Excel.Range, title: string, top: number) =>
      out.chart(type, source, title, { top, left: chartLeft, rows: CHART_ROWS, columns: CHART_COLUMNS });

    out.heading(0, `ICS summary: ${system.trusts.length} trust${system.trusts.length === 1 ? "" : "s"}`);
    out.write(
      1,
      0,
      [
        [`Each trust's chosen scenario, run as the trust ran it; written ${writtenAt.toISOString().slice(0, 16).replace("T", " ")}`],
        [system.trusts.map((t) => `${t.trust}: "${t.scenario}"`).join("; ")],
      ],
      undefined,
      { runsOn: true },
    );

    let row = 4;
    out.heading(row++, "Read before the totals");
    const notes = [
      ...summary.assumptions.map(assumptionText),
      ...shortagesByGroup(summary.shortages).map((line) => `Competing for the same people: ${line}.`),
    ];
    out.write(
      row,
      0,
      (notes.length
        ? notes
        : [
            "The trusts' plans share their pay-table year, on-cost basis, headroom and years, and no two trusts are short of the same staff group in the same year.",
          ]
      ).map((n) => [n]),
      undefined,
      { runsOn: true },
    );
    row += Math.max(1, notes.length) + 1;

    out.heading(row++, "The system by year");
    const yearly = columnsOf([
      "Year",
      "Required FTE",
      "Supply FTE",
      "Gap FTE",
      "Pay cost",
      "Budget",
      "Variance",
      "Bank spend",
      "Agency spend",
    ]);
    out.write(
      row,
      0,
      [yearly.map(([header]) => header), ...system.systemByYear.map((r) => yearly.map(([, pick]) => pick(r)))],
      yearly.map(([, , format]) => format),
    );
    row += system.systemByYear.length + 2;

    const { share, fee } = bank.settings;
    out.heading(row++, `Collaborative bank: ${percent(share)} of agency cover, management fee ${percent(fee)}, over the plan`);
    const bankTable = [
      ["Trust", "Agency spend before", "Agency spend after", "Bank cost", "Saving"],
      ...bank.totals.map((t) => [t.trust, t.agencyCostBefore, t.agencyCostAfter, t.bankCost, t.saving]),
    ];
    out.write(row, 0, bankTable, ["@", MONEY, MONEY, MONEY, MONEY]);
    sheet.getRangeByIndexes(row + bankTable.length - 1, 0, 1, 5).format.font.bold = true;
    row += bankTable.length + 1;

    // The bank FTE it supplies: a staff group a row, a year a column, and the group's cap where it has one.
    const needOf = new Map(bank.needs.map((n) => [rowKey(n.staffGroup, n.year), n]));
    const needGroups = system.staffGroups.filter((g) => bank.needs.some((n) => n.staffGroup === g && n.askedFte > 0));
    out.heading(row++, "Bank FTE the system's bank supplies, by staff group and year");
    const needRows = needGroups.length
      ? needGroups.map((group) => [
          group,
          ...system.years.map((year) => needOf.get(rowKey(group, year))?.bankFte ?? ""),
          bank.settings.capFte[group] ?? "none",
        ])
      : [["None: no agency cover moves to the bank", ...system.years.map(() => ""), ""]];
    out.write(row, 0, [["Staff group", ...system.years, "Cap"], ...needRows], ["@", ...system.years.map(() => FTE), FTE]);
    row += needRows.length + 2;

    out.heading(row++, "Shared pay rates: premiums over substantive pay, and the saving if trusts above the median paid it");
    const spreadRows = summary.spreads.length
      ? summary.spreads.map((s) => [
          s.staffGroup,
          s.kind === "bank" ? "Bank" : "Agency",
          s.lowest,
          s.median,
          s.highest,
          s.trusts
            .filter((t) => t.saving > 0)
            .map((t) => t.trust)
            .join(", ") || "none",
          s.saving,
        ])
      : [["No staff group is bought on bank or agency by two or more trusts", "", "", "", "", "", ""]];
    out.write(
      row,
      0,
      [["Staff group", "Bank or agency", "Lowest", "Median", "Highest", "Trusts above the median", "Saving at the median"], ...spreadRows],
      ["@", "@", PERCENT, PERCENT, PERCENT, "@", MONEY],
    );
    row += spreadRows.length + 1;

    // Charts beside the tables: the gap by trust and staff group in the first year every trust plans; agency before and after.
    const year = system.years.find((y) => system.trusts.every((t) => t.result.years.includes(y as never))) ?? system.years[0]!;
    // A chart of more than CHARTED trusts cannot be read: beyond that, the trusts with the largest gap (or agency spend).
    const gapOf = (trust: string) =>
      system.trustRows.filter((r) => r.trust === trust && r.year === year).reduce((sum, r) => sum + Math.max(0, r.gapFte), 0);
    const trusts = largest(
      system.trusts.map((t) => t.trust),
      gapOf,
    );
    const gapOfYear = new Map(system.trustRows.filter((r) => r.year === year).map((r) => [rowKey(r.staffGroup, year, r.trust), r.gapFte]));
    const gapData = [
      ["Staff group", ...trusts],
      ...system.staffGroups.map((group) => [group, ...trusts.map((trust) => gapOfYear.get(rowKey(group, year, trust)) ?? 0)]),
    ];
    const gapRange = out.write(0, dataLeft, gapData, ["@", ...trusts.map(() => FTE)]);
    const spenders = largest(
      bank.totals.filter((t) => t.trust !== SYSTEM).map((t) => t.trust),
      (trust) => bank.totals.find((t) => t.trust === trust)!.agencyCostBefore,
    );
    const agencyData = [
      ["Trust", "Agency spend before", "Agency spend after"],
      ...spenders.map((trust) => bank.totals.find((t) => t.trust === trust)!).map((t) => [t.trust, t.agencyCostBefore, t.agencyCostAfter]),
    ];
    const agencyRange = out.write(gapData.length + 1, dataLeft, agencyData, ["@", MONEY, MONEY]);
    const of = (shown: number, what: string) => (shown < system.trusts.length ? `, the ${shown} trusts with the most ${what}` : "");
    chartAt("ColumnClustered", gapRange, `FTE gap by trust and staff group, ${year}${of(trusts.length, "gap")}`, 0);
    chartAt(
      "ColumnClustered",
      agencyRange,
      `Agency spend before and after the collaborative bank${of(spenders.length, "agency spend")}`,
      CHART_ROWS + 1,
    );
    const pageBottom = Math.max(row, 2 * CHART_ROWS + 2);

    // Every figure below the page, as a table to filter: each trust's rows, then the system's.
    const detailTop = pageBottom + 1;
    out.heading(detailTop, "By trust, staff group and year");
    const detail = [
      ROWS.map(([header]) => header),
      ...[...system.trustRows, ...system.systemRows].map((r) => ROWS.map(([, pick]) => pick(r))),
    ];
    // Forty trusts of 200 staff groups over ten years pass 5 MB: written in parts, a sync each, when they do.
    const detailRange = await out.writeInParts(
      context,
      detailTop + 1,
      0,
      detail,
      ROWS.map(([, , format]) => format),
    );
    sheet.tables.add(detailRange, true);

    // Widths set, not autofitted: Excel's autofit would size column A to the title and notes, and the A4 page to nothing.
    out.fitColumns();
    const pageSetUp = queueOnePageA4(out, pageBottom, chartLeft + CHART_COLUMNS);
    queueRegisterOutput(context, registered, ICS_KEY, target.name, out.fingerprint());
    sheet.activate();
    await context.sync();
    return {
      sheet: target.name,
      ...(target.kind === "replace" && target.keepAs ? { keptCopy: target.keepAs } : {}),
      ...(pageSetUp ? {} : { pageNotSetUp: PAGE_SETUP.without }),
    };
  });
}
