import { describe, expect, it } from "vitest";
import { basicPay, parsePayPoint, parsePostGrade, postCost, postPoint, standardHours } from "../../src/index.ts";

// Figures as read in November 2026: ../shared/reference/sources-read-2026-11.md, section 3.

describe("resident doctors (2016 contract, nodal points 1 to 5, 40 hours)", () => {
  const nodal = (year: "2023/24" | "2024/25" | "2025/26") => [1, 2, 3, 4, 5].map((p) => basicPay("Resident doctor", p, year).annual);
  it("holds 2023/24 (BMA, as first paid), 2024/25 (HCSA) and 2025/26", () => {
    expect(nodal("2023/24")).toEqual([32398, 37303, 43923, 55329, 63152]);
    expect(nodal("2024/25")).toEqual([36616, 42008, 49909, 61825, 70425]);
    expect(nodal("2025/26")).toEqual([38831, 44439, 52656, 65048, 73992]);
  });
  it("flags 2023/24 as later revised, and every year as secondary", () => {
    expect(basicPay("Resident doctor", 1, "2023/24").caveat).toMatch(/raised retrospectively by an average 4.05%/);
    expect(basicPay("Resident doctor", 1, "2025/26")).toMatchObject({ weeklyHours: 40, source: { kind: "secondary", publisher: "HCSA" } });
    expect(standardHours("Resident doctor")).toBe(40);
  });
  it("reads training grades as the nodal point they are paid on", () => {
    const point = (grade: string) => parsePostGrade(grade).nodalPoint;
    expect(["FY1", "F1", "fy2", "CT1", "CT2", "ST1", "ST2", "CT3", "ST3", "ST5", "ST6", "st8"].map(point)).toEqual([
      1, 1, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5,
    ]);
    expect(parsePostGrade("ST4")).toEqual({ grade: "Resident doctor", nodalPoint: 4, trainingGrade: "ST4" });
    const st4 = parsePostGrade("ST4");
    expect(basicPay(st4.grade, postPoint(st4, undefined), "2024/25").annual).toBe(61825);
    expect(() => postPoint(st4, 5)).toThrow("ST4 is paid on nodal point 4: leave the point blank");
    expect(() => basicPay("Resident doctor", parsePayPoint("3 years"), "2025/26")).toThrow(/the training grade decides the nodal point/);
  });
});

describe("consultants (2003 contract: thresholds 1, 2a, 2b, 3, 4)", () => {
  it("holds the reformed scale from 1 March 2024 and 2024/25 (secondary)", () => {
    const scale = (year: string) => [1, "2a", "2b", 3, 4].map((p) => basicPay("Consultant", parsePayPoint(p), year as "2024/25").annual);
    expect(scale("2023/24")).toEqual([99532, 105390, 108390, 118884, 131964]);
    expect(scale("2024/25")).toEqual([105504, 111714, 114894, 126018, 139882]);
    expect(basicPay("Consultant", 1, "2023/24").caveat).toMatch(/from 1 March 2024/);
  });
  it("reads thresholds and years completed as consultants' pay progresses (3, 4, 8, 14 years)", () => {
    const after = (years: number) => basicPay("Consultant", parsePayPoint(`${years} years`), "2024/25").annual;
    expect([0, 2, 3, 4, 7, 8, 13, 14, 30].map(after)).toEqual([105504, 105504, 111714, 114894, 114894, 126018, 126018, 139882, 139882]);
    expect(basicPay("Consultant", parsePayPoint("Threshold 3"), "2024/25").annual).toBe(126018);
    expect(() => basicPay("Consultant", 2, "2024/25")).toThrow('Consultant has no single point 2 (use "2a" or "2b") in 2024/25');
    expect(basicPay("Consultant").year).toBe("2024/25");
  });
});

describe("specialty doctors and specialists (2021 contracts, NHS Employers' revised SAS offer, 22 May 2024)", () => {
  it("holds 2023/24 and the scale from April 2024, as primary figures", () => {
    const all = (grade: "Specialty doctor" | "Specialist", year: "2023/24" | "2024/25", n: number) =>
      Array.from({ length: n }, (_, i) => basicPay(grade, i + 1, year).annual);
    expect(all("Specialty doctor", "2023/24", 5)).toEqual([52530, 60519, 67465, 74675, 82400]);
    expect(all("Specialty doctor", "2024/25", 5)).toEqual([55825, 64315, 71696, 79359, 90000]);
    expect(all("Specialist", "2023/24", 3)).toEqual([83945, 89610, 95275]);
    expect(all("Specialist", "2024/25", 3)).toEqual([91500, 95079, 101089]);
    expect(basicPay("Specialist", 1, "2024/25").source).toMatchObject({ kind: "primary", publisher: "NHS Employers" });
    expect(basicPay("Specialist", 1, "2024/25").caveat).toMatch(/before the 2024\/25 DDRB award/);
  });
  it("steps a point after three years", () => {
    expect(basicPay("Specialty doctor", parsePayPoint("6 years"), "2024/25").annual).toBe(71696);
  });
});

describe("medical posts fully loaded", () => {
  it("an FY1 in 2025/26: 38,831 + NI 15% above £5,000 + pension 23.78% + levy 0.5%", () => {
    const cost = postCost("Resident doctor", 1, { point: 1, year: "2025/26" });
    expect(cost.nationalInsurance).toBeCloseTo(5074.65, 10);
    expect(cost.pension).toBeCloseTo(9234.0118, 10);
    expect(cost.total).toBeCloseTo(53333.8168, 8);
  });
  it("a consultant at threshold 1 in 2024/25: 105,504 + NI 13.8% above £9,100 + pension + levy", () => {
    expect(postCost("Consultant", 1, { point: 1, year: "2024/25" }).total).toBeCloseTo(105504 + 13303.752 + 25088.8512 + 527.52, 8);
  });
  it("has no London weighting held for doctors", () => {
    expect(() => postCost("Consultant", 1, { area: "inner" })).toThrow(/medical London weighting is not held/);
  });
});
