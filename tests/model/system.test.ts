import { describe, expect, it } from "vitest";
import {
  assumptionText,
  competingShortages,
  consolidate,
  differingAssumptions,
  median,
  postCost,
  rateSpreads,
  runScenario,
  systemBank,
  SYSTEM,
  type ScenarioInput,
  type TrustPlan,
} from "../../src/index.ts";

/*
 * The system view, by hand. Two wards, each of one nursing group (28 FTE at
 * band 5, 12 at band 3 in post; 10% leave, 4 start), with 12,000 bed days of
 * 8 hours: 96,000 hours / 1,955.3625 = 49.0955 FTE needed against 40 in post,
 * a 9.0955 FTE gap. Bank covers 1 FTE, agency what its capacity allows.
 */
const BAND5 = postCost("5", 1, { year: "2025/26" }).total; // 51,892.2688
const BAND3 = postCost("3", 1, { year: "2025/26" }).total; // 36,295.6944
/** The group's cost of one FTE: 70% band 5, 30% band 3 = 47,213.29648. */
const MIX = 0.7 * BAND5 + 0.3 * BAND3;
const GAP = (12000 * 8) / (37.5 * 52.143) - 40;

function ward(name: string, agencyFte: number, overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name,
    startYear: "2025/26",
    horizonYears: 1,
    options: { bankPremium: 0.2, agencyPremium: 0.5 },
    staffGroups: [
      {
        name: "Nursing",
        registered: true,
        grades: [
          { grade: "5", establishmentFte: 30, inPostFte: 28, bankFte: 1, agencyFte },
          { grade: "3", establishmentFte: 12, inPostFte: 12 },
        ],
        leaverRate: 0.1,
        starters: 4,
      },
    ],
    serviceLines: [{ name: "Bed days", activity: 12000, staffing: [{ staffGroup: "Nursing", minutesPerUnit: 480 }] }],
    payBudget: [{ staffGroup: "Nursing", amount: 2_500_000 }],
    ...overrides,
  };
}

const plan = (trust: string, input: ScenarioInput): TrustPlan => ({ trust, scenario: input.name, result: runScenario(input) });
/** Trust A: 1 FTE of agency at a 50% premium. Trust B: 3 FTE of agency at its nurses' own 100% premium. */
const trustA = () => plan("Trust A", ward("Base", 1));
const trustB = (overrides: Partial<ScenarioInput> = {}) => {
  const input = ward("Base", 3, overrides);
  input.staffGroups[0]!.agencyPremium = 1;
  return plan("Trust B", input);
};

describe("consolidating trusts' plans", () => {
  it("the system is the sum of the trusts, and rates are spend over FTE", () => {
    const system = consolidate([trustA(), trustB()]);
    const [a, b] = system.trustRows;
    const total = system.systemRows[0]!;
    expect(total.trust).toBe(SYSTEM);
    expect(total.gapFte).toBeCloseTo(2 * GAP, 10);
    expect(total.totalCost).toBe(a!.totalCost + b!.totalCost);
    expect(total.budget).toBe(5_000_000);
    expect(total.agencyFte).toBe(4);
    // Agency: A 1 FTE at 1.5 x MIX, B 3 FTE at 2 x MIX; the system's rate is the spend over the 4 FTE.
    expect(a!.agencyRate).toBeCloseTo(1.5 * MIX, 6);
    expect(b!.agencyRate).toBeCloseTo(2 * MIX, 6);
    expect(total.agencyRate).toBeCloseTo((1.5 * MIX + 6 * MIX) / 4, 6);
    expect(system.systemByYear[0]!.totalCost).toBe(total.totalCost);
  });

  it("flags two trusts short of the same group in the same year", () => {
    const flags = competingShortages(consolidate([trustA(), trustB()]));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.staffGroup).toBe("Nursing");
    expect(flags[0]!.trusts.map((t) => t.trust)).toEqual(["Trust A", "Trust B"]);
    expect(flags[0]!.trusts[0]!.gapFte).toBeCloseTo(GAP, 10);
  });

  it("flags assumptions that make the sum misleading, saying which trusts and which assumption", () => {
    const c = plan("Trust C", ward("Base", 1, { startYear: "2024/25", options: { pensionBasis: "local", headroom: 0.22 } }));
    const flags = differingAssumptions(consolidate([trustA(), trustB(), c]));
    expect(flags.map((f) => f.assumption)).toEqual(["pay-table year", "on-cost basis", "headroom", "years planned"]);
    expect(assumptionText(flags[0]!)).toBe(
      "Pay-table year differs: 2025/26 (Trust A, Trust B); 2024/25 (Trust C). Pay costs rest on different years' pay tables, so the sum mixes pay rates.",
    );
    expect(flags[2]!.values).toEqual([
      { value: "0%", trusts: ["Trust A", "Trust B"] },
      { value: "22%", trusts: ["Trust C"] },
    ]);
    expect(differingAssumptions(consolidate([trustA(), trustB()]))).toEqual([]);
  });
});

describe("shared pay rates", () => {
  it("shows the spread of premiums and the saving if trusts above the median paid it", () => {
    expect(median([0.5, 1])).toBe(0.75);
    expect(median([0.3, 0.1, 0.2])).toBe(0.2);
    const [agency] = rateSpreads(consolidate([trustA(), trustB()])).filter((s) => s.kind === "agency");
    expect(agency).toMatchObject({ staffGroup: "Nursing", lowest: 0.5, median: 0.75, highest: 1 });
    // Trust B spends 3 x 2 x MIX = 6 MIX at a 100% premium; at 75% it would spend 6 MIX x 1.75 / 2: 0.75 MIX less.
    expect(agency!.saving).toBeCloseTo(0.75 * MIX, 6); // 35,409.97
    expect(agency!.trusts.map((t) => t.saving)).toEqual([0, agency!.saving]);
  });
});

describe("a collaborative staff bank", () => {
  it("across the system: savings per trust and in all, checked by hand", () => {
    const bank = systemBank(consolidate([trustA(), trustB()]), { share: 0.4, fee: 0.05, capFte: {} });
    // A moves 0.4 of its 1 agency FTE: it saves 0.4 x MIX x (1.5 agency - 1.2 bank x 1.05 fee) = 0.096 MIX.
    // B moves 1.2 of its 3: 1.2 x MIX x (2.0 - 1.26) = 0.888 MIX.
    const [a, b, system] = bank.totals;
    expect(a!.saving).toBeCloseTo(0.096 * MIX, 6); // £4,532.48
    expect(b!.saving).toBeCloseTo(0.888 * MIX, 6); // £41,925.41
    expect(system).toMatchObject({ trust: SYSTEM });
    expect(system!.saving).toBeCloseTo(0.984 * MIX, 6); // £46,457.88
    expect(a!.agencyCostBefore).toBeCloseTo(1.5 * MIX, 6);
    expect(a!.agencyCostAfter).toBeCloseTo(0.6 * 1.5 * MIX, 6);
    expect(a!.bankCost).toBeCloseTo(0.4 * 1.2 * 1.05 * MIX, 6);
    expect(bank.needs).toHaveLength(1);
    expect(bank.needs[0]!.bankFte).toBeCloseTo(1.6, 12);
  });

  it("shares a capped group's bank FTE pro rata to what each trust asked", () => {
    const bank = systemBank(consolidate([trustA(), trustB()]), { share: 0.4, fee: 0.05, capFte: { Nursing: 1 } });
    // Asked 0.4 + 1.2 = 1.6 FTE of a cap of 1: each gets 1 / 1.6 = 62.5% of its ask, 0.25 and 0.75 FTE.
    expect(bank.rows[0]!.bankFte).toBeCloseTo(0.25, 12);
    expect(bank.rows[1]!.bankFte).toBeCloseTo(0.75, 12);
    expect(bank.totals[2]!.saving).toBeCloseTo((0.25 * 0.24 + 0.75 * 0.74) * MIX, 6);
    expect(bank.needs[0]).toMatchObject({ staffGroup: "Nursing", year: "2025/26", askedFte: 1.6, capFte: 1 });
    expect(bank.needs[0]!.bankFte).toBeCloseTo(1, 12);
  });

  it("refuses settings out of range, all at once", () => {
    expect(() => systemBank(consolidate([trustA()]), { share: 40, fee: -1, capFte: { Nursing: -2 } })).toThrow(
      /share of agency cover is 40: give 0 to 1.*management fee is -1.*cap for Nursing is -2/,
    );
  });

  it("in a trust's own scenario: the same rule, capped, with the cost in the total", () => {
    const before = runScenario(ward("Base", 1)).rows[0]!;
    const after = runScenario(ward("Bank", 1, { drivers: { collaborativeBank: { share: 0.4, fee: 0.05 } } })).rows[0]!;
    expect(after.agencyFte).toBeCloseTo(0.6, 12);
    expect(after.collaborativeBankFte).toBeCloseTo(0.4, 12);
    expect(after.collaborativeBankCost).toBeCloseTo(0.4 * MIX * 1.2 * 1.05, 6);
    expect(after.agencyCostAvoided).toBeCloseTo(0.4 * MIX * 1.5, 6);
    expect(before.totalCost - after.totalCost).toBeCloseTo(0.096 * MIX, 6);
    const capped = runScenario(ward("Bank", 1, { drivers: { collaborativeBank: { share: 0.4, capFte: { Nursing: 0.1 } } } })).rows[0]!;
    expect(capped.collaborativeBankFte).toBe(0.1);
    expect(() => runScenario(ward("Bank", 1, { drivers: { collaborativeBank: { share: 0.4, capFte: { Nurses: 1 } } } }))).toThrow(
      /collaborativeBank\.capFte\.Nurses: staff group "Nurses" is not in staffGroups/,
    );
  });
});
