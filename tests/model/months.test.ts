import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { monthColumns } from "../../src/months/monthColumns.ts";
import {
  postCost,
  profileText,
  readMonth,
  readProfile,
  runScenario,
  scenarioFromTables,
  type ScenarioInput,
  type ScenarioResult,
  type TableData,
} from "../../src/index.ts";

/*
 * The plan year month by month: profiles as planners type them, a ward's
 * months worked by hand, and the months agreeing with the year (March closes
 * on the year, the flows and the pay costs add up to the year's to the penny)
 * on the sample, on a trust's own layout and on random scenarios.
 */

const BAND5 = postCost("5", 1, { year: "2025/26" }).total;

describe("phasing profiles as planners type them", () => {
  it("reads months, months with shares and twelve weights, and says them back", () => {
    expect(readProfile("even", "Starters").weights).toBeUndefined();
    expect(readProfile("Sep, Oct", "Starters").weights).toEqual([0, 0, 0, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0]);
    expect(readProfile("September and October", "Starters").understood).toBe("Sep, Oct");
    expect(readProfile("Sept 60%, Oct 40%", "Starters").weights).toEqual([0, 0, 0, 0, 0, 0.6, 0.4, 0, 0, 0, 0, 0]);
    expect(readProfile("M5", "Rotations").weights![4]).toBe(1);
    // A row of a phasing table in per cent that adds to 99.96% is read, and its shares add to one.
    const row = readProfile(Array(12).fill("8.33").join("; "), "Leavers");
    expect(row.understood).toBe("evenly, a twelfth a month");
    const weights = readProfile("5; 5; 5; 5; 5; 20; 20; 5; 5; 10; 10; 5", "Starters").weights!;
    expect(weights[5]).toBeCloseTo(0.2, 12);
    expect(profileText(weights)).toBe("5%; 5%; 5%; 5%; 5%; 20%; 20%; 5%; 5%; 10%; 10%; 5%");
    expect(profileText([0, 0, 0, 0, 0, 0.6, 0.4, 0, 0, 0, 0, 0])).toBe("Sep 60%, Oct 40%");
  });

  it("refuses what it cannot use, saying what and how to write it", () => {
    expect(() => readProfile("Sep 60%, Oct 30%", "Starters")).toThrow('Starters "Sep 60%, Oct 30%": the shares add up to 90%, not 100%');
    expect(() => readProfile("Sep, Octember", "Starters")).toThrow('"Octember" is not a month');
    expect(() => readProfile("Sep, Sep", "Starters")).toThrow("Sep is given twice");
    expect(() => readProfile("Sep 60%, Oct", "Starters")).toThrow("give every month its share");
    expect(() => readProfile("10; 10; 10", "Leavers")).toThrow("has 3 weights: give 12, April to March");
    expect(() => readProfile(Array(12).fill("10").join("; "), "Leavers")).toThrow("the twelve weights add up to 120, not 100%");
    expect(readMonth("Oct", "Pay award")).toBe(7);
    expect(readMonth("M7", "Pay award")).toBe(7);
    expect(() => readMonth("6", "Pay award")).toThrow("a number alone could be a calendar month or the financial year's");
    expect(() => readMonth("Smarch", "Pay award")).toThrow('Pay award "Smarch" is not a month');
  });

  it("finds an activity plan's month columns by their headers, all twelve or none", () => {
    const months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
    expect(monthColumns(["Service line", "Unit", ...months, "Total"])).toEqual(months.map((_, i) => i + 2));
    expect(monthColumns(["Service", ...months.map((m) => `${m}-26`)])).toEqual(months.map((_, i) => i + 1));
    expect(monthColumns(["Service", ...months.map((_, i) => `Month ${i + 1}`)])).toEqual(months.map((_, i) => i + 1));
    expect(monthColumns(["Service", ...months.slice(0, 11)])).toBeUndefined();
    // "Mar" (March) twice is no set of months; nor is a header that only starts with a month's letters.
    expect(monthColumns(["Service", ...months, "Mar"])).toBeUndefined();
    expect(monthColumns(["Service", "Unit", "Marker", "Total"])).toBeUndefined();
  });
});

/** A ward of 100 band 5 nurses in post, as many funded, 12% leaving a year and 24 newly qualified starting. */
function ward(overrides: Partial<ScenarioInput> = {}, drivers: ScenarioInput["drivers"] = {}): ScenarioInput {
  return {
    name: "Ward by month",
    startYear: "2025/26",
    horizonYears: 2,
    options: { monthsFor: "every" },
    staffGroups: [
      {
        name: "Nursing",
        grades: [{ grade: "5", establishmentFte: 100, inPostFte: 100 }],
        leaverRate: 0.12,
        starters: 24,
      },
    ],
    drivers: { startersPhasing: [0, 0, 0, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0], ...drivers },
    ...overrides,
  };
}

const yearOne = (result: ScenarioResult, group = "Nursing") => result.months.filter((m) => m.yearIndex === 1 && m.staffGroup === group);

describe("a ward's months by hand", () => {
  it("moves the stock by the phased flows and shares the year's pay out by WTE", () => {
    const result = runScenario(ward());
    const months = yearOne(result);
    // A leaver a month (12 a year, evenly); 12 starters in September and 12 in October.
    expect(months.map((m) => Number(m.closingFte.toFixed(9)))).toEqual([99, 98, 97, 96, 95, 106, 117, 116, 115, 114, 113, 112]);
    expect(months.map((m) => m.monthName).join(" ")).toBe("Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar");
    expect(months[5]!.startersFte).toBe(12);
    expect(months[0]!.leaversFte).toBeCloseTo(1, 12);
    // The year costs its 112 year-end FTE at band 5's top point; April takes 99 of the 1,278 FTE-months.
    const year = result.rows[0]!;
    expect(year.substantiveCost).toBeCloseTo(112 * BAND5, 6);
    expect(months[0]!.substantiveCost).toBeCloseTo((112 * BAND5 * 99) / 1278, 6);
    expect(months[11]!.vacancyFte).toBe(0);
    expect(months[4]!.vacancyFte).toBeCloseTo(5, 9);
  });

  it("pays the award from the month set: from October, half the year at last year's pay", () => {
    const april = runScenario(ward({}, { payAward: 0.03 }));
    const october = runScenario(ward({}, { payAward: 0.03, payAwardMonth: 7 }));
    const [a, o] = [april.rows[1]!, october.rows[1]!];
    expect(o.supplyFte).toBe(a.supplyFte);
    // Year 2 pays (6 x 1 + 6 x 1.03) / 12 = 1.015 of the first year's pay, not 1.03; the first year is the published table.
    expect(o.substantiveCost).toBeCloseTo(o.supplyFte * postCost("5", 1, { year: "2025/26", payFactor: 1.015 }).total, 6);
    expect(a.substantiveCost).toBeCloseTo(a.supplyFte * postCost("5", 1, { year: "2025/26", payFactor: 1.03 }).total, 6);
    expect(october.rows[0]!.substantiveCost).toBe(april.rows[0]!.substantiveCost);
    const months = october.months.filter((m) => m.yearIndex === 2);
    // With as many staff in March as in September, March costs 3% more than September.
    const perFte = months.map((m) => m.substantiveCost / m.closingFte);
    expect(perFte[11]! / perFte[5]!).toBeCloseTo(1.03, 12);
    expect(perFte[6]! / perFte[5]!).toBeCloseTo(1.03, 12);
    expect(perFte[5]! / perFte[0]!).toBeCloseTo(1, 12);
  });

  it("gives agency up in a straight line to March, and a collaborative bank grows to its share", () => {
    // 150 FTE needed of a ward of 100: bank (5 FTE) and agency (40 FTE) cover what they can.
    const busy = ward(
      {
        staffGroups: [
          { name: "Nursing", grades: [{ grade: "5", establishmentFte: 100, inPostFte: 100, bankFte: 5, agencyFte: 40 }], leaverRate: 0 },
        ],
        serviceLines: [{ name: "Beds", activity: 150 * 1_955.3625, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 60 }] }],
      },
      { agencyReduction: 0.3, collaborativeBank: { share: 0.5 } },
    );
    const result = runScenario(busy);
    // The plan year gives up 30% of the year before's 40 FTE of agency cover, a twelfth of it a month, to 28 by March.
    const first = yearOne(result);
    const cover = (m: number) => 40 * (1 - (0.3 * (m + 1)) / 12);
    expect(first.map((m) => Number((m.agencyFte + m.collaborativeBankFte).toFixed(9)))).toEqual(
      Array.from({ length: 12 }, (_, m) => Number(cover(m).toFixed(9))),
    );
    expect(first[11]!.agencyFte + first[11]!.collaborativeBankFte).toBeCloseTo(
      result.rows[0]!.agencyFte + result.rows[0]!.collaborativeBankFte,
      9,
    );
    // Year 2 from 28 to 19.6.
    const second = result.months.filter((m) => m.yearIndex === 2);
    expect(second[11]!.agencyFte + second[11]!.collaborativeBankFte).toBeCloseTo(40 * 0.7 * 0.7, 9);
    // The collaborative bank grows from none in March of the year before to half the agency cover by March.
    expect(first[0]!.collaborativeBankFte).toBeCloseTo(cover(0) * (0.5 / 12), 9);
    expect(first[11]!.collaborativeBankFte).toBeCloseTo(14, 9);
    expect(first[11]!.collaborativeBankFte).toBeCloseTo(result.rows[0]!.collaborativeBankFte, 9);
  });

  it("needs staff as the activity plan's months are, and says where its months came from", () => {
    // Twice the activity in January as in August.
    const months = [10, 10, 10, 10, 5, 10, 10, 10, 10, 20, 10, 5];
    const result = runScenario(
      ward({
        serviceLines: [
          { name: "Beds", activity: 1_200 * 60, months, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 60 }] },
          { name: "Clinics", activity: 1_000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 60 }] },
        ],
        options: { monthsFor: "first", productiveHoursPerFte: 1_000 },
      }),
    );
    expect(result.demandMonths).toEqual([
      { serviceLine: "Beds", basis: "activity plan" },
      { serviceLine: "Clinics", basis: "even" },
    ]);
    const first = yearOne(result);
    // Beds: 72,000 hours / 1,000 = 72 FTE a year, 72 x 20 / 10 in January; clinics: 1 FTE every month.
    expect(first[9]!.requiredFte).toBeCloseTo(144 + 1, 9);
    expect(first[4]!.requiredFte).toBeCloseTo(36 + 1, 9);
    expect(result.months.every((m) => m.yearIndex === 1)).toBe(true);
  });
});

/** The months of each staff group and year against the year: March closes on it, flows and money add up to it. */
function expectMonthsAgree(result: ScenarioResult) {
  const flows = [
    "startersFte",
    "internationalFte",
    "conversionsFte",
    "newRoleFte",
    "vacancyFilledFte",
    "leaversFte",
    "retirementsFte",
  ] as const;
  const money = ["substantiveCost", "bankCost", "agencyCost", "collaborativeBankCost", "totalCost", "budget"] as const;
  let years = 0;
  for (const year of result.rows) {
    const months = result.months.filter((m) => m.year === year.year && m.staffGroup === year.staffGroup);
    if (!months.length) continue;
    years++;
    expect(months).toHaveLength(12);
    const where = `${year.year} ${year.staffGroup}`;
    expect(months[0]!.openingFte, where).toBeCloseTo(year.openingFte, 9);
    expect(months[11]!.closingFte, where).toBe(year.supplyFte);
    expect(months[11]!.establishmentFte, where).toBeCloseTo(year.establishmentFte, 9);
    for (const [m, month] of months.entries()) {
      const moved = flows.slice(0, 5).reduce((sum, f) => sum + month[f], 0) - month.leaversFte - month.retirementsFte;
      expect(month.closingFte, `${where} ${month.monthName}`).toBeCloseTo(month.openingFte + moved, 6);
      expect(month.closingFte).toBeGreaterThanOrEqual(0);
      if (m > 0) expect(month.openingFte).toBe(months[m - 1]!.closingFte);
    }
    for (const f of flows)
      expect(
        months.reduce((sum, m) => sum + m[f], 0),
        `${where} ${f}`,
      ).toBeCloseTo(year[f], 6);
    const yearMoney = { ...year, collaborativeBankCost: year.collaborativeBankCost, budget: year.budget };
    for (const f of money) {
      const total = months.reduce((sum, m) => sum + m[f], 0);
      // To the penny.
      expect(Math.abs(total - yearMoney[f]), `${where} ${f}: ${total} against ${yearMoney[f]}`).toBeLessThan(0.005);
    }
  }
  expect(years).toBeGreaterThan(0);
}

let sample: Workbook;
beforeAll(async () => {
  registerWfpFunctions(await loadMetadata());
  sample = await readXlsx(readFileSync(SAMPLE_FILE));
});

function tableData(name: string): TableData {
  const t = sample.table(name);
  return {
    name: t.name,
    sheet: t.sheet,
    headers: t.columns,
    rows: sample.values(t.sheet, { ...t.range, top: t.range.top + 1 }),
    top: t.range.top,
    left: t.range.left,
  };
}

describe("the months agree with the year", () => {
  it("on the sample, its activity plan's months followed", () => {
    const tables = Object.fromEntries(
      (
        [
          ["staff", "tblStaff"],
          ["establishment", "tblEstablishment"],
          ["activity", "tblActivity"],
          ["standards", "tblStandards"],
          ["budget", "tblPayBudget"],
          ["temporary", "tblTemporary"],
          ["flows", "tblFlows"],
        ] as const
      ).map(([role, name]) => [role, tableData(name)]),
    );
    const input = scenarioFromTables(tables, {
      name: "Sample by month",
      startYear: "2025/26",
      horizonYears: 5,
      activityGrowth: 0.03,
      payAward: 0.03,
      payAwardMonth: 5,
      vacancyFill: 0.5,
      agencyReduction: 0.3,
      startersPhasing: [0, 0, 0, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0],
      monthsFor: "every",
      collaborativeBank: { share: 0.25, fee: 0.05 },
    });
    const result = runScenario(input);
    expect(result.demandMonths.every((d) => d.basis === "activity plan")).toBe(true);
    expect(result.months).toHaveLength(12 * 5 * input.staffGroups.length);
    expectMonthsAgree(result);
  });

  it("on a trust's own layout: an activity plan without months is needed evenly", () => {
    const table = (name: string, headers: string[], rows: unknown[][]): TableData => ({
      name,
      sheet: name,
      headers,
      rows,
      top: 3,
      left: 1,
    });
    const input = scenarioFromTables(
      {
        staff: table(
          "ESR extract",
          ["Assignment Number", "Staff Group", "Pay Band", "Contracted WTE"],
          [
            ["1", "Nursing", "Band 5", 1],
            ["2", "Nursing", "Band 6", 0.8],
            ["3", "Support", "Band 3", 1],
          ],
        ),
        activity: table("Activity", ["Point of delivery", "Planned activity", "Currency"], [["Home visits", 12_000, "visits"]]),
        standards: table(
          "Standards",
          ["Service line", "Staff group", "Minutes per unit"],
          [
            ["Home visits", "Nursing", 45],
            ["Home visits", "Support", 20],
          ],
        ),
      },
      {
        name: "Own layout",
        startYear: "2025/26",
        horizonYears: 3,

        groupDrivers: [
          { staffGroup: "Nursing", driver: "internationalRecruits", value: 2 },
          { staffGroup: "Nursing", driver: "recruitsPhasing", value: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        ],
      },
    );
    const result = runScenario(input);
    expect(result.demandMonths).toEqual([{ serviceLine: "Home visits", basis: "even" }]);
    const nursing = yearOne(result);
    expect(nursing[2]!.internationalFte).toBe(2);
    expect(new Set(nursing.map((m) => m.requiredFte.toFixed(9))).size).toBe(1);
    expectMonthsAgree(result);
  });

  it("on random scenarios", () => {
    const weights = fc
      .array(fc.integer({ min: 0, max: 20 }), { minLength: 12, maxLength: 12 })
      .filter((w) => w.some((x) => x > 0))
      .map((w) => w.map((x) => x / w.reduce((a, b) => a + b, 0)));
    fc.assert(
      fc.property(
        fc.record({
          inPost: fc.double({ min: 0, max: 500, noNaN: true }),
          establishment: fc.double({ min: 0, max: 600, noNaN: true }),
          leaverRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
          retirements: fc.double({ min: 0, max: 50, noNaN: true }),
          starters: fc.double({ min: 0, max: 60, noNaN: true }),
          recruits: fc.double({ min: 0, max: 30, noNaN: true }),
          bank: fc.double({ min: 0, max: 40, noNaN: true }),
          agency: fc.double({ min: 0, max: 40, noNaN: true }),
          activity: fc.double({ min: 0, max: 2_000_000, noNaN: true }),
          fill: fc.double({ min: 0, max: 1, noNaN: true }),
          awardMonth: fc.integer({ min: 1, max: 12 }),
          starting: weights,
          leaving: weights,
          agencyRamp: weights,
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          newRole: fc.double({ min: 0, max: 10, noNaN: true }),
        }),
        (r) => {
          const result = runScenario({
            name: "Random",
            startYear: "2025/26",
            horizonYears: 3,
            options: { monthsFor: "every", bankPremium: 0.2, agencyPremium: 0.6 },
            staffGroups: [
              {
                name: "Nursing",
                grades: [{ grade: "5", establishmentFte: r.establishment, inPostFte: r.inPost, bankFte: r.bank, agencyFte: r.agency }],
                leaverRate: r.leaverRate,
                retirements: r.retirements,
                starters: r.starters,
                internationalRecruits: r.recruits,
              },
            ],
            serviceLines: [{ name: "Beds", activity: r.activity, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 60 }] }],
            payBudget: [{ staffGroup: "Nursing", amount: 5_000_000 }],
            drivers: {
              payAward: 0.04,
              payAwardMonth: r.awardMonth,
              vacancyFill: r.fill,
              agencyReduction: 0.2,
              startersPhasing: r.starting,
              leaversPhasing: r.leaving,
              agencyPhasing: r.agencyRamp,
              collaborativeBank: { share: r.share, fee: 0.05 },
              newRoles: [{ staffGroup: "Nursing", grade: "4", fte: r.newRole, fromYear: 2 }],
            },
          });
          expectMonthsAgree(result);
        },
      ),
      { numRuns: 150 },
    );
  });
});
