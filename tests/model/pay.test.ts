import { describe, expect, it } from "vitest";
import {
  basicPay,
  fteFromHours,
  headcountFromFte,
  hourlyRate,
  latestPayYear,
  parseFinancialYear,
  parseGrade,
  parsePayPoint,
  PlanningError,
  proRataPay,
  standardHours,
} from "../../src/index.ts";

// Figures from NHS Employers' pay scales for 2023/24, 2024/25 and 2025/26 (see src/reference/agendaForChangePay.ts).

describe("FTE and headcount (NHS Digital definition: contracted hours / standard hours)", () => {
  it("divides contracted hours by the standard week", () => {
    expect(fteFromHours(30)).toBe(0.8); // 30 / 37.5
    expect(fteFromHours(37.5)).toBe(1);
    expect(fteFromHours(32, standardHours("Consultant"))).toBe(0.8); // medical week is 40 hours
    expect(fteFromHours(0)).toBe(0);
  });
  it("rejects negative hours and a zero standard week", () => {
    expect(() => fteFromHours(-1)).toThrow(/hours cannot be negative/);
    expect(() => fteFromHours(10, 0)).toThrowError(expect.objectContaining({ kind: "div0" }));
  });
  it("rounds headcount up, ignoring float dust", () => {
    expect(headcountFromFte(10, 0.8)).toBe(13); // 12.5 people
    expect(headcountFromFte(3, 1)).toBe(3);
    expect(headcountFromFte(0.1 + 0.2, 0.1)).toBe(3); // 0.30000000000000004 / 0.1
  });
});

describe("Agenda for Change basic pay", () => {
  it("reads entry, intermediate and top points for 2025/26", () => {
    expect(basicPay("5", "top", "2025/26").annual).toBe(37796);
    expect(basicPay("5", "entry", "2025/26").annual).toBe(31049);
    expect(basicPay("5", 2, "2025/26").annual).toBe(33487);
    expect(basicPay("8a", "intermediate", "2025/26").annual).toBe(58487);
    expect(basicPay("9", "top", "2025/26").annual).toBe(125637);
    expect(basicPay("2", "top", "2025/26").annual).toBe(24465);
  });
  it("mid is the mean of the band's points", () => {
    expect(basicPay("5", "mid", "2025/26").annual).toBeCloseTo((31049 + 33487 + 37796) / 3, 10);
    expect(basicPay("2", "mid", "2025/26").annual).toBe(24465);
  });
  it("reads earlier years, and defaults to the newest year held", () => {
    expect(basicPay("6", "entry", "2024/25").annual).toBe(37338);
    expect(basicPay("8a", "top", "2023/24").annual).toBe(57349);
    expect(basicPay("3", "top", "2023/24").annual).toBe(24336);
    expect(basicPay("7").year).toBe("2025/26");
    expect(latestPayYear("7")).toBe("2025/26");
  });
  it("says which years are held when a year is not", () => {
    expect(() => basicPay("8c", "top", "2024/25")).toThrow("Band 8c pay for 2024/25 is not held: held years for Band 8c are 2025/26");
    expect(() => basicPay("5", "top", "2019/20")).toThrow(/held years for Band 5 are 2025\/26, 2024\/25, 2023\/24/);
  });
  it("names the points when a point does not exist", () => {
    expect(() => basicPay("2", 2, "2025/26")).toThrow(/has no point 2 in 2025\/26: its points are 1 \(entry\)/);
    expect(() => basicPay("8a", "intermediate", "2023/24")).toThrow(/no intermediate point in 2023\/24/);
  });
  it("says plainly that no medical pay is held", () => {
    expect(() => basicPay("Consultant")).toThrowError(expect.objectContaining({ kind: "value" }));
    expect(() => basicPay("Consultant")).toThrow(/no pay figures are held for Consultant/);
  });
  it("pro-rates and gives the NHS hourly rate (annual / (37.5 x 52.143))", () => {
    expect(proRataPay(37796, 0.6)).toBeCloseTo(22677.6, 10);
    expect(hourlyRate(37796)).toBeCloseTo(37796 / 1955.3625, 12);
    expect(hourlyRate(37796)).toBeCloseTo(19.33, 2);
  });
});

describe("reading bands, years and points as analysts type them", () => {
  it("bands", () => {
    for (const text of [5, "5", "Band 5", "band 5", " BAND 5 "]) expect(parseGrade(text)).toBe("5");
    for (const text of ["8a", "Band 8A", "band8a"]) expect(parseGrade(text)).toBe("8a");
    expect(parseGrade("consultant")).toBe("Consultant");
    expect(parseGrade("Resident doctor")).toBe("Resident doctor");
  });
  it("rejects band 10 with the list of bands", () => {
    expect(() => parseGrade(10)).toThrow("band 10 is not an Agenda for Change band: use 2-9, 8a-8d");
    expect(() => parseGrade("8e")).toThrowError(PlanningError);
  });
  it("years", () => {
    expect(parseFinancialYear("2025/26")).toBe("2025/26");
    expect(parseFinancialYear("2025-26")).toBe("2025/26");
    expect(parseFinancialYear("2025/2026")).toBe("2025/26");
    expect(parseFinancialYear(2025)).toBe("2025/26");
    expect(parseFinancialYear("2099/00")).toBe("2099/00");
    expect(() => parseFinancialYear("2025/27")).toThrow(/second year must follow the first/);
    expect(() => parseFinancialYear("next year")).toThrow(/not a financial year/);
  });
  it("points", () => {
    expect(parsePayPoint(undefined)).toBe("top");
    expect(parsePayPoint("Entry")).toBe("entry");
    expect(parsePayPoint("2")).toBe(2);
    expect(() => parsePayPoint(0)).toThrow(/not a pay point/);
  });
});

describe("pay step years (NHS Employers; bands 8a+ from the intermediate point FAQs, 4 October 2024)", () => {
  it("records how long staff wait at each point", async () => {
    const { payScale } = await import("../../src/index.ts");
    const years = (band: Parameters<typeof payScale>[0], year: Parameters<typeof payScale>[1]) =>
      payScale(band, year).points.map((p) => p.yearsToNext);
    expect(years("5", "2025/26")).toEqual([2, 2, undefined]);
    expect(years("6", "2025/26")).toEqual([2, 3, undefined]);
    expect(years("4", "2025/26")).toEqual([3, undefined]);
    expect(years("8a", "2025/26")).toEqual([2, 3, undefined]);
    expect(years("8a", "2023/24")).toEqual([5, undefined]);
    expect(payScale("2", "2025/26").points).toEqual([{ name: "entry", annual: 24465 }]);
  });
  it("carries the source and effective date of every figure", async () => {
    const { referenceData } = await import("../../src/index.ts");
    for (const scale of referenceData.payScales) {
      expect(scale.source.url, `${scale.grade} ${scale.year}`).toMatch(/^https:\/\/www\.nhsemployers\.org\//);
      expect(scale.effectiveFrom).toBe(`${scale.year.slice(0, 4)}-04-01`);
    }
    expect(referenceData.hcasYears.every((y) => y.source.kind === "secondary")).toBe(true);
    expect(referenceData.onCostYears.map((y) => y.year)).toEqual(["2025/26", "2024/25", "2023/24"]);
  });
});
