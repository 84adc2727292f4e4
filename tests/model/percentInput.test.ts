import { describe, expect, it } from "vitest";
import { PERCENT_RANGES, readPercent } from "../../src/index.ts";

describe("percentages as planners type them", () => {
  const growth = (text: string) => readPercent(text, "Activity growth", PERCENT_RANGES.activityGrowth);

  it("reads 3, 3% and 0.03 alike, and says what it understood", () => {
    for (const text of ["3", "3%", " 3 % ", "0.03", "+3"]) expect(growth(text)).toEqual({ fraction: 0.03, understood: "3%" });
    expect(growth("2.5")).toEqual({ fraction: 0.025, understood: "2.5%" });
    expect(growth("0,5%")).toEqual({ fraction: 0.005, understood: "0.5%" });
    expect(growth("-2")).toEqual({ fraction: -0.02, understood: "-2%" });
    expect(growth("0")).toEqual({ fraction: 0, understood: "0%" });
    // A bare number below 1 is a fraction: said back as 50%, so a planner who meant half a per cent sees it.
    expect(growth("0.5").understood).toBe("50%");
  });

  it("refuses what a plan cannot use, with a message and never a raw validation string", () => {
    expect(() => growth("300")).toThrow("Activity growth of 300% a year is outside what a plan can use: give -50% to 100%");
    expect(() => readPercent("150", "Headroom", PERCENT_RANGES.headroom)).toThrow(
      "Headroom of 150% is outside what a plan can use: give 0% to 100%",
    );
    expect(() => readPercent("-5", "Headroom", PERCENT_RANGES.headroom)).toThrow(
      "Headroom of -5% is outside what a plan can use: give 0% to 100%",
    );
    expect(() => growth("")).toThrow("Activity growth is empty: type a percentage such as 3 or 3%");
    expect(() => growth("three")).toThrow('Activity growth "three" is not a percentage: type a number such as 3, 3% or 0.03');
  });
});
