import { describe, expect, it } from "vitest";
import { compareScenarios, driverValue, runScenario, type ScenarioInput } from "../../src/index.ts";

/*
 * Driver expressions come from stored scenarios, which travel between trusts:
 * only scalar arithmetic over named inputs is run; everything else is refused
 * at once, with a message naming the driver.
 */
const REFUSED: [expression: string, because: RegExp][] = [
  ["zeros(1e9)", /uses the function zeros\(\)/],
  ["identity(3)", /uses the function identity\(\)/],
  ["matrix([1])", /uses the function matrix\(\)|uses a matrix or range/],
  ["size(1)", /uses the function size\(\)/],
  ["f(x) = x > 0 ? f(x - 1) + f(x - 1) : 1; f(26)", /uses more than one expression|uses a function definition/],
  ["f(x) = 1", /uses a function definition/],
  ["g = 2", /uses an assignment/],
  ["[1, 2]", /uses a matrix or range/],
  ["1:1e9", /uses a matrix or range/],
  ['"text"', /uses the value "text"/],
  ["{a: 1}.a", /uses a (object|accessor)/],
  ["cos(1)", /uses the function cos\(\)/],
  ["import({})", /uses the function import\(\)/],
  ["(x => x)(1)", /cannot read the expression/],
  [`1${"+1".repeat(300)}`, /longer than 500 characters/],
  // % is a percentage, as in a cell; after a name it would be mathjs's remainder: refused, never read as something else.
  ["x % 3", /has a % that follows no number; for a remainder use mod\(a, b\)/],
];

describe("driver expressions are scalar arithmetic only", () => {
  it.each(REFUSED)("refuses %j at once, naming the driver", (expression, because) => {
    const started = performance.now();
    expect(() => driverValue(expression, 1, { x: 1 }, "drivers.activityGrowth")).toThrow(because);
    expect(() => driverValue(expression, 1, { x: 1 }, "drivers.activityGrowth")).toThrow(/^drivers.activityGrowth: /);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("still computes what planners write", () => {
    expect(driverValue("g > 0.02 ? g : 0.02", 1, { g: 0.03 }, "d")).toBe(0.03);
    expect(driverValue("round(min(0.05, g * year), 3)", 3, { g: 0.013 }, "d")).toBe(0.039);
    expect(driverValue("2^-1 + mod(7, 4) + abs(-1) + sqrt(4) + exp(0) + log(1)", 1, {}, "d")).toBe(7.5);
    // A number and % is a percentage, as Excel reads it (mathjs alone reads "3% + 1%" as 3 mod +1 mod, 0).
    expect(driverValue("3% + 1%", 1, {}, "d")).toBeCloseTo(0.04, 15);
    expect(driverValue("g + .5 % * t", 3, { g: 0.02 }, "d")).toBeCloseTo(0.03, 15);
  });

  it("a stored scenario with a hostile driver fails in Compare with the driver named, without running it", () => {
    const stored: ScenarioInput = {
      name: "Hostile",
      startYear: "2025/26",
      horizonYears: 3,
      staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 10 }] }],
      serviceLines: [{ name: "Bed days", activity: 1000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 60 }] }],
      drivers: { activityGrowth: "zeros(1e9)" },
    };
    expect(() => compareScenarios([runScenario(stored)])).toThrow(
      /serviceLines "Bed days" growth: the expression "zeros\(1e9\)" uses the function zeros\(\)/,
    );
  });
});

describe("hand-edited drivers cannot make results that are not numbers", () => {
  const ward = (drivers: ScenarioInput["drivers"]): ScenarioInput => ({
    name: "Edited",
    startYear: "2025/26",
    horizonYears: 4,
    staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 10 }] }],
    serviceLines: [{ name: "Bed days", activity: 1000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 60 }] }],
    drivers,
  });
  it("refuses growth that would make negative or astronomic FTE, naming the driver", () => {
    expect(() => runScenario(ward({ activityGrowth: -1.5 }))).toThrow(
      /serviceLines "Bed days" growth in year 2 is -1.5: a fall of 100% or more leaves nothing/,
    );
    expect(() => runScenario(ward({ activityGrowth: "1e200" }))).toThrow(/growth grows a million-fold by year 2/);
    expect(() => runScenario(ward({ payAward: 300 }))).toThrow(/drivers.payAward grows a million-fold by year 4/);
  });
});
