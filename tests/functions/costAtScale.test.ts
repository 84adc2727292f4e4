import { describe, expect, it } from "vitest";
import { cost } from "../../functions/pay.ts";
import {
  basicPay,
  highCostAreaYear,
  onCostYear,
  postCost,
  type AreaOrNone,
  type FinancialYear,
  type Grade,
  type PayPoint,
} from "../../src/calculations.ts";

/*
 * WFP.COST over 100,000 generated rows (bands and medical grades, points,
 * years, areas, part-time and multi-post FTE) against a plain loop over typed
 * arrays that does the costing arithmetic written out here by hand, from the
 * reference rates: every row to the penny. A sample is also checked, exactly,
 * against the model's own postCost.
 */
const ROWS = 100_000;
let seed = 7;
const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;

type Kind = { band: string | number; grade: Grade; point: string | number | undefined; year: FinancialYear; area: AreaOrNone };
const KINDS: Kind[] = [];
for (const year of ["2023/24", "2024/25", "2025/26"] as FinancialYear[]) {
  // High cost area supplements are held to 2024/25.
  const areas = year === "2025/26" ? (["none"] as const) : (["none", "inner", "fringe"] as const);
  for (const [band, grade] of [
    [2, "2"],
    ["Band 5", "5"],
    ["Band 6", "6"],
    ["8a", "8a"],
    ["Band 8B", "8b"],
  ] as const) {
    // Band 2 has a single point.
    for (const point of grade === "2" ? [undefined, "entry", "top"] : [undefined, "entry", "top", 2]) {
      for (const area of areas) KINDS.push({ band, grade, point, year, area });
    }
  }
  KINDS.push({ band: "FY1", grade: "Resident doctor", point: undefined, year, area: "none" });
  if (year !== "2025/26") KINDS.push({ band: "Consultant", grade: "Consultant", point: "2b", year, area: "none" });
}

/** The point the model reads for a kind's cells: a resident doctor's nodal point, the named or numbered point, or "top" for a blank. */
function pointOf(k: Kind): PayPoint {
  if (k.grade === "Resident doctor") return 1;
  if (k.point === undefined) return "top";
  if (typeof k.point === "number") return k.point;
  return k.point === "2b" ? { name: "2b" } : (k.point as "entry" | "top");
}

describe("WFP.COST over 100,000 rows", () => {
  const kinds = Int32Array.from({ length: ROWS }, () => Math.floor(next() * KINDS.length));
  const ftes = Float64Array.from({ length: ROWS }, () => pick([1, 1, 0.6, 0.4, 2.5, 12, 0.01, 0]));

  it("equals the plain typed-array loop on every row, to the penny", () => {
    // What each kind of post needs, looked up once: whole-time pay and HCAS, and the year's rates.
    const annual = new Float64Array(KINDS.length);
    const hcas = new Float64Array(KINDS.length);
    const ni = new Float64Array(KINDS.length);
    const threshold = new Float64Array(KINDS.length);
    const pension = new Float64Array(KINDS.length);
    const levy = new Float64Array(KINDS.length);
    KINDS.forEach((k, i) => {
      annual[i] = basicPay(k.grade, pointOf(k), k.year).annual;
      const area = k.area === "none" ? undefined : highCostAreaYear(k.year).areas[k.area];
      hcas[i] = area ? Math.min(area.maximum, Math.max(area.minimum, (annual[i]! * area.percent) / 100)) : 0;
      const rates = onCostYear(k.year);
      ni[i] = rates.nationalInsurance.rate;
      threshold[i] = rates.nationalInsurance.threshold;
      pension[i] = rates.pension.employerRate;
      levy[i] = rates.apprenticeshipLevy.rate;
    });
    const expected = new Float64Array(ROWS);
    for (let row = 0; row < ROWS; row++) {
      const k = kinds[row]!;
      const fte = ftes[row]!;
      const whole = Math.floor(fte + 1e-9);
      const part = fte - whole;
      const onePost = (share: number) => {
        const pay = (annual[k]! + hcas[k]!) * share;
        return pay + ni[k]! * Math.max(0, pay - threshold[k]!) + pension[k]! * pay + levy[k]! * pay;
      };
      expected[row] = whole * onePost(1) + (part > 1e-9 ? onePost(part) : 0);
    }

    const column = <T>(f: (k: Kind) => T) => Array.from(kinds, (k) => [f(KINDS[k]!)]);
    const result = cost(
      column((k) => k.band),
      Array.from(ftes, (f) => [f]),
      column((k) => k.point ?? ""),
      column((k) => k.year),
      column((k) => k.area),
    );
    expect(result).toHaveLength(ROWS);
    let worst = 0;
    for (let row = 0; row < ROWS; row++) worst = Math.max(worst, Math.abs((result[row]![0] as number) - expected[row]!));
    expect(worst).toBeLessThan(0.005);
    // A known row, by hand: Band 5 top 2025/26, 1 FTE, no area: 37,796 + NI 15% x (37,796 - 5,000) + 23.78% + 0.5% of 37,796 = 51,892.2688.
    expect(cost([["Band 5"]], [[1]], [["top"]], [["2025/26"]])).toEqual([[51892.2688]]);
  });

  it("equals the model's own postCost exactly, on a sample of rows", () => {
    const sample = Array.from({ length: 500 }, (_, i) => i * 199);
    for (const row of sample) {
      const k = KINDS[kinds[row]!]!;
      const value = cost([[k.band]], [[ftes[row]!]], [[k.point ?? ""]], [[k.year]], [[k.area]])[0]![0];
      expect(value).toBe(postCost(k.grade, ftes[row]!, { point: pointOf(k), year: k.year, area: k.area }).total);
    }
  });
});
