import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../engine/metadata.ts";
import { catalogue } from "../../functions/catalogue.ts";

/*
 * Each function's result shape, as its catalogue entry declares it, checked
 * through HyperFormula (which sizes a spill from the formula, before
 * evaluating) with filled cells right beside and below the result: a wrong
 * shape turns the formula into #SPILL! or cuts its values.
 */
const SAMPLES: Record<string, { formula: string; values: number[] }> = {
  FTE: { formula: "=WFP.FTE({30,15,37.5})", values: [0.8, 0.4, 1] },
  HEADCOUNT: { formula: "=WFP.HEADCOUNT({1.5,2,0.2})", values: [2, 2, 1] },
  PAY: { formula: '=WFP.PAY({5,6,7},"top","2025/26")', values: [37796, 46580, 54710] },
  // Inner London 2023/24: 20%, at least £5,132, at most £7,745.
  HCAS: { formula: '=WFP.HCAS({20000,37796,50000},"inner","2023/24")', values: [5132, 7559.2, 7745] },
  // 15% above £5,000 in 2025/26.
  ONCOSTS: { formula: '=WFP.ONCOSTS({5000,10000,20000},"2025/26","ni")', values: [0, 750, 2250] },
  // Band 5 top 2025/26: 37,796 + NI 4,919.40 + pension 8,987.8888 + levy 188.98; half time: 18,898 + 2,084.70 + 4,493.9444 + 94.49.
  COST: { formula: '=WFP.COST({5,5,5},{1,0.5,0},"top","2025/26")', values: [51892.2688, 25571.1344, 0] },
  UPLIFT: { formula: "=WFP.UPLIFT({0.15,0.04,0.03})", values: [0.22] },
  // 1,955.3625 hours is one FTE's year (37.5 x 52.143).
  ACTIVITY_FTE: { formula: "=WFP.ACTIVITY_FTE({1955.3625,3910.725,0},60)", values: [1, 2, 0] },
  WISN_AWT: { formula: "=WFP.WISN_AWT({260,261,262},8,27,5,5,8)", values: [1720, 1728, 1736] },
  // 25,000 + 1,000 + 300 hours of workload over 1,315 available hours.
  WISN: { formula: "=WFP.WISN({100000,2000,300},{15,30,60},1315)", values: [20] },
  WISN_RATIO: { formula: "=WFP.WISN_RATIO({10,20,30},20)", values: [0.5, 1, 1.5] },
  CHPPD: { formula: "=WFP.CHPPD({2700,900,450},300)", values: [9, 3, 1.5] },
  // CHPPD x beds x occupancy x 365 / 1,955.3625: 8 x 25 x 1 x 365 = 73,000 hours.
  NURSING_FTE: { formula: "=WFP.NURSING_FTE({8,16,0},25,1)", values: [73000 / 1955.3625, 146000 / 1955.3625, 0] },
  SKILLMIX: { formula: '=WFP.SKILLMIX({1,2,1},{"a","b","a"},"a")', values: [0.5] },
  // The mean of band 5 and band 3 at the top of 2025/26, fully loaded: band 3 is 26,598 + NI 3,239.70 + pension 6,325.0044 + levy 132.99.
  MIXCOST: { formula: '=WFP.MIXCOST({5,3},{1,1},"2025/26")', values: [(51892.2688 + 36295.6944) / 2] },
  SUPPLY: { formula: "=WFP.SUPPLY(100,0.1,8,3)", values: [98, 96.2, 94.58] },
  VACANCY_RATE: { formula: "=WFP.VACANCY_RATE({100,50,10},{90,50,11})", values: [0.1, 0, -0.1] },
  TURNOVER: { formula: "=WFP.TURNOVER({10,5,1},{100,50,10})", values: [0.1, 0.1, 0.1] },
};

describe("each function's declared result shape, through HyperFormula beside filled cells", () => {
  it("has a sample formula for every function in the catalogue", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(catalogue).sort());
  });

  it.each(Object.entries(SAMPLES))("WFP.%s spills exactly its values and leaves its neighbours alone", async (id, sample) => {
    const width = sample.values.length;
    // The formula in A1, a filled cell just right of the result and one just below it.
    const row: (string | null)[] = [sample.formula, ...Array<null>(width - 1).fill(null), "neighbour"];
    const hf = await createNodeEngine({ Calc: [row, ["below"]] });
    const values = hf.getSheetValues(hf.getSheetId("Calc")!);
    hf.destroy();
    const shape = catalogue[id]!.shape.kind;
    expect(shape === "one value", `${id} is declared "${shape}"`).toBe(width === 1);
    expect(values[0]!.length).toBe(width + 1);
    values[0]!.slice(0, width).forEach((value, i) => expect(value, `${id} cell ${i + 1}`).toBeCloseTo(sample.values[i]!, 9));
    expect(values[0]![width]).toBe("neighbour");
    expect(values[1]![0]).toBe("below");
  });
});
