import { AFC_ANNUAL_HOURS } from "../../src/workforce/time.ts";
import { describe, expect, it } from "vitest";
import {
  aggregateStaff,
  checkVerdict,
  driverValue,
  parseScenario,
  postCost,
  runScenario,
  triangulate,
  type ScenarioInput,
} from "../../src/index.ts";

/** A small ward: one nursing group (band 5 and band 3), one service line of bed days. */
function wardScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: "Ward 7 base case",
    startYear: "2025/26",
    horizonYears: 3,
    staffGroups: [
      {
        name: "Nursing",
        registered: true,
        grades: [
          { grade: "5", establishmentFte: 30, inPostFte: 28, bankFte: 1, agencyFte: 1 },
          { grade: "3", establishmentFte: 12, inPostFte: 12 },
        ],
        leaverRate: 0.1,
        starters: 4,
      },
    ],
    serviceLines: [
      // 10,000 bed days x 8 care hours = 80,000 hours; at 1,955.3625 hours per FTE that is 40.91 FTE.
      { name: "Medical bed days", unit: "bed days", activity: 10000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] },
    ],
    payBudget: [{ staffGroup: "Nursing", costCentre: "W7", amount: 2_000_000 }],
    ...overrides,
  };
}

const HOURS_PER_FTE = 37.5 * 52.143;
const BAND5 = postCost("5", 1, { year: "2025/26" }).total; // 51,892.2688
const BAND3 = postCost("3", 1, { year: "2025/26" }).total; // 36,295.6944

describe("runScenario", () => {
  it("year 1: demand, stocks and flows, gap, cover and cost by hand", () => {
    const result = runScenario(wardScenario());
    const row = result.rows[0]!;
    expect(row.year).toBe("2025/26");
    expect(row.requiredFte).toBeCloseTo(80000 / HOURS_PER_FTE, 10); // 40.9129
    expect(row.supplyFte).toBeCloseTo(40 * 0.9 + 4, 10); // 40 in post, 10% leave, 4 starters: 40
    expect(row.gapFte).toBeCloseTo(80000 / HOURS_PER_FTE - 40, 10);
    expect(row.bankFte).toBeCloseTo(row.gapFte, 10); // bank (1 FTE) covers the 0.91 FTE gap first
    expect(row.agencyFte).toBe(0);
    expect(row.unmetFte).toBe(0);
    const mixCost = (28 / 40) * BAND5 + (12 / 40) * BAND3;
    expect(row.substantiveCost).toBeCloseTo(40 * mixCost, 6);
    expect(row.totalCost).toBeCloseTo(40 * mixCost + row.bankFte * mixCost, 6);
    expect(row.variance).toBeCloseTo(2_000_000 - row.totalCost, 6);
  });

  it("grows activity from year 2, applies the pay award to pay and budget, and rolls supply forward", () => {
    const result = runScenario(wardScenario({ drivers: { activityGrowth: 0.03, payAward: 0.04 } }));
    const [y1, y2, y3] = result.rows;
    expect(y2!.year).toBe("2026/27");
    expect(y2!.requiredFte).toBeCloseTo(y1!.requiredFte * 1.03, 10);
    expect(y3!.requiredFte).toBeCloseTo(y1!.requiredFte * 1.03 * 1.03, 10);
    expect(y2!.supplyFte).toBeCloseTo(40 * 0.9 + 4, 10); // 40 -> 40
    expect(y2!.budget).toBeCloseTo(2_080_000, 6);
    // Pay rises 4%; NI is recomputed above the fixed £5,000 threshold.
    const band5y2 = 37796 * 1.04 * (1 + 0.15 + 0.2378 + 0.005) - 0.15 * 5000;
    expect(postCost("5", 1, { year: "2025/26", payFactor: 1.04 }).total).toBeCloseTo(band5y2, 6);
  });

  it("evaluates expression drivers over named inputs", () => {
    const result = runScenario(wardScenario({ inputs: { baseGrowth: 0.02 }, drivers: { activityGrowth: "baseGrowth + 0.01 * t" } }));
    // year 2: 0.02 + 0.01 x 1 = 3%; year 3: 4%
    expect(result.rows[2]!.requiredFte).toBeCloseTo(result.rows[0]!.requiredFte * 1.03 * 1.04, 10);
  });

  it("fills the gap with bank, then agency, and leaves the rest unmet", () => {
    const result = runScenario(
      wardScenario({
        serviceLines: [{ name: "Medical bed days", activity: 12000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] }],
        options: { agencyPremium: 0.5 },
        // None given up in year 1, all of it in year 2.
        drivers: { agencyReduction: [0, 1] },
      }),
    );
    const [y1, y2] = result.rows;
    const gap = (12000 * 8) / HOURS_PER_FTE - 40; // 9.0955
    expect(y1!.bankFte).toBe(1);
    expect(y1!.agencyFte).toBe(1);
    expect(y1!.unmetFte).toBeCloseTo(gap - 2, 10);
    expect(y2!.agencyFte).toBe(0); // all agency given up from year 2
    const mixCost = (28 / 40) * BAND5 + (12 / 40) * BAND3;
    expect(y1!.agencyCost).toBeCloseTo(mixCost * 1.5, 6);
  });

  it("moves the skill mix toward a target and costs new roles at their own band", () => {
    const result = runScenario(
      wardScenario({
        drivers: {
          skillMix: [{ staffGroup: "Nursing", shares: { "5": 0.6, "3": 0.4 }, byYear: 3 }],
          newRoles: [{ staffGroup: "Nursing", grade: "4", fte: 2, fromYear: 2 }],
        },
      }),
    );
    const [y1, y2, y3] = result.rows;
    expect(y1!.substantiveCost).toBeCloseTo(40 * (0.7 * BAND5 + 0.3 * BAND3), 6);
    // Year 2: supply 40 x 0.9 + 4 + 2 new roles = 42; mix halfway (65:35); the 2 new roles at band 4.
    const band4 = postCost("4", 1, { year: "2025/26" }).total;
    expect(y2!.supplyFte).toBeCloseTo(42, 10);
    expect(y2!.substantiveCost).toBeCloseTo(40 * (0.65 * BAND5 + 0.35 * BAND3) + 2 * band4, 6);
    expect(y3!.establishmentFte).toBe(44);
  });

  it("gives a clear error saying where the scenario is wrong", () => {
    expect(() => runScenario({ ...wardScenario(), horizonYears: 0 })).toThrow(/scenario.horizonYears: /);
    const badBand = wardScenario();
    badBand.staffGroups[0]!.grades[1]!.grade = "10";
    expect(() => runScenario(badBand)).toThrow(/scenario.staffGroups\[0\].grades\[1\].grade: band "10" is not/);
    expect(() => runScenario(wardScenario({ payBudget: [{ staffGroup: "Midwifery", amount: 1 }] }))).toThrow(
      'scenario.payBudget[0].staffGroup: staff group "Midwifery" is not in staffGroups (Nursing)',
    );
    expect(() => runScenario(wardScenario({ startYear: "2030/31" }))).toThrow(/Band 5 pay for 2030\/31 is not held/);
  });
});

describe("driver expressions are locked down", () => {
  it.each([
    "import({}, {})",
    "createUnit('foo')",
    "evaluate('1+1')",
    "parse('1')",
    "simplify('x')",
    "derivative('x^2', 'x')",
    "compile('1')",
  ])("refuses %s", (expression) => {
    expect(() => driverValue(expression, 1, {}, "drivers.activityGrowth")).toThrow(/drivers.activityGrowth/);
  });
  it("refuses results that are not numbers, units, and unknown names", () => {
    expect(() => driverValue("[1, 2]", 1, {}, "d")).toThrow(/d: the expression "\[1, 2\]" uses a matrix or range/);
    expect(() => driverValue("2 cm", 1, {}, "d")).toThrow(/d: "2 cm"/);
    expect(() => driverValue("missing * 2", 1, {}, "d")).toThrow(/Undefined symbol missing/);
  });
  it("computes plain arithmetic", () => {
    expect(driverValue("max(0.01, g - 0.005) * year", 2, { g: 0.03 }, "d")).toBeCloseTo(0.05, 12);
    expect(driverValue([0.01, "0.02"], 5, {}, "d")).toBe(0.02);
  });
});

describe("triangulate", () => {
  it("passes a plan that is staffed, within budget, and whose budget funds its establishment", () => {
    // The establishment: 30 band 5 and 12 band 3 at substantive cost, £1,992,316.39; the budget funds exactly that.
    const establishment = 30 * BAND5 + 12 * BAND3;
    expect(establishment).toBeCloseTo(1_992_316.3968, 4);
    const check = triangulate(runScenario(wardScenario({ payBudget: [{ staffGroup: "Nursing", amount: establishment }] })));
    expect(check.checks.map((c) => [c.id, c.passed])).toEqual([
      ["capacity", true],
      ["finance", true],
      ["establishment", true],
      // No spend for the year before: the temporary staffing rules have nothing to check, and say so.
      ["temporaryStaffing", false],
    ]);
    expect(check.checks.at(-1)!.notChecked).toBe(
      "no agency spend is given for the year before: give it under Temporary staffing rules, or link a bank and agency table with a column headed Agency spend; " +
        "no bank spend is given for the year before: give it under Temporary staffing rules, or link a bank and agency table with a column headed Bank spend",
    );
    expect(check.passed).toBe(true);
  });

  it("says where the budget does not fund the establishment, either way, beyond the tolerance", () => {
    const establishment = 30 * BAND5 + 12 * BAND3; // £1,992,316.40
    const over = triangulate(runScenario(wardScenario({ payBudget: [{ staffGroup: "Nursing", amount: 2_500_000 }] })));
    const failure = over.checks.find((c) => c.id === "establishment")!.failures[0]!;
    expect(failure.amount).toBeCloseTo(establishment - 2_500_000, 6);
    expect(failure.message).toBe(
      "2025/26 Nursing: the establishment of 42.0 FTE costs £1,992,316 at substantive rates, £507,684 (20.3%) less than the £2,500,000 budget",
    );
    const under = triangulate(runScenario(wardScenario({ payBudget: [{ staffGroup: "Nursing", amount: 1_950_000 }] })));
    expect(under.checks.find((c) => c.id === "establishment")!.failures[0]!.message).toBe(
      "2025/26 Nursing: the establishment of 42.0 FTE costs £1,992,316 at substantive rates, £42,316 (2.2%) more than the £1,950,000 budget",
    );
    // Within a 3% tolerance, £42,316 on £1,950,000 passes.
    const tolerated = triangulate(
      runScenario(wardScenario({ payBudget: [{ staffGroup: "Nursing", amount: 1_950_000 }], options: { establishmentTolerance: 0.03 } })),
    );
    expect(tolerated.checks.find((c) => c.id === "establishment")!.passed).toBe(true);
    // No establishment given: nothing to check, and it says so rather than "yes".
    const none = wardScenario({ payBudget: [{ staffGroup: "Nursing", amount: 2_500_000 }] });
    none.staffGroups[0]!.grades = none.staffGroups[0]!.grades.map((g) => ({ ...g, establishmentFte: 0 }));
    const unchecked = triangulate(runScenario(none)).checks.find((c) => c.id === "establishment")!;
    expect([unchecked.passed, unchecked.failures, unchecked.notChecked]).toEqual([
      false,
      [],
      "no staff group has both an establishment and a pay budget: link both",
    ]);
    expect(checkVerdict(unchecked)).toBe("not checked: no staff group has both an establishment and a pay budget: link both");
  });
  it("names the year, staff group, service line and amounts of each failure", () => {
    const result = runScenario(
      wardScenario({
        serviceLines: [
          { name: "Medical bed days", activity: 10000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] },
          { name: "Day case", activity: 2000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] },
        ],
        payBudget: [{ staffGroup: "Nursing", amount: 1_900_000 }],
      }),
    );
    const check = triangulate(result);
    expect(check.passed).toBe(false);
    const capacity = check.checks.find((c) => c.id === "capacity")!;
    const first = capacity.failures[0]!;
    expect(first.year).toBe("2025/26");
    expect(first.staffGroup).toBe("Nursing");
    expect(first.amount).toBeCloseTo((12000 * 8) / HOURS_PER_FTE - 42, 8); // 40 substantive + 1 bank + 1 agency
    expect(first.serviceLines.map((l) => l.name)).toEqual(["Medical bed days", "Day case"]);
    expect(first.message).toMatch(/^2025\/26 Nursing: 7.1 FTE \(14.5%\) of the 49.1 FTE the activity plan needs is not staffed/);
    expect(first.message).toContain("Medical bed days (40.9 FTE), Day case (8.2 FTE)");
    const finance = check.checks.find((c) => c.id === "finance")!;
    // 40 substantive + 2 temporary FTE at the 70:30 mix cost of £47,213.30 = £1,982,958
    const total = 42 * (0.7 * BAND5 + 0.3 * BAND3);
    expect(finance.failures[0]!.amount).toBeCloseTo(total - 1_900_000, 6);
    expect(finance.failures[0]!.message).toMatch(
      /^2025\/26 Nursing: pay cost £1,982,958 is £82,958 \(4.4%\) over the £1,900,000 budget \(substantive £1,888,532, bank £47,213, agency £47,213\)$/,
    );
  });
});

describe("baseline from an ESR-style extract", () => {
  it("sums FTE by staff group and band, by assignment type", () => {
    const groups = aggregateStaff(
      [
        { staffGroup: "Nursing", band: "Band 5", contractedHours: 37.5 },
        { staffGroup: "Nursing", band: 5, contractedHours: 30 },
        { staffGroup: "Nursing", band: "5", contractedHours: 15, assignmentType: "bank" },
        { staffGroup: "Medical", band: "Consultant", contractedHours: 40 },
      ],
      [{ staffGroup: "Nursing", band: "5", establishmentFte: 2.5 }],
    );
    expect(groups).toEqual([
      {
        name: "Nursing",
        grades: [
          {
            grade: "5",
            establishmentFte: 2.5,
            inPostFte: 1.8,
            bankFte: 0.4,
            agencyFte: 0,
            posts: [
              { fte: 1, count: 1 },
              { fte: 0.8, count: 1 },
            ],
          },
        ],
      },
      {
        name: "Medical",
        grades: [{ grade: "Consultant", establishmentFte: 0, inPostFte: 1, bankFte: 0, agencyFte: 0, posts: [{ fte: 1, count: 1 }] }],
      },
    ]);
  });
  it("says which row is wrong", () => {
    expect(() => aggregateStaff([{ staffGroup: "Nursing", band: "Band 11", contractedHours: 37.5 }], [], (i) => `Staff!C${i + 2}`)).toThrow(
      /^Staff!C2: band "Band 11" is not/,
    );
  });
  it("parses a full scenario with defaults", () => {
    const scenario = parseScenario(wardScenario());
    expect(scenario.options.pensionBasis).toBe("full");
    expect(scenario.drivers.activityGrowth).toBe(0);
  });
});

describe("compareScenarios", () => {
  it("sums each scenario's years over its staff groups, side by side", async () => {
    const { compareScenarios } = await import("../../src/index.ts");
    const base = runScenario(wardScenario());
    const growth = runScenario(wardScenario({ name: "Growth", drivers: { activityGrowth: 0.1 } }));
    const rows = compareScenarios([base, growth]);
    expect(rows.map((r) => [r.scenario, r.year])).toEqual([
      ["Ward 7 base case", "2025/26"],
      ["Ward 7 base case", "2026/27"],
      ["Ward 7 base case", "2027/28"],
      ["Growth", "2025/26"],
      ["Growth", "2026/27"],
      ["Growth", "2027/28"],
    ]);
    // One staff group, so the totals are that group's row.
    expect(rows[4]!.requiredFte).toBeCloseTo(growth.rows[1]!.requiredFte, 12);
    expect(rows[4]!.requiredFte).toBeCloseTo(base.rows[1]!.requiredFte * 1.1, 10);
    expect(rows[0]!.variance).toBeCloseTo(base.rows[0]!.budget - base.rows[0]!.totalCost, 6);
    expect(rows[5]!.failedChecks).toBe(
      triangulate(growth)
        .checks.flatMap((c) => c.failures)
        .filter((f) => f.year === "2027/28").length,
    );
  });
});

describe("what the workforce in post costs, and what the workforce the activity needs would cost", () => {
  it("costs the unmet FTE at the group's substantive rate, on top of the cost in post and its cover", () => {
    // 10 FTE of band 5 in post; 20,000 units of 60 minutes need 20,000 / 1,955.3625 (37.5 x 52.143) = 10.228 FTE; no bank or agency.
    const result = runScenario({
      name: "Short",
      startYear: "2025/26",
      horizonYears: 1,
      staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 10 }] }],
      serviceLines: [{ name: "Ward", activity: 20_000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 60 }] }],
      payBudget: [],
    });
    const row = result.rows[0]!;
    const perWte = 51_892.2688; // band 5 top 2025/26, loaded (WFP.COST("Band 5",1,"top","2025/26"))
    expect(row.requiredFte).toBeCloseTo(20_000 / AFC_ANNUAL_HOURS, 9);
    expect(row.unmetFte).toBeCloseTo(20_000 / AFC_ANNUAL_HOURS - 10, 9);
    expect(row.totalCost).toBeCloseTo(10 * perWte, 6);
    expect(row.unmetCost).toBeCloseTo((20_000 / AFC_ANNUAL_HOURS - 10) * perWte, 6);
    expect(row.neededCost).toBeCloseTo((20_000 / AFC_ANNUAL_HOURS) * perWte, 6);
  });
});

describe("a new role that takes over posts of another grade", () => {
  it("keeps the posts and the FTE, and costs them at the role's pay: 5 band-4 nursing associates for 5 band-5 posts", () => {
    const BAND4 = postCost("4", 1, { year: "2025/26" }).total;
    const base = runScenario(wardScenario()).rows[0]!;
    const role = { staffGroup: "Nursing", grade: "4", fte: 5, fromYear: 1 };
    const takeOver = runScenario(wardScenario({ drivers: { newRoles: [{ ...role, replaces: "5" }] } })).rows[0]!;
    expect(takeOver.establishmentFte).toBe(base.establishmentFte);
    expect(takeOver.supplyFte).toBeCloseTo(base.supplyFte, 10);
    expect(takeOver.gapFte).toBeCloseTo(base.gapFte, 10);
    // Five posts cost band 4's pay rather than band 5's (£51,892.27 a WTE): by hand, 5 x (BAND4 - BAND5).
    expect(takeOver.substantiveCost - base.substantiveCost).toBeCloseTo(5 * (BAND4 - BAND5), 6);
    expect(takeOver.establishmentCost - base.establishmentCost).toBeCloseTo(5 * (BAND4 - BAND5), 6);
    // Added instead, the same role is 5 more posts and 5 more FTE.
    const added = runScenario(wardScenario({ drivers: { newRoles: [role] } })).rows[0]!;
    expect(added.establishmentFte).toBe(base.establishmentFte + 5);
    expect(added.supplyFte).toBeCloseTo(base.supplyFte + 5, 10);
  });
});
