import { beforeAll, describe, expect, it } from "vitest";
import { Workbook } from "../../engine/workbook.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SYSTEM } from "../../src/index.ts";
import { parseRangeAddress } from "../../src/addresses.ts";
import { readTrustWorkbook } from "../../files/trustWorkbook.ts";
import { readTrustFiles, writeSystemView } from "../../taskpane/useCases/systemView.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { icsFiles, ownResults, pence, type OwnRow } from "./trustFiles.ts";

/*
 * The system view as the pane runs it, on the workbench's Excel API: three
 * trusts' saved workbooks (one in London on 2024/25 pay tables, one with
 * local pension on-costs) and two files that cannot be used, consolidated
 * into an ICS summary sheet in the open workbook.
 */

let files: ReturnType<typeof icsFiles>;
let model: Workbook;
/** Each trust's own results of "Plan 2025", from its results sheet. */
let owned: OwnRow[][];
beforeAll(async () => {
  files = icsFiles();
  owned = await Promise.all(files.trusts.map((t) => ownResults(t.bytes, "Plan 2025")));
  model = await readXlsx(files.trusts[0]!.bytes);
  installExcelGlobals(model);
}, 120_000);

const own = (i: number) => ({ rows: owned[i]! });

describe("the system view in the pane", () => {
  it("reads the trusts' saved scenarios and skips, saying why, a damaged file and one wfplan never ran on", async () => {
    const { read, skipped } = await readTrustFiles([
      ...files.trusts.map((t) => ({ name: t.name, bytes: t.bytes })),
      files.damaged,
      files.neverRun,
    ]);
    expect(read.map((r) => [r.trust, r.scenarios.map((s) => s.name)])).toEqual([
      ["Northfield Hospitals", ["Plan 2025", "Stretch"]],
      ["Thameside University Hospitals", ["Plan 2025"]],
      ["Vale Community Health", ["Plan 2025"]],
    ]);
    expect(skipped).toEqual([
      {
        file: "Copied half way.xlsx",
        reason: "this is not an Excel workbook (.xlsx), or it is damaged: open it in Excel and save it again as .xlsx",
      },
      {
        file: "northfield-trust-plan.xlsx",
        reason: "wfplan has not run on this workbook: it has no saved scenarios. Run a scenario in it first, then save it",
      },
    ]);
  });

  it("writes the ICS summary: system totals are the trusts' own results to the penny, and the differing assumptions are flagged", async () => {
    const { read } = await readTrustFiles(files.trusts.map((t) => ({ name: t.name, bytes: t.bytes })));
    const view = await writeSystemView(
      read.map((workbook) => ({ workbook, scenario: "plan 2025" })),
      { share: 0.5, fee: 0.05, capFte: {} },
    );
    expect(view).toMatchObject({ sheet: "WFP ICS summary", skipped: [] });
    const { system } = view.summary;

    // Every system figure, by staff group and year, is the sum of what each trust's own run gave.
    for (const row of system.systemRows) {
      const own3 = [0, 1, 2].flatMap((i) => own(i).rows.filter((r) => r.staffGroup === row.staffGroup && r.year === row.year));
      expect(pence(row.totalCost)).toBe(pence(own3.reduce((s, r) => s + r.totalCost, 0)));
      expect(pence(row.agencyCost)).toBe(pence(own3.reduce((s, r) => s + r.agencyCost, 0)));
      expect(pence(row.budget)).toBe(pence(own3.reduce((s, r) => s + r.budget, 0)));
      expect(row.gapFte).toBeCloseTo(
        own3.reduce((s, r) => s + r.gapFte, 0),
        9,
      );
    }
    // 2025/26 is every trust's; 2024/25 Thameside's alone.
    expect(system.years).toEqual(["2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30"]);
    const first = system.systemByYear[0]!;
    expect(pence(first.totalCost)).toBe(
      pence(
        own(1)
          .rows.filter((r) => r.year === "2024/25")
          .reduce((s, r) => s + r.totalCost, 0),
      ),
    );

    // On the sheet: the flags first, then the system by year as the model sums it.
    const sheet = "WFP ICS summary";
    const column = model.values(sheet, { top: 0, left: 0, bottom: 40, right: 0 }).map((r) => String(r[0]));
    expect(column[0]).toBe("ICS summary: 3 trusts");
    expect(column).toContain(
      "Pay-table year differs: 2025/26 (Northfield Hospitals, Vale Community Health); 2024/25 (Thameside University Hospitals). Pay costs rest on different years' pay tables, so the sum mixes pay rates.",
    );
    expect(column).toContain(
      "On-cost basis differs: employer pension in full (Northfield Hospitals, Thameside University Hospitals); pension as paid locally (Vale Community Health). Pay costs include different pension on-costs.",
    );
    expect(column.some((line) => /^Competing for the same people: Registered nursing and midwifery: .*short at once/.test(line))).toBe(
      true,
    );
    const byYearTop = column.indexOf("The system by year") + 1;
    const table = model.values(sheet, { top: byYearTop, left: 0, bottom: byYearTop + 2, right: 8 });
    expect(table[0]).toEqual([
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
    expect(table[2]![0]).toBe("2025/26");
    expect(pence(Number(table[2]![4]))).toBe(pence(system.systemByYear[1]!.totalCost));

    // The collaborative bank, by hand from the trusts' own rows: half of each FTE of agency moves to the bank,
    // at the trust's bank premium plus the 5% fee instead of its agency premium.
    const premiums = [
      [0.25, 0.8],
      [0.3, 1.2],
      [0.2, 1.0],
    ];
    const saving = [0, 1, 2].map((i) =>
      own(i).rows.reduce((sum, r) => sum + 0.5 * r.agencyCost * (1 - ((1 + premiums[i]![0]!) * 1.05) / (1 + premiums[i]![1]!)), 0),
    );
    const totals = view.summary.bank.totals;
    expect(totals.map((t) => t.trust)).toEqual([...read.map((r) => r.trust), SYSTEM]);
    saving.forEach((s, i) => expect(pence(totals[i]!.saving)).toBe(pence(s)));
    expect(pence(totals[3]!.saving)).toBe(pence(saving[0]! + saving[1]! + saving[2]!));

    // Two charts within one landscape page; the detail table below it.
    expect(model.charts.filter((c) => c.sheet === sheet).map((c) => c.title)).toEqual([
      "FTE gap by trust and staff group, 2025/26",
      "Agency spend before and after the collaborative bank",
    ]);
    expect(model.sheet(sheet).pageSetup).toMatchObject({ orientation: "Landscape", paperSize: "A4", scale: expect.any(Number) });
    // The first page's columns and rows fit A4 landscape inside Normal margins at that scale (741.09 by 487.28 points).
    const { scale, printArea } = model.sheet(sheet).pageSetup!;
    const printed = parseRangeAddress(printArea!);
    const width = Array.from({ length: printed.right + 1 }, (_, c) => model.columnWidth(sheet, c)).reduce((a, b) => a + b, 0);
    expect((width * scale!) / 100).toBeLessThanOrEqual(741.09);
    expect(((printed.bottom + 1) * 15 * scale!) / 100).toBeLessThanOrEqual(487.28);
    expect(model.tables.filter((t) => t.sheet === sheet)).toHaveLength(1);
  });

  it("skips a trust whose chosen scenario is not in its workbook, and goes on with the others", async () => {
    const { read } = await readTrustFiles(files.trusts.map((t) => ({ name: t.name, bytes: t.bytes })));
    const view = await writeSystemView(
      read.map((workbook, i) => ({ workbook, scenario: i === 0 ? "Stretch" : i === 1 ? "Winter" : "Plan 2025" })),
      { share: 0, fee: 0, capFte: {} },
    );
    expect(view.skipped).toEqual([
      { file: "Thameside University Hospitals.xlsx", reason: 'it has no scenario "Winter"; it has "Plan 2025"' },
    ]);
    expect(view.summary.system.trusts.map((t) => `${t.trust}: ${t.scenario}`)).toEqual([
      "Northfield Hospitals: Stretch",
      "Vale Community Health: Plan 2025",
    ]);
    // Written again: the same sheet, replaced.
    expect(view.sheet).toBe("WFP ICS summary");
  });

  it("places the charts right of the bank FTE table however many years the plans run", async () => {
    const { read } = await readTrustFiles(files.trusts.map((t) => ({ name: t.name, bytes: t.bytes })));
    const tenYears = read.map((workbook) => ({
      workbook: { ...workbook, scenarios: workbook.scenarios.map((s) => ({ ...s, input: { ...s.input, horizonYears: 10 } })) },
      scenario: workbook.scenarios[0]!.name,
    }));
    await writeSystemView(tenYears, { share: 0.5, fee: 0.05, capFte: {} });
    const sheet = "WFP ICS summary";
    const column = model.values(sheet, { top: 0, left: 0, bottom: 200, right: 0 }).map((r) => r[0]);
    const heading = column.indexOf("Bank FTE the system's bank supplies, by staff group and year");
    const header = model.values(sheet, { top: heading + 1, left: 0, bottom: heading + 1, right: 30 })[0]!;
    const width = header.reduce<number>((last, cell, i) => (cell !== "" ? i + 1 : last), 0);
    expect(width).toBeGreaterThanOrEqual(12); // a staff group, ten or more years, the cap
    const charts = model.charts.filter((c) => c.sheet === sheet);
    expect(charts).toHaveLength(2);
    for (const chart of charts) expect(chart.anchor!.left).toBeGreaterThan(width);
  });

  it("names trusts of the same file name apart, and charts the ten with the largest gap of twelve", async () => {
    const vale = files.trusts[2]!;
    const { read } = await readTrustFiles(Array.from({ length: 12 }, () => ({ name: vale.name, bytes: vale.bytes })));
    expect(read.map((r) => r.trust).slice(0, 3)).toEqual([
      "Vale Community Health",
      "Vale Community Health (2)",
      "Vale Community Health (3)",
    ]);
    await writeSystemView(
      read.map((workbook) => ({ workbook, scenario: "Plan 2025" })),
      { share: 0, fee: 0, capFte: {} },
    );
    const charts = model.charts.filter((c) => c.sheet === "WFP ICS summary");
    expect(charts.map((c) => c.title)).toEqual([
      "FTE gap by trust and staff group, 2025/26, the 10 trusts with the most gap",
      "Agency spend before and after the collaborative bank, the 10 trusts with the most agency spend",
    ]);
    // The gap chart's data: a staff group a row, ten trusts across.
    expect(charts[0]!.source.right - charts[0]!.source.left).toBe(10);
  });

  it("the committed example trusts (examples/ics/) hold what the generator makes: npm run examples", async () => {
    const { readFileSync } = await import("node:fs");
    const { ICS_FOLDER } = await import("../../examples/generate.ts");
    for (const trust of files.trusts) {
      const committed = await readTrustWorkbook(readFileSync(`${ICS_FOLDER}/${trust.name}`), trust.name);
      const fresh = await readTrustWorkbook(trust.bytes, trust.name);
      expect(committed.scenarios.map((s) => s.input)).toEqual(fresh.scenarios.map((s) => s.input));
    }
  });
});
