import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { againstActualNotes, detectPlanTables, planAgainstActual, type ScenarioChoices } from "../../src/index.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { runPlan, type PlanRun } from "../../taskpane/useCases/runPlan.ts";
import { addPlanTable, openSample } from "./plan.ts";

/*
 * Plan against actual on the sample: an actuals table for April to June, as
 * ESR and finance give it, is found by its headers and linked; the months
 * sheet shows each month's plan, actual, variance and status and the
 * forecast outturn, its cells the model's; a re-run without the table keeps
 * the months reported, and says so.
 */

const choices: ScenarioChoices = { name: "Tracking", startYear: "2025/26", horizonYears: 2 };
const SHEET = "WFP Tracking by month";

let model: Workbook;
let first: PlanRun;
beforeAll(async () => {
  ({ model } = await openSample());
  // The plan's own first run gives the months to report against: April and May a little over, June short of substantive staff.
  const view = await openWorkbook();
  const planned = await runPlan(detectPlanTables(view.tables), choices, { view });
  const rows: (string | number)[][] = [["Month", "Staff group", "Substantive WTE", "Bank WTE", "Agency WTE", "Pay spend"]];
  for (const month of [1, 2, 3])
    for (const m of planned.result.months.filter((r) => r.yearIndex === 1 && r.month === month)) {
      const short = month === 3 && m.staffGroup === "Registered nursing and midwifery" ? 20 : 0;
      rows.push([
        ["Apr-25", "May-25", "Jun-25"][month - 1]!,
        m.staffGroup,
        m.closingFte * (month === 3 ? 1 : 1.005) - short,
        m.bankFte + m.collaborativeBankFte,
        m.agencyFte,
        Math.round(m.totalCost * (month === 3 ? 0.97 : 1.004)),
      ]);
    }
  addPlanTable(model, "Actuals", "tblActuals", rows);
  const again = await openWorkbook();
  first = await runPlan(detectPlanTables(again.tables), choices, { view: again });
});

const cells = (sheet: string) => model.values(sheet, model.usedRange(sheet)!);

describe("plan against actual", () => {
  it("finds the actuals table by its headers, beside the bank and agency table", async () => {
    const roles = detectPlanTables((await openWorkbook()).tables);
    expect([roles.actuals, roles.temporary]).toEqual(["tblActuals", "tblTemporary"]);
    expect(first.result.scenario.actuals!.map((a) => a.month)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(new Set(first.result.scenario.actuals!.map((a) => a.month))).toEqual(new Set([1, 2, 3]));
  });

  it("shows plan, actual, variance, status and the forecast outturn on the months sheet, as the model gives them", () => {
    const compared = planAgainstActual(first.result)!;
    const all = cells(SHEET);
    const top = all.findIndex((row) => row[0] === "Plan against actual");
    expect(all[top]!.slice(0, 4)).toEqual(["Plan against actual", "Apr 2025", "May 2025", "Jun 2025"]);
    const line = (label: string) =>
      all
        .slice(top)
        .find((row) => row[0] === label)!
        .slice(0, 14);
    expect(line("Status").slice(1, 5)).toEqual([...compared.months.slice(0, 3).map((m) => m.status), ""]);
    // April and May half a per cent over: green; June 20 nurses short and 3% under on pay: amber or red by the 2% tolerance.
    expect(compared.months.slice(0, 2).map((m) => m.status)).toEqual(["green", "green"]);
    expect(["amber", "red"]).toContain(compared.months[2]!.status);
    expect(line("Variance, WTE")[3] as number).toBeCloseTo(compared.months[2]!.varianceFte!, 6);
    expect(line("Variance, £")[3] as number).toBeCloseTo(compared.months[2]!.variancePay!, 2);
    expect(line("Variance to date, £")[3] as number).toBeCloseTo(
      compared.months.slice(0, 3).reduce((sum, m) => sum + m.variancePay!, 0),
      2,
    );
    expect(line("Total WTE, actual")[4]).toBe("");
    // The forecast outturn: the actual pay to June, then the plan's months carried on, to the penny.
    expect(line("Pay cost, forecast")[13] as number).toBeCloseTo(compared.forecastPay, 2);
    expect(line("Pay cost, plan")[13] as number).toBeCloseTo(compared.planPay, 2);
    const actualPay = first.result.scenario.actuals!.reduce((sum, a) => sum + a.paySpend!, 0);
    expect(compared.forecastPay).toBeCloseTo(actualPay + compared.months.slice(3).reduce((sum, m) => sum + m.forecast.pay, 0), 6);
    expect(all[4]![0]).toBe(againstActualNotes(first.result)[0]);
    expect(all[4]![0]).toMatch(
      /^Actuals for Apr to Jun \(3 months\): in Jun, [\d,.]+ FTE against [\d,.]+ FTE planned \(-[\d.]+% in WTE, -[\d.]+% in pay: (amber|red) against a 2\.0% tolerance\); pay -£[\d,]+ against the plan to date\.$/,
    );
    // The status cells coloured as they read: April green, and no colour where there is no actual.
    const statusRow = all.findIndex((row, i) => i > top && row[0] === "Status");
    expect(model.style(SHEET, statusRow, 1)?.fill).toBe("#C6E9C9");
    expect(model.style(SHEET, statusRow, 4)?.fill).toBeUndefined();
    // By staff group in the table of every month: June's nurses 20 WTE short of some 1,050 planned (under 2%), their pay 3% under:
    // amber, the worse of the two within twice the 2% tolerance.
    const table = model.tables.find((t) => t.sheet === SHEET)!;
    const [header, ...detail] = model.values(SHEET, table.range);
    const at = (name: string) => header!.indexOf(name);
    const nurses = detail.find((r) => r[at("Month")] === "Jun" && r[at("Staff group")] === "Registered nursing and midwifery")!;
    expect(nurses[at("Variance WTE")] as number).toBeCloseTo(-20, 6);
    expect(nurses[at("Status")]).toBe("amber");
    expect(detail.find((r) => r[at("Month")] === "Jul")![at("Status")]).toBe("");
  });

  it("keeps the months reported when a re-run has no actuals table, and says so", async () => {
    const view = await openWorkbook();
    const roles = detectPlanTables(view.tables);
    delete roles.actuals;
    const again = await runPlan(roles, { ...choices, payAward: 0.03 }, { view });
    expect(again.actualsKept).toMatch(
      /^Actuals for Apr, May, Jun are kept from the saved version of \d{4}-\d{2}-\d{2} \d{2}:\d{2}: no actuals table is linked\.$/,
    );
    expect(again.result.scenario.actuals).toEqual(first.result.scenario.actuals);
    expect(cells(SHEET).some((row) => row[0] === "Plan against actual")).toBe(true);
  });
});
