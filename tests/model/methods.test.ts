import { describe, expect, it } from "vitest";
import {
  activityFte,
  availableWorkingTime,
  careHoursPerPatientDay,
  categoryAllowanceFactor,
  fteShare,
  fteShareByGroup,
  headroom,
  leaverRate,
  mixCostPerWte,
  nursingEstablishmentFte,
  projectSupply,
  registeredShare,
  standardWorkload,
  vacancyRate,
  wisnDifference,
  wisnRatio,
  wisnRequiredStaff,
} from "../../src/index.ts";

describe("headroom", () => {
  const leave = [0.15, 0.04, 0.03]; // annual leave, sickness, study
  it("additive is the sum; compound is 1 / (1 - sum) - 1", () => {
    expect(headroom(leave, "additive")).toBeCloseTo(0.22, 12);
    expect(headroom(leave, "compound")).toBeCloseTo(1 / 0.78 - 1, 12); // 0.28205...
  });
  it("refuses percentages outside 0..1 and compound leave of 100%", () => {
    expect(() => headroom([15])).toThrow(/fraction from 0 to 1 .*25% is 0.25/);
    expect(() => headroom([0.6, 0.4], "compound")).toThrowError(expect.objectContaining({ kind: "num" }));
  });
});

describe("activity-based demand", () => {
  it("activity x minutes / 60 / productive hours x (1 + uplift)", () => {
    expect(activityFte(10000, 20, 1500)).toBeCloseTo((10000 * 20) / 60 / 1500, 12); // 2.2222 FTE
    expect(activityFte(10000, 20, 1500, 0.22)).toBeCloseTo(2.2222222 * 1.22, 6);
    expect(activityFte(10000, 20)).toBeCloseTo(3333.3333 / (37.5 * 52.143), 6); // default: a whole-time year
  });
  it("zero activity needs no staff", () => {
    expect(activityFte(0, 20)).toBe(0);
  });
});

describe("WHO WISN", () => {
  it("reproduces the HIV clinic example (Human Resources for Health 2017, doi 10.1186/s12960-017-0186-3, Table 3)", () => {
    // 100,000 consultations of 15 minutes; AWT 179 eight-hour days = 1,432 hours.
    const awt = 179 * 8;
    expect(standardWorkload(awt, 15)).toBe(5728); // 1,432 h x 60 / 15 consultations a year
    const need = wisnRequiredStaff([{ annualWorkload: 100000, unitMinutes: 15 }], awt);
    expect(need.baseline).toBeCloseTo(17.46, 2); // the study's baseline requirement of clinicians
  });
  it("available working time from days and absences", () => {
    // (260 - 8 - 27 - 10 - 5) x 7.5 = 210 days x 7.5 = 1,575 hours
    expect(
      availableWorkingTime({ workingDays: 260, publicHolidays: 8, annualLeave: 27, sickLeave: 10, otherLeave: 5, hoursPerDay: 7.5 }),
    ).toBe(1575);
  });
  it("applies CAF and IAF", () => {
    expect(categoryAllowanceFactor(10)).toBeCloseTo(1 / 0.9, 12);
    // baseline 2 staff (2 x 5,728 consultations), CAS 10% -> x 1.1111, IAS 143.2 h / 1,432 h = 0.1
    const need = wisnRequiredStaff([{ annualWorkload: 11456, unitMinutes: 15 }], 1432, 10, 143.2);
    expect(need.individualAllowanceFactor).toBeCloseTo(0.1, 12);
    expect(need.required).toBeCloseTo(2 / 0.9 + 0.1, 10);
    expect(wisnDifference(2, need.required)).toBeCloseTo(2 - 2.3222222, 6);
    expect(wisnRatio(17, 17.46)).toBeCloseTo(0.9737, 4);
  });
  it("refuses CAS of 100% and absences beyond the year", () => {
    expect(() => categoryAllowanceFactor(100)).toThrow(/below 100/);
    expect(() =>
      availableWorkingTime({ workingDays: 10, publicHolidays: 5, annualLeave: 5, sickLeave: 0, otherLeave: 0, hoursPerDay: 8 }),
    ).toThrow(/no working time/);
  });
});

describe("nursing", () => {
  it("CHPPD: NHS England's example, 2,700 care hours over 300 patient days = 9.0", () => {
    expect(careHoursPerPatientDay(2700, 300)).toBe(9);
    expect(() => careHoursPerPatientDay(2700, 0)).toThrowError(expect.objectContaining({ kind: "div0" }));
  });
  it("establishment for a CHPPD target: 8 CHPPD, 28 beds at 92%, 22% uplift", () => {
    // 8 x 28 x 0.92 x 365 = 75,219.2 care hours a year / 1,955.3625 h per FTE x 1.22
    expect(nursingEstablishmentFte(8, 28, 0.92, 0.22)).toBeCloseTo((75219.2 / 1955.3625) * 1.22, 10);
    expect(nursingEstablishmentFte(8, 28, 0.92, 0.22)).toBeCloseTo(46.93, 2);
  });
});

describe("skill mix", () => {
  it("shares of FTE by group", () => {
    const shares = fteShareByGroup([10, 20, 10], ["RN", "HCA", "RN"]);
    expect(shares.get("RN")).toBe(0.5);
    expect(fteShare([10, 20, 10], ["RN", "HCA", "RN"], "hca")).toBe(0.5);
    expect(fteShare([10, 20], ["RN", "HCA"], "AHP")).toBe(0);
    expect(registeredShare(70, 30)).toBe(0.7);
  });
  it("moving from 70:30 to 60:40 (band 5 top : band 3 top, 2025/26) saves £1,559.66 per WTE", () => {
    // band 5: 37,796 + 4,919.40 + 8,987.8888 + 188.98 = 51,892.2688
    // band 3: 26,598 + 15% x 21,598 + 23.78% x 26,598 + 0.5% x 26,598 = 36,295.6944
    const year = "2025/26" as const;
    const seventyThirty = mixCostPerWte(
      [
        { grade: "5", fte: 70 },
        { grade: "3", fte: 30 },
      ],
      { year },
    );
    const sixtyForty = mixCostPerWte(
      [
        { grade: "5", fte: 60 },
        { grade: "3", fte: 40 },
      ],
      { year },
    );
    expect(seventyThirty).toBeCloseTo(47213.29648, 6);
    expect(sixtyForty).toBeCloseTo(45653.63904, 6);
    expect(seventyThirty - sixtyForty).toBeCloseTo(1559.65744, 6);
  });
});

describe("supply, vacancy and turnover", () => {
  it("stocks and flows year by year", () => {
    const years = projectSupply({ startFte: 100, years: 3, leaverRate: 0.1, starters: 8 });
    expect(years.map((y) => y.endFte)).toEqual([98, expect.closeTo(96.2, 10), expect.closeTo(94.58, 10)]);
    const mixed = projectSupply({
      startFte: 50,
      years: 2,
      leaverRate: [0.2, 0.1],
      retirements: 2,
      internationalRecruits: 3,
      bankConversions: 1,
    });
    expect(mixed[0]!.endFte).toBe(42); // 50 - 10 - 2 + 4
    expect(mixed[1]!.endFte).toBeCloseTo(39.8, 10); // 42 - 4.2 - 2 + 4
  });
  it("vacancy rate is vacancies over establishment; leaver rate over average headcount", () => {
    expect(vacancyRate(100, 90)).toBeCloseTo(0.1, 12);
    expect(vacancyRate(100, 105)).toBeCloseTo(-0.05, 12); // over-established
    expect(leaverRate(12, 120)).toBe(0.1);
    expect(() => leaverRate(12, 0)).toThrowError(expect.objectContaining({ kind: "div0" }));
  });
});
