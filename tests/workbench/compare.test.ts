import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { compareScenarios, runScenario, type ScenarioInput } from "../../src/index.ts";
import { writeComparison } from "../../taskpane/adapter/comparison.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";

beforeAll(async () => registerWfpFunctions(await loadMetadata()));
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

/** A one-ward plan: 10 FTE of band 5 in post, 20,000 bed days at 30 minutes each. */
const ward = (name: string, startYear: string, horizonYears: number): ScenarioInput => ({
  name,
  startYear,
  horizonYears,
  staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 10 }] }],
  serviceLines: [{ name: "Ward", activity: 20_000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 30 }] }],
  payBudget: [{ staffGroup: "Nursing", costCentre: "W1", amount: 500_000 }],
});

describe("Compare, across scenarios of different horizons and start years", () => {
  it("writes every year any scenario has, leaving blank the years a scenario does not reach", async () => {
    const model = new Workbook("Plan");
    installExcelGlobals(model);
    const short = runScenario(ward("Three years", "2024/25", 3));
    const long = runScenario(ward("Five years", "2025/26", 5));
    const sheet = await writeComparison(compareScenarios([short, long]));
    expect(sheet).toBe("WFP comparison");
    // The pay cost block beside the table: years down (2024/25 to 2029/30), one column a scenario.
    const block = model.values(sheet, { top: 2, left: 12, bottom: 8, right: 14 });
    expect(block.map((row) => row[0])).toEqual(["Year", "2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30"]);
    expect(block[0]).toEqual(["Year", "Three years", "Five years"]);
    expect(block[1]![2]).toBe(""); // the five-year plan starts in 2025/26
    expect(block[4]![1]).toBe(""); // the three-year plan ends in 2026/27
    const cost = (result: typeof short, year: string) =>
      result.rows.filter((r) => r.year === year).reduce((sum, r) => sum + r.totalCost, 0);
    expect(block[1]![1]).toBeCloseTo(cost(short, "2024/25"), 6);
    expect(block[6]![2]).toBeCloseTo(cost(long, "2029/30"), 6);
  });
});
