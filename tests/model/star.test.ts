import { describe, expect, it } from "vitest";
import { boardSummary, postCost, runScenario, starBreakdown, starByYear, starWaterfall, type ScenarioInput } from "../../src/index.ts";

/*
 * The HEE Star made quantitative, by hand: a community nursing team of 10 FTE
 * against 10 FTE of need, losing a tenth a year, and a scenario with an
 * action at four of the Star's points (upskilling has none).
 */

function team(drivers: ScenarioInput["drivers"] = {}): ScenarioInput {
  return {
    name: "Star",
    startYear: "2025/26",
    horizonYears: 2,
    // 1,000 productive hours an FTE: 20,000 visits x 30 minutes = 10,000 hours = 10 FTE of need.
    options: { productiveHoursPerFte: 1000 },
    staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 12, inPostFte: 10 }], leaverRate: 0.1 }],
    serviceLines: [{ name: "Visits", unit: "visits", activity: 20000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 30 }] }],
    drivers,
  };
}

const actions = {
  vacancyFill: 0.5, // supply
  newRoles: [{ staffGroup: "Nursing", grade: "4", fte: 1, fromYear: 1 }], // new roles
  productivityChange: 0.1, // new ways of working, from year 2
  retention: 0.5, // leadership: half the leavers
};

describe("the HEE Star breakdown", () => {
  it("says what each point closes of year 1's gap, adding up to the scenario", () => {
    const year1 = starBreakdown(team(actions)).find((r) => r.yearIndex === 1)!;
    // No action: 10 x 0.9 = 9 in post at year end, 1 FTE short.
    expect(year1.noActionGap).toBeCloseTo(1, 12);
    // Supply: half the vacancies (12 - 9) filled: 10.5 in post.
    expect(year1.closes.supply).toBeCloseTo(1.5, 12);
    expect(year1.closes.upskilling).toBe(0);
    // New roles: 1 FTE more in post and in the establishment (13): 9 + 1 + 0.5 x (13 - 10) = 11.5.
    expect(year1.closes.newRoles).toBeCloseTo(1, 12);
    // Productivity starts in year 2.
    expect(year1.closes.newWaysOfWorking).toBeCloseTo(0, 12);
    // Leadership: a 5% leaver rate: 9.5 + 1 + 0.5 x (13 - 10.5) = 11.75.
    expect(year1.closes.leadership).toBeCloseTo(0.25, 12);
    expect(year1.gap).toBeCloseTo(-1.75, 12);
    expect(year1.gap).toBeCloseTo(runScenario(team(actions)).rows[0]!.gapFte, 12);
    // Cost: new roles add 1 FTE of band 4 (band 5 stays at 10.5 FTE, no bank or agency): one band 4 post at the top of its band.
    expect(year1.costChange.newRoles).toBeCloseTo(postCost("4", 1, { year: "2025/26" }).total, 6);
    // Supply adds 1.5 FTE of band 5.
    expect(year1.costChange.supply).toBeCloseTo(1.5 * postCost("5", 1, { year: "2025/26" }).total, 6);
  });

  it("gives year 2 the productivity gain, and sums the groups by year", () => {
    const rows = starBreakdown(team(actions));
    const year2 = rows.find((r) => r.yearIndex === 2)!;
    // 10% fewer minutes a unit in year 2: the need falls from 10 to 10 / 1.1 FTE.
    expect(year2.closes.newWaysOfWorking).toBeCloseTo(10 - 10 / 1.1, 12);
    const total = Object.values(year2.closes).reduce((a, b) => a + b, 0);
    expect(year2.noActionGap - total).toBeCloseTo(year2.gap, 12);
    expect(starByYear(rows).map((r) => [r.year, r.staffGroup])).toEqual([
      ["2025/26", "All staff groups"],
      ["2026/27", "All staff groups"],
    ]);
  });
});

describe("the Board summary's figures", () => {
  it("sums each year, says what differs from the first scenario, and carries each one's HEE Star", () => {
    const base = { ...team(), name: "No action" };
    const plan = { ...team(actions), name: "Star plan" };
    const summary = boardSummary([runScenario(base), runScenario(plan)], [starBreakdown(base), starBreakdown(plan)]);
    expect(summary.differences).toEqual([
      "No action: the reference the others are compared with.",
      "Star plan: productivity 10% a year (No action: 0% a year); vacancy fill 50% a year (No action: 0% a year); " +
        "retention 50% fewer leavers (No action: 0% fewer leavers); new roles 1 FTE (No action: 0 FTE).",
    ]);
    // Year 1 with no action: 9 FTE in post against 10 needed: a gap of 1 FTE, supply 90% of need.
    expect(summary.headline[0]).toMatchObject({ scenario: "No action", year: "2025/26", agencyCost: 0 });
    expect(summary.headline[0]!.gapFte).toBeCloseTo(1, 12);
    expect(summary.headline[0]!.supplyOverNeed).toBeCloseTo(0.9, 12);
    // The plan: 11.75 in post, 117.5% of need.
    expect(summary.headline[2]!.supplyOverNeed).toBeCloseTo(1.175, 12);
    expect(summary.star.map((s) => [s.scenario, s.byYear.length])).toEqual([
      ["No action", 2],
      ["Star plan", 2],
    ]);
    expect(summary.star[1]!.byYear[0]!.closes.supply).toBeCloseTo(1.5, 12);
  });
});

describe("upskilling: posts moved between bands", () => {
  it("moves a share of a band's posts to another by the year given, closing no FTE and changing the cost", () => {
    const shift = team({ skillShift: [{ staffGroup: "Nursing", from: "Band 5", to: "Band 4", share: 0.3, byYear: 2 }] });
    const year2 = starBreakdown(shift).find((r) => r.yearIndex === 2)!;
    expect(year2.closes.upskilling).toBe(0);
    // In post at the end of year 2: 10 x 0.9 x 0.9 = 8.1 FTE, 30% of them now band 4 at band 4's cost.
    const band4 = postCost("4", 1, { year: "2025/26" }).total;
    const band5 = postCost("5", 1, { year: "2025/26" }).total;
    expect(year2.costChange.upskilling).toBeCloseTo(8.1 * 0.3 * (band4 - band5), 6);
    // Year 1 is the baseline mix.
    expect(starBreakdown(shift)[0]!.costChange.upskilling).toBeCloseTo(0, 9);
    expect(() =>
      runScenario(team({ skillShift: [{ staffGroup: "Nursing", from: "Band 6", to: "Band 4", share: 0.3, byYear: 2 }] })),
    ).toThrow("upskilling in Nursing moves posts from Band 6, which the group has none of (it has 5)");
  });
});

describe("the HEE Star waterfall", () => {
  const year = (noActionGap: number, closes: number[], gap: number) => ({
    year: "2027/28",
    yearIndex: 3,
    staffGroup: "All staff groups",
    noActionGap,
    closes: { supply: closes[0]!, upskilling: closes[1]!, newRoles: closes[2]!, newWaysOfWorking: closes[3]!, leadership: closes[4]! },
    gap,
    costChange: { supply: 0, upskilling: 0, newRoles: 0, newWaysOfWorking: 0, leadership: 0 },
  });

  it("steps down from the gap with no action by what each point closes, to the gap left", () => {
    // 100 FTE short; supply closes 30 (100 to 70), upskilling none, new roles 10 (70 to 60), new ways widen by 5 (60 to 65), leadership 15 (65 to 50).
    const steps = starWaterfall(year(100, [30, 0, 10, -5, 15], 50));
    expect(steps.map((s) => [s.label, s.base, s.gap, s.closes, s.widens])).toEqual([
      ["Gap with no action", 0, 100, 0, 0],
      ["Supply", 70, 0, 30, 0],
      ["Upskilling", 70, 0, 0, 0],
      ["New roles", 60, 0, 10, 0],
      ["New ways of working", 60, 0, 0, 5],
      ["Leadership", 50, 0, 15, 0],
      ["Gap left", 0, 50, 0, 0],
    ]);
  });

  it("draws only the part of a step above zero when the actions turn the gap into a surplus", () => {
    // 10 short; supply closes 25 (10 to -15): only 0 to 10 is drawn.
    const steps = starWaterfall(year(10, [25, 0, 0, 0, 0], -15));
    expect(steps[1]).toEqual({ label: "Supply", base: 0, gap: 0, closes: 10, widens: 0 });
    expect(steps.at(-1)).toEqual({ label: "Gap left", base: 0, gap: -15, closes: 0, widens: 0 });
  });
});
