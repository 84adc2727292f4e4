import { describe, expect, it } from "vitest";
import {
  expectationText,
  planFromTables,
  postCost,
  readPounds,
  runScenario,
  spendRules,
  temporaryStaffingExpectation,
  triangulate,
  type ScenarioInput,
  type TableData,
} from "../../src/index.ts";

/*
 * The temporary staffing rules: the first plan year's agency and bank spend
 * against the year before's, less the national expectation (30% and 10% in
 * 2025/26, from the written answer that cites the planning guidance) or the
 * scenario's own cut; by hand on a ward, from a bank and agency table with
 * spend columns, and not checked, saying why, where there is nothing to check.
 */

const BAND5 = postCost("5", 1, { year: "2025/26" }).total; // £51,892.2688
const BAND3 = postCost("3", 1, { year: "2025/26" }).total; // £36,295.6944
/** The ward's substantive cost a WTE at its grade mix: 28 band 5 and 12 band 3 in post. */
const MIX = (28 / 40) * BAND5 + (12 / 40) * BAND3;

/** A ward whose 20% leavers leave a gap that takes all its bank (1 WTE) and agency (1 WTE), agency at 50% over substantive. */
function ward(options: ScenarioInput["options"] = {}, startYear = "2025/26"): ScenarioInput {
  return {
    name: "Ward 7",
    startYear,
    horizonYears: 2,
    staffGroups: [
      {
        name: "Nursing",
        registered: true,
        grades: [
          { grade: "5", establishmentFte: 30, inPostFte: 28, bankFte: 1, agencyFte: 1 },
          { grade: "3", establishmentFte: 12, inPostFte: 12 },
        ],
        leaverRate: 0.2,
      },
    ],
    serviceLines: [{ name: "Bed days", unit: "bed days", activity: 10000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] }],
    options: { agencyPremium: 0.5, ...options },
  };
}

describe("the temporary staffing rules", () => {
  it("holds the national expectation for 2025/26 with its source, and says it in the pane", () => {
    const national = temporaryStaffingExpectation("2025/26")!;
    expect([national.agencyCut, national.bankCut]).toEqual([0.3, 0.1]);
    expect(national.source).toMatchObject({
      kind: "secondary",
      url: "https://www.parallelparliament.co.uk/question/71740/nhs-england-agency-workers",
    });
    expect(temporaryStaffingExpectation("2026/27")).toBeUndefined();
    expect(expectationText("2025/26")).toMatch(
      /^For 2025\/26 NHS England expects agency spend at least 30.0% and bank spend 10.0% below the year before's \(Written answer UIN 71740/,
    );
    expect(expectationText("2026/27")).toMatch(/^No national expectation for 2026\/27 is held: give your ICB's cuts/);
  });

  it("fails a ward over the cuts by hand: £7,820 of agency and £2,213 of bank spend too many", () => {
    const result = runScenario(ward({ agencySpendBefore: 90_000, bankSpendBefore: 50_000 }));
    const [row] = result.rows;
    expect([row!.bankFte, row!.agencyFte]).toEqual([1, 1]);
    // Agency: 1 WTE at 150% of the mix, £70,819.94, against £90,000 less 30%, £63,000.
    expect(row!.agencyCost).toBeCloseTo(1.5 * MIX, 6);
    const [agency, bank] = spendRules(result);
    expect(agency).toMatchObject({ kind: "agency", before: 90_000, beforeFrom: "typed", cut: 0.3 });
    expect(agency!.allowed).toBeCloseTo(63_000, 9);
    expect(bank!.allowed).toBeCloseTo(45_000, 9);
    const check = triangulate(result).checks.find((c) => c.id === "temporaryStaffing")!;
    expect(check.passed).toBe(false);
    expect(check.failures.map((f) => Math.round(f.amount * 100) / 100)).toEqual([
      Math.round((1.5 * MIX - 63_000) * 100) / 100, // £7,819.94
      Math.round((MIX - 45_000) * 100) / 100, // £2,213.30
    ]);
    expect(check.failures[0]!.message).toBe(
      "2025/26: agency spend of £70,820 is £7,820 over the £63,000 allowed, 30.0% less than the year before's £90,000 (as given; " +
        "the cut is the national expectation for 2025/26 (Written answer UIN 71740, NHS England: agency workers, citing the NHS 2025/26 priorities and operational planning guidance, secondary)); " +
        "about 0.1 FTE of agency cover",
    );
  });

  it("passes where the spend is within the cuts, and takes the scenario's own cut over the national one", () => {
    const within = runScenario(ward({ agencySpendBefore: 110_000, bankSpendBefore: 60_000 }));
    const check = triangulate(within).checks.find((c) => c.id === "temporaryStaffing")!;
    expect([check.passed, check.failures, check.notChecked]).toEqual([true, [], undefined]);
    // An ICB asking for 40% off agency: £110,000 less 40% is £66,000, under the £70,820 planned.
    const icb = runScenario(ward({ agencySpendBefore: 110_000, bankSpendBefore: 60_000, agencySpendCut: 0.4 }));
    expect(spendRules(icb)[0]).toMatchObject({ cut: 0.4, cutFrom: "the scenario's", allowed: 66_000 });
    expect(triangulate(icb).checks.find((c) => c.id === "temporaryStaffing")!.failures).toHaveLength(1);
  });

  it("says what it could not check: no year before, or no expectation for the year and none given", () => {
    const none = triangulate(runScenario(ward())).checks.find((c) => c.id === "temporaryStaffing")!;
    expect(none.passed).toBe(false);
    expect(none.notChecked).toMatch(/^no agency spend is given for the year before: give it under Temporary staffing rules/);
    // 2024/25 has no national expectation held: with the spend given, it still needs a cut.
    const later = runScenario(ward({ agencySpendBefore: 90_000, bankSpendBefore: 50_000 }, "2024/25"));
    expect(triangulate(later).checks.find((c) => c.id === "temporaryStaffing")!.notChecked).toBe(
      "no national expectation of agency spend in 2024/25 is held: give your ICB's cut under Temporary staffing rules; " +
        "no national expectation of bank spend in 2024/25 is held: give your ICB's cut under Temporary staffing rules",
    );
    // Half checked: the agency cut given, the bank's not; the bank's part says so.
    const half = runScenario(ward({ agencySpendBefore: 90_000, bankSpendBefore: 50_000, agencySpendCut: 0.3 }, "2024/25"));
    const check = triangulate(half).checks.find((c) => c.id === "temporaryStaffing")!;
    expect(check.notChecked).toBeUndefined();
    expect(check.notes).toEqual([
      "not checked: no national expectation of bank spend in 2024/25 is held: give your ICB's cut under Temporary staffing rules",
    ]);
  });

  it("takes the year before from a bank and agency table with spend columns, and links each group over its share to its rows", () => {
    const table = (name: string, sheet: string, headers: string[], rows: (string | number)[][]): TableData => ({
      name,
      sheet,
      top: 0,
      left: 0,
      headers,
      rows,
    });
    const staff = table(
      "tblStaff",
      "Staff",
      ["Staff group", "Band", "Contracted WTE"],
      [...Array.from({ length: 10 }, () => ["Nursing", "Band 5", 1]), ...Array.from({ length: 4 }, () => ["Support", "Band 3", 1])],
    );
    const activity = table("tblActivity", "Activity", ["Service line", "Total"], [["Bed days", 5000]]);
    const standards = table(
      "tblStandards",
      "Standards",
      ["Service line", "Staff group", "Minutes per unit"],
      [
        ["Bed days", "Nursing", 360],
        ["Bed days", "Support", 60],
      ],
    );
    // Two months a group: the WTE averaged, the spend summed.
    const temporary = table(
      "tblTemporary",
      "Bank and agency",
      ["Month", "Staff group", "Bank FTE", "Agency FTE", "Bank spend", "Agency spend"],
      [
        ["Apr", "Nursing", 1, 2, 3000, 8000],
        ["May", "Nursing", 1, 2, 3000, 8000],
        ["Apr", "Support", 0, 1, 0, 100_000],
        ["May", "Support", 0, 1, 0, 0],
      ],
    );
    const { input, cells } = planFromTables(
      { staff, activity, standards, temporary },
      { name: "From the table", startYear: "2025/26", horizonYears: 1, agencyPremium: 1 },
    );
    expect(input.spendBefore).toEqual([
      { staffGroup: "Nursing", bankSpend: 6000, agencySpend: 16_000 },
      { staffGroup: "Support", bankSpend: 0, agencySpend: 100_000 },
    ]);
    expect(cells.get("Nursing")!.temporary.map((c) => c.place)).toEqual(["'Bank and agency'!F2", "'Bank and agency'!F3"]);
    const result = runScenario(input);
    const [agency] = spendRules(result);
    expect(agency).toMatchObject({ before: 116_000, beforeFrom: "table" });
    const check = triangulate(result).checks.find((c) => c.id === "temporaryStaffing")!;
    const nursing = result.rows.find((r) => r.staffGroup === "Nursing")!;
    // 15.3 WTE needed, 10 in post: bank's 1 and agency's 2 WTE cover 3 of the gap, agency at twice band 5's cost.
    expect([nursing.bankFte, nursing.agencyFte]).toEqual([1, 2]);
    expect(agency!.plan).toBeCloseTo(2 * 2 * BAND5, 6);
    // £207,569 against £116,000 less 30%, £81,200: the trust's line, then nursing's over its £11,200 share, with its rows; support (no agency) is within its share.
    expect(check.failures.map((f) => [f.staffGroup, Math.round(f.amount)])).toEqual([
      ["", Math.round(4 * BAND5 - 81_200)],
      ["Nursing", Math.round(4 * BAND5 - 11_200)],
      // Bank: nursing's 1 WTE at band 5's cost against £6,000 less 10%, for the trust and for nursing alike.
      ["", Math.round(BAND5 - 5_400)],
      ["Nursing", Math.round(BAND5 - 5_400)],
    ]);
  });

  it("reads pounds as a finance lead types them, and refuses what is not an amount", () => {
    expect(["2070000", "2,070,000", "£2,070,000", "£2.07m", "2.07 m", " £2070k "].map((t) => readPounds(t, "Agency spend"))).toEqual([
      2_070_000, 2_070_000, 2_070_000, 2_070_000, 2_070_000, 2_070_000,
    ]);
    expect(readPounds("", "Agency spend")).toBeUndefined();
    expect(readPounds("£1,234.567", "Agency spend")).toBe(1234.57);
    for (const bad of ["7%", "2,07,000", "-5", "two million"])
      expect(() => readPounds(bad, "Agency spend")).toThrow(`Agency spend "${bad}" is not an amount in pounds`);
  });
});
