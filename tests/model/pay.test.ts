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
    // Band 9's 2024/25 intermediate point was found nowhere (sources-read-2026-11.md, section 1a).
    expect(() => basicPay("9", "top", "2024/25")).toThrow("Band 9 pay for 2024/25 is not held: held years for Band 9 are 2025/26, 2023/24");
    expect(() => basicPay("5", "top", "2019/20")).toThrow(/held years for Band 5 are 2025\/26, 2024\/25, 2023\/24/);
    expect(() => basicPay("5", "top", "2026/27")).toThrow(/Band 5 pay for 2026\/27 is not held/);
  });
  it("names the points when a point does not exist", () => {
    expect(() => basicPay("2", 2, "2025/26")).toThrow(/has no point 2 in 2025\/26: its points are 1 \(entry\)/);
    expect(() => basicPay("8a", "intermediate", "2023/24")).toThrow(/no intermediate point in 2023\/24/);
  });
  it("holds 2024/25 bands 8a to 8d with their intermediate points (RCNi, citing NHS Employers)", () => {
    const points = (band: "8a" | "8b" | "8c" | "8d") =>
      (["entry", "intermediate", "top"] as const).map((p) => basicPay(band, p, "2024/25").annual);
    expect(points("8a")).toEqual([53755, 56454, 60504]);
    expect(points("8b")).toEqual([62215, 66246, 72293]);
    expect(points("8c")).toEqual([74290, 78814, 85601]);
    expect(points("8d")).toEqual([88168, 93572, 101677]); // not the 102,493 of one public file
    expect(basicPay("8a", "top", "2024/25").source).toMatchObject({ kind: "secondary", publisher: "RCNi Nursing Jobs" });
  });
  it("holds 2023/24 bands 8c, 8d and 9 (the Northern Ireland HSC table, equal to England's that year)", () => {
    expect([basicPay("8c", "entry", "2023/24").annual, basicPay("8c", "top", "2023/24").annual]).toEqual([70417, 81138]);
    expect([basicPay("8d", "entry", "2023/24").annual, basicPay("8d", "top", "2023/24").annual]).toEqual([83571, 96376]);
    expect([basicPay("9", "entry", "2023/24").annual, basicPay("9", "top", "2023/24").annual]).toEqual([99891, 114949]);
    expect(basicPay("9", "top", "2023/24").source).toMatchObject({ kind: "secondary", publisher: "HSC Northern Ireland jobs" });
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
  it("records the 2024/25 step years of bands 8a+ (intermediate after 2 years, top after 3 more)", async () => {
    const { payScale } = await import("../../src/index.ts");
    expect(payScale("8c", "2024/25").points.map((p) => p.yearsToNext)).toEqual([2, 3, undefined]);
    expect(payScale("9", "2023/24").points.map((p) => p.yearsToNext)).toEqual([5, undefined]);
  });
  it("carries the source, its kind and the effective date of every figure", async () => {
    const { referenceData } = await import("../../src/index.ts");
    for (const scale of referenceData.payScales) {
      expect(scale.source.url, `${scale.grade} ${scale.year}`).toMatch(/^https?:\/\//);
      expect(["primary", "secondary"]).toContain(scale.source.kind);
      // Every scale starts on 1 April of its year, but the consultants' reformed scale, from 1 March 2024.
      const consultantReform = scale.grade === "Consultant" && scale.year === "2023/24";
      expect(scale.effectiveFrom, `${scale.grade} ${scale.year}`).toBe(consultantReform ? "2024-03-01" : `${scale.year.slice(0, 4)}-04-01`);
    }
    expect(referenceData.hcasYears.map((y) => [y.year, y.source.kind])).toEqual([
      ["2024/25", "secondary"],
      ["2023/24", "secondary"],
    ]);
    expect(referenceData.onCostYears.map((y) => y.year)).toEqual(["2025/26", "2024/25", "2023/24"]);
  });
  it("dates on-costs as the law does: NI and the levy from 6 April, the pension rate from 1 April", async () => {
    const { referenceData } = await import("../../src/index.ts");
    const y2024 = referenceData.onCostYears.find((y) => y.year === "2024/25")!;
    expect(y2024.nationalInsurance.effectiveFrom).toBe("2024-04-06");
    expect(y2024.pension.effectiveFrom).toBe("2024-04-01");
    expect(y2024.apprenticeshipLevy.source.url).toBe("https://www.legislation.gov.uk/ukpga/2016/24/section/99");
    expect(y2024.pension.source.url).toBe("http://nhsemployers.org/your-workforce/pay-and-reward/pensions/pension-contribution-tax-relief");
  });
});

describe("the reference data's schemas (checked by every build and here, not at each load)", () => {
  it("holds every figure to its schema", async () => {
    const { validateReferenceData } = await import("../../src/reference/validate.ts");
    expect(() => validateReferenceData()).not.toThrow();
  });
  it("would refuse a scale whose pay does not rise, or a figure without a source", async () => {
    const { payScaleSchema } = await import("../../src/reference/payScaleSchema.ts");
    const scale = {
      grade: "5",
      year: "2025/26",
      effectiveFrom: "2025-04-01",
      weeklyHours: 37.5,
      points: [
        { name: "entry", annual: 37796 },
        { name: "top", annual: 31049 },
      ],
      source: { title: "t", publisher: "p", url: "https://example.org/", kind: "primary" },
    };
    expect(payScaleSchema.safeParse(scale).error?.issues[0]?.message).toBe("pay points must rise from entry to top");
    expect(payScaleSchema.safeParse({ ...scale, source: undefined }).success).toBe(false);
  });
});
