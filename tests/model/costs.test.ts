import { describe, expect, it } from "vitest";
import { employerOnCosts, highCostAreaSupplement, parseArea, postCost, postsForFte, temporaryPremiumRate } from "../../src/index.ts";

// Rates: HMRC (NI 15% above £5,000 from 6 April 2025; 13.8% above £9,100 before),
// NHS Employers (pension 23.78% full, 14.38% paid locally), apprenticeship levy 0.5%.
// HCAS 2023/24: inner 20% (£5,132-£7,745), outer 15% (£4,313-£5,436), fringe 5% (£1,192-£2,011).

describe("high cost area supplements", () => {
  it("takes the percentage when it falls between the minimum and maximum", () => {
    expect(highCostAreaSupplement(34581, "inner", "2023/24")).toBeCloseTo(6916.2, 10); // 20% of band 5 top
    expect(highCostAreaSupplement(34581, "outer", "2023/24")).toBeCloseTo(5187.15, 10); // 15%
    expect(highCostAreaSupplement(34581, "fringe", "2023/24")).toBeCloseTo(1729.05, 10); // 5%
  });
  it("raises to the minimum and cuts to the maximum", () => {
    expect(highCostAreaSupplement(22383, "inner", "2023/24")).toBe(5132); // 20% = 4,476.60 < 5,132
    expect(highCostAreaSupplement(57349, "inner", "2023/24")).toBe(7745); // 20% = 11,469.80 > 7,745
    expect(highCostAreaSupplement(50056, "outer", "2023/24")).toBe(5436); // 15% = 7,508.40 > 5,436
    expect(highCostAreaSupplement(22383, "fringe", "2023/24")).toBe(1192); // 5% = 1,119.15 < 1,192
  });
  it("pays part-time staff the whole-time supplement pro rata", () => {
    expect(highCostAreaSupplement(22383, "inner", "2023/24", 0.5)).toBe(2566); // minimum 5,132 x 0.5
    expect(highCostAreaSupplement(34581, "outer", "2023/24", 0.6)).toBeCloseTo(3112.29, 10);
  });
  it("pays nothing outside the areas, and names the years held", () => {
    expect(highCostAreaSupplement(37796, "none", "2025/26")).toBe(0);
    expect(() => highCostAreaSupplement(37796, "inner", "2025/26")).toThrow(
      "high cost area supplement rates for 2025/26 are not held: held years are 2024/25, 2023/24",
    );
    expect(() => highCostAreaSupplement(37796, "inner", "2022/23")).toThrowError(expect.objectContaining({ kind: "value" }));
  });
  it("reads areas as typed", () => {
    expect(parseArea("Inner London")).toBe("inner");
    expect(parseArea("")).toBe("none");
    expect(() => parseArea("Leeds")).toThrow('area "Leeds" is not a high cost area: use "inner", "outer", "fringe" or "none"');
  });
});

describe("employer on-costs for one person", () => {
  it("2025/26, band 5 top (£37,796)", () => {
    const costs = employerOnCosts(37796, "2025/26");
    expect(costs.nationalInsurance).toBeCloseTo(4919.4, 10); // 15% x (37,796 - 5,000)
    expect(costs.pension).toBeCloseTo(8987.8888, 10); // 23.78% x 37,796
    expect(costs.pensionLocal).toBeCloseTo(5435.0648, 10); // 14.38% x 37,796
    expect(costs.apprenticeshipLevy).toBeCloseTo(188.98, 10); // 0.5%
    expect(costs.total).toBeCloseTo(14096.2688, 10);
    expect(employerOnCosts(37796, "2025/26", "local").total).toBeCloseTo(4919.4 + 5435.0648 + 188.98, 10);
  });
  it("2024/25 and 2023/24 use the £9,100 threshold at 13.8%; pension rose from 20.68% to 23.78%", () => {
    expect(employerOnCosts(36483, "2024/25").nationalInsurance).toBeCloseTo(3778.854, 10); // 13.8% x 27,383
    expect(employerOnCosts(34581, "2023/24").pension).toBeCloseTo(7151.3508, 10); // 20.68% x 34,581
  });
  it("charges no NI below the threshold", () => {
    expect(employerOnCosts(4999, "2025/26").nationalInsurance).toBe(0);
    expect(employerOnCosts(9100, "2024/25").nationalInsurance).toBe(0);
    expect(employerOnCosts(0, "2025/26").total).toBe(0);
  });
  it("names the years held", () => {
    expect(() => employerOnCosts(30000, "2026/27")).toThrow(
      /on-cost rates for 2026\/27 are not held: held years are 2025\/26, 2024\/25, 2023\/24/,
    );
  });
});

describe("fully loaded cost of posts", () => {
  it("one whole-time band 5 at the top in 2025/26 costs £51,892.27", () => {
    const cost = postCost("5", 1, { year: "2025/26" });
    expect(cost.basic).toBe(37796);
    expect(cost.total).toBeCloseTo(37796 + 14096.2688, 8);
  });
  it("costs 2.5 FTE as two whole-time posts and one 0.5 post (NI is per person)", () => {
    expect(postsForFte(2.5)).toEqual([1, 1, 0.5]);
    const half = 18898 + 0.15 * (18898 - 5000) + 0.2378 * 18898 + 0.005 * 18898; // 25,571.1344
    expect(postCost("5", 2.5, { year: "2025/26" }).total).toBeCloseTo(2 * 51892.2688 + half, 6);
  });
  it("adds HCAS to pensionable and NI-able pay (2023/24: band 5 top, inner London)", () => {
    // 34,581 + 6,916.20 = 41,497.20; NI 13.8% x 32,397.20 = 4,470.8136; pension 20.68% = 8,581.62096; levy 207.486
    expect(postCost("5", 1, { year: "2023/24", area: "inner" }).total).toBeCloseTo(54757.12056, 6);
  });
  it("adds bank and agency premiums on uncovered hours", () => {
    const cover = { uncoveredShare: 0.1, agencyShare: 0.5, bankPremium: 0.2, agencyPremium: 1 };
    expect(temporaryPremiumRate(cover)).toBeCloseTo(0.06, 12); // 0.1 x (0.5 x 0.2 + 0.5 x 1.0)
    expect(postCost("5", 1, { year: "2025/26", cover }).total).toBeCloseTo(51892.2688 * 1.06, 6);
  });
  it("zero FTE costs nothing; negative FTE is refused", () => {
    expect(postCost("5", 0).total).toBe(0);
    expect(() => postCost("5", -1)).toThrowError(expect.objectContaining({ kind: "num" }));
  });
});
