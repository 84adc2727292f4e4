import { describe, expect, it } from "vitest";
import {
  keepActuals,
  leftOutText,
  planAgainstActual,
  planFromTables,
  readActualMonth,
  runScenario,
  statusOf,
  type ScenarioInput,
  type TableData,
} from "../../src/index.ts";

/*
 * Plan against actual: months read as ESR and finance give them, the
 * variance and status of each month with actuals, and the forecast outturn
 * carried on from the last actual month, by hand on a ward.
 */

function ward(actuals: ScenarioInput["actuals"], tolerance?: number): ScenarioInput {
  return {
    name: "Ward 7",
    startYear: "2025/26",
    horizonYears: 1,
    staffGroups: [
      {
        name: "Nursing",
        registered: true,
        grades: [{ grade: "5", establishmentFte: 30, inPostFte: 30, bankFte: 2, agencyFte: 1 }],
        leaverRate: 0.12,
      },
    ],
    serviceLines: [{ name: "Bed days", unit: "bed days", activity: 8000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] }],
    options: tolerance === undefined ? {} : { actualsTolerance: tolerance },
    ...(actuals ? { actuals } : {}),
  };
}

describe("months of actuals as ESR and finance give them", () => {
  it("reads names, M and PWR numbers, ISO months and dates, within the plan year", () => {
    const read = (value: unknown) => readActualMonth(value, "2025/26");
    expect(["Apr", "april", "Sept", "Jan", "M3", "Month 12", 1, 12, "April 2025", "Jan-26", "2025-06", 45809].map(read)).toEqual(
      [1, 1, 6, 10, 3, 12, 1, 12, 1, 10, 3, 3].map((month) => ({ month })),
    );
    expect(read("Apr-26")).toEqual({ problem: "is not a month of the plan year 2025/26 (April 2025 to March 2026)" });
    expect(read(45_658)).toEqual({ problem: "is not a month of the plan year 2025/26 (April 2025 to March 2026)" }); // 1 January 2025
    for (const bad of [0, 13, 2.5, "Q1", ""]) expect(read(bad)).toHaveProperty("problem");
  });

  it("sums an actuals table by month and staff group, leaving out each bad row with its cell", () => {
    const table = (name: string, headers: string[], rows: (string | number)[][]): TableData => ({
      name,
      sheet: name,
      top: 0,
      left: 0,
      headers,
      rows,
    });
    const { input, leftOut } = planFromTables(
      {
        staff: table("Staff", ["Staff group", "Band", "Contracted WTE"], [["Nursing", "Band 5", 1]]),
        activity: table("Activity", ["Service line", "Total"], [["Bed days", 100]]),
        standards: table("Standards", ["Service line", "Staff group", "Minutes per unit"], [["Bed days", "Nursing", 60]]),
        actuals: table(
          "Actuals",
          ["Month", "Staff group", "Substantive WTE", "Bank WTE", "Agency WTE", "Pay spend"],
          [
            ["Apr", "Nursing", 0.6, 0.1, 0, 3000],
            ["April", "Nursing", 0.4, 0, 0.2, 2000],
            ["May-24", "Nursing", 1, 0, 0, 5000],
            ["Jun", "Nursing", -1, 0, 0, 5000],
          ],
        ),
      },
      { name: "x", startYear: "2025/26", horizonYears: 1 },
    );
    expect(input.actuals).toEqual([{ month: 1, staffGroup: "Nursing", substantiveFte: 1, bankFte: 0.1, agencyFte: 0.2, paySpend: 5000 }]);
    expect(leftOut.map(leftOutText)).toEqual([
      'Actuals!A4: month "May-24" is not a month of the plan year 2025/26 (April 2025 to March 2026)',
      "Actuals!C5: substantive WTE -1 must be a number of 0 or more",
    ]);
  });
});

describe("the plan against its actuals", () => {
  it("gives each actual month's variance and status, and the forecast outturn from the last, by hand", () => {
    const plan = runScenario(ward(undefined)).months;
    const at = (m: number) => plan.find((r) => r.month === m)!;
    const total = (m: number) => at(m).closingFte + at(m).bankFte + at(m).agencyFte;
    // April as planned; May 1% over in WTE; June 3 substantive WTE short, and £10,000 under on pay.
    const actuals = [
      {
        month: 1,
        staffGroup: "Nursing",
        substantiveFte: at(1).closingFte,
        bankFte: at(1).bankFte,
        agencyFte: at(1).agencyFte,
        paySpend: at(1).totalCost,
      },
      {
        month: 2,
        staffGroup: "Nursing",
        substantiveFte: at(2).closingFte + 0.01 * total(2),
        bankFte: at(2).bankFte,
        agencyFte: at(2).agencyFte,
        paySpend: at(2).totalCost,
      },
      {
        month: 3,
        staffGroup: "Nursing",
        substantiveFte: at(3).closingFte - 3,
        bankFte: at(3).bankFte,
        agencyFte: at(3).agencyFte,
        paySpend: at(3).totalCost - 10_000,
      },
    ];
    const compared = planAgainstActual(runScenario(ward(actuals, 0.02)))!;
    expect(compared.lastActual).toBe(3);
    const [apr, may, jun, jul] = compared.months;
    expect([apr!.varianceFte, apr!.variancePay, apr!.status]).toEqual([0, 0, "green"]);
    expect(may!.varianceFte).toBeCloseTo(0.01 * total(2), 9);
    expect(may!.status).toBe("green"); // 1% within 2%
    expect(jun!.varianceFte).toBeCloseTo(-3, 9);
    expect(jun!.variancePay).toBeCloseTo(-10_000, 6);
    expect(jun!.ytdVariancePay).toBeCloseTo(-10_000, 6);
    // 3 of about 33 WTE is 9%, over twice the 2% tolerance: red.
    expect(jun!.status).toBe("red");
    // July on: the plan's substantive staff moved by June's shortfall, costed at the plan's cost a WTE.
    expect(jul!.actual).toBeUndefined();
    expect(jul!.forecast.substantiveFte).toBeCloseTo(at(4).closingFte - 3, 9);
    const julyTotal = at(4).closingFte - 3 + at(4).bankFte + at(4).agencyFte;
    expect(jul!.forecast.pay).toBeCloseTo((at(4).totalCost * julyTotal) / total(4), 6);
    expect(compared.forecastClosingFte).toBeCloseTo(at(12).closingFte - 3, 9);
    const outturn =
      [1, 2, 3].reduce((sum, m) => sum + actuals[m - 1]!.paySpend, 0) +
      compared.months.slice(3).reduce((sum, m) => sum + m.forecast.pay, 0);
    expect(compared.forecastPay).toBeCloseTo(outturn, 6);
    expect(compared.planPay).toBeCloseTo(
      plan.reduce((sum, r) => sum + r.totalCost, 0),
      6,
    );
  });

  it("judges red, amber and green against the tolerance, the worse of WTE and pay", () => {
    expect(statusOf([0.02, 0], 0.02)).toBe("green");
    expect(statusOf([-0.03], 0.02)).toBe("amber");
    expect(statusOf([0.001, -0.041], 0.02)).toBe("red");
    expect(statusOf([0], 0)).toBe("green");
  });

  it("keeps the saved version's months the table no longer has", () => {
    const row = (month: number, substantiveFte: number) => ({ month, staffGroup: "Nursing", substantiveFte, bankFte: 0, agencyFte: 0 });
    expect(keepActuals([row(3, 30)], [row(1, 28), row(2, 29), row(3, 27)])).toEqual({
      actuals: [row(1, 28), row(2, 29), row(3, 30)],
      kept: [1, 2],
    });
    expect(keepActuals(undefined, undefined)).toEqual({ actuals: undefined, kept: [] });
    expect(planAgainstActual(runScenario(ward(undefined)))).toBeUndefined();
  });
});
