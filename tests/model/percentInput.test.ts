import { describe, expect, it } from "vitest";
import { PERCENT_RANGES, readPercent, readYearlyPercent } from "../../src/index.ts";

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

describe("yearly percentages: one value, one per year, or an expression as in a cell", () => {
  const award = (text: string, years = 4, inputs = {}) => readYearlyPercent(text, "Pay award", PERCENT_RANGES.payAward, { years, inputs });
  const fill = (text: string, years = 3) => readYearlyPercent(text, "Vacancy fill", PERCENT_RANGES.vacancyFill, { years });

  it("reads one value as readPercent does", () => {
    expect(award("3")).toEqual({ value: 0.03, understood: "3%" });
  });

  it("reads one value per year from the first year the driver acts in; the last repeats", () => {
    // The pay award moves year 1's costs on from year 2: "3; 2.5; 2" is years 2, 3 and 4 on; year 1's slot repeats the first.
    expect(award("3; 2.5; 2", 5)).toEqual({ value: [0.03, 0.03, 0.025, 0.02], understood: "year 2: 3%, year 3: 2.5%, year 4 on: 2%" });
    expect(award("3, 2,5", 3)).toEqual({ value: [0.03, 0.03, 0.025], understood: "year 2: 3%, year 3: 2.5%" });
    // Vacancy fill acts from year 1.
    expect(fill("10; 20%; 0.3")).toEqual({ value: [0.1, 0.2, 0.3], understood: "year 1: 10%, year 2: 20%, year 3: 30%" });
    expect(fill("10; 20; 30; 40", 2).understood).toBe("year 1: 10%, year 2: 20% (the plan ends in year 2: the last 2 ignored)");
    expect(() => award("3; 60; 2")).toThrow("Pay award for year 3 of 60% a year is outside what a plan can use: give -10% to 50%");
    expect(() => award("3; x")).toThrow('Pay award for year 3 "x" is not a percentage');
  });

  it("reads = and an expression over named inputs, year and t, with % as in a cell", () => {
    const read = award("=BaseAward + 0.5% * t", 4, { BaseAward: 0.02 });
    expect(read.value).toBe("BaseAward + 0.5% * t");
    // Years 2, 3, 4: t = 1, 2, 3.
    expect(read.understood).toBe("=BaseAward + 0.5% * t: year 2: 2.5%, year 3: 3%, year 4: 3.5%");
    expect(award("=3% + 1%").understood).toBe("=3% + 1%: 4% a year");
    expect(() => award("=BaseAward * 10", 3, { BaseAward: 0.1 })).toThrow(
      'Pay award "=BaseAward * 10" gives 100% a year in year 2, outside what a plan can use: give -10% to 50%',
    );
    expect(() => award("=Unknown + 1%")).toThrow(/Pay award: "Unknown \+ 1%" failed in year 2: Undefined symbol Unknown/);
    expect(() => award("=")).toThrow('Pay award is an "=" with nothing after it');
  });
});
