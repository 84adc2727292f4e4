import type { HyperFormula } from "hyperformula";
import { createNodeEngine } from "../../engine/metadata.ts";
import { cost } from "../../functions/pay.ts";
import { basicPay, onCostRatesForCosting, type Grade } from "../../src/calculations.ts";
import { cpu, heapUsed, judged, mb, median, ms, random, sideBySide, type Result, type Sizes } from "../measure.ts";

/*
 * 1. WFP.COST on 100,000 rows against a plain typed-array loop doing the same
 *    arithmetic, and in HyperFormula one spilled call and per-row calls
 *    against per-row native formulas (INDEX/MATCH for the pay, then NI,
 *    pension and levy written out), with heap.
 * 2. Recalculation after editing one input row, for each of the three forms.
 */

const BANDS = ["2", "3", "4", "5", "6", "7", "8a", "8b"] as const;
const YEAR = "2025/26";

export async function costing(sizes: Sizes): Promise<Result[]> {
  const rows = sizes.costRows;
  const next = random();
  const bandIndex = Int32Array.from({ length: rows }, () => Math.floor(next() * BANDS.length));
  const fte = Float64Array.from({ length: rows }, () => (next() < 0.7 ? 1 : Math.round(next() * 150) / 100));
  const bands = Array.from(bandIndex, (i) => [`Band ${BANDS[i]}`]);
  const ftes = Array.from(fte, (f) => [f]);
  const pay = Float64Array.from(BANDS, (b) => basicPay(b as Grade, "top", YEAR).annual);
  const rates = onCostRatesForCosting(YEAR);
  const ni = rates.nationalInsurance.rate;
  const threshold = rates.nationalInsurance.threshold;
  const pension = rates.pension.employerRate;
  const levy = rates.apprenticeshipLevy.rate;

  // The floor: the pay looked up by index, the costing arithmetic, a typed array out.
  const floor = () => {
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const annual = pay[bandIndex[i]!]!;
      const f = fte[i]!;
      const whole = Math.floor(f + 1e-9);
      const part = f - whole;
      let total = 0;
      if (whole) total += (annual + ni * Math.max(0, annual - threshold) + pension * annual + levy * annual) * whole;
      if (part > 1e-9) {
        const p = annual * part;
        total += p + ni * Math.max(0, p - threshold) + pension * p + levy * p;
      }
      out[i] = total;
    }
    return out;
  };
  // What any function must do besides: read Excel's 2-D arrays (a band by text) and make one.
  const lookup = new Map(BANDS.map((b, i) => [`Band ${b}`, pay[i]!]));
  const arraysInAndOut = () => {
    const out: number[][] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = [lookup.get(bands[i]![0]!)! * (ftes[i]![0] as number)];
    return out;
  };
  const wfp = () => cost(bands, ftes, undefined, [[YEAR]]);
  const kernel = sideBySide({ floor, arraysInAndOut, wfp }, Math.max(sizes.runs, 3) * 2 - 1);
  // Identical to the penny (tests/functions/costAtScale.test.ts checks every row on generated data).
  const check = floor();
  const got = wfp();
  for (let i = 0; i < rows; i++) {
    if (Math.abs((got[i]![0] as number) - check[i]!) >= 0.005) throw new Error(`row ${i}: WFP.COST ${got[i]![0]} against ${check[i]}`);
  }
  const kernelRatio = kernel.wfp! / kernel.floor!;
  const results: Result[] = [
    {
      measure: "WFP.COST implementation against a plain typed-array loop",
      value: `${ms(kernel.wfp!)} against ${ms(kernel.floor!)} for ${rows.toLocaleString("en-GB")} rows (reading and making Excel's arrays alone: ${ms(kernel.arraysInAndOut!)})`,
      ratio: kernelRatio,
      target: "≤ 3x",
      met: judged(sizes, kernelRatio <= 3),
      details: {
        wfpMs: kernel.wfp!,
        floorMs: kernel.floor!,
        arraysInAndOutMs: kernel.arraysInAndOut!,
        againstArrays: kernel.wfp! / kernel.arraysInAndOut!,
      },
    },
  ];

  // HyperFormula: three ways to cost every row of a sheet.
  const data = Array.from({ length: rows }, (_, i) => [bands[i]![0]!, fte[i]!]);
  const payRows = BANDS.map((b, i) => [`Band ${b}`, pay[i]!]);
  const onePost = (p: string) => `(${p}+${ni}*MAX(0,${p}-${threshold})+${pension}*${p}+${levy}*${p})`;
  const forms = {
    spilled: (i: number) => (i === 0 ? [...data[0]!, `=WFP.COST(A1:A${rows},B1:B${rows},,"${YEAR}")`] : data[i]!),
    perRow: (i: number) => [...data[i]!, `=WFP.COST(A${i + 1},B${i + 1},,"${YEAR}")`],
    native: (i: number) => {
      const n = i + 1;
      const whole = `INT(B${n}+0.000000001)`;
      return [
        ...data[i]!,
        `=INDEX(Pay!$B$1:$B$8,MATCH(A${n},Pay!$A$1:$A$8,0))`,
        `=${whole}*${onePost(`C${n}`)}+IF(B${n}-${whole}>0.000000001,${onePost(`C${n}*(B${n}-${whole})`)},0)`,
      ];
    },
  };
  const sheet: Record<string, { buildMs: number; heap: number; editMs: number }> = {};
  for (const [name, form] of Object.entries(forms)) {
    const before = heapUsed();
    const built = await (async () => {
      const start = process.cpuUsage();
      const hf = await createNodeEngine({ Plan: Array.from({ length: rows }, (_, i) => form(i)) as never, Pay: payRows });
      const used = process.cpuUsage(start);
      return { hf, ms: (used.user + used.system) / 1000 };
    })();
    const heap = heapUsed() - before;
    const plan = built.hf.getSheetId("Plan")!;
    const costColumn = name === "native" ? 3 : 2;
    const probe = Math.floor(rows / 3);
    const value = built.hf.getCellValue({ sheet: plan, row: probe, col: costColumn }) as number;
    if (Math.abs(value - check[probe]!) >= 0.005) throw new Error(`${name}: row ${probe} costs ${value}, not ${check[probe]}`);
    const edits = Array.from(
      { length: Math.max(sizes.runs, 3) },
      (_, k) => cpu(() => edit(built.hf, plan, Math.floor((rows * (k + 1)) / 7), k)).ms,
    );
    sheet[name] = { buildMs: built.ms, heap, editMs: median(edits) };
    built.hf.destroy();
  }
  const better = sheet.spilled!.buildMs <= sheet.perRow!.buildMs ? "spilled" : "perRow";
  const buildRatio = sheet.native!.buildMs / sheet[better]!.buildMs;
  results.push({
    measure: "Costing every row in HyperFormula: the better WFP form against per-row native formulas",
    value: `one spilled WFP.COST ${ms(sheet.spilled!.buildMs)} (${mb(sheet.spilled!.heap)}), per-row WFP.COST ${ms(sheet.perRow!.buildMs)} (${mb(sheet.perRow!.heap)}), native ${ms(sheet.native!.buildMs)} (${mb(sheet.native!.heap)}): build and evaluation of ${rows.toLocaleString("en-GB")} rows`,
    ratio: buildRatio,
    target: "≥ 20x faster",
    met: judged(sizes, buildRatio >= 20),
    details: Object.fromEntries(
      Object.entries(sheet).flatMap(([k, v]) => [
        [`${k}BuildMs`, v.buildMs],
        [`${k}HeapBytes`, v.heap],
      ]),
    ),
  });
  const recalcRatio = sheet.perRow!.editMs / sheet.native!.editMs;
  results.push({
    measure: "Recalculation after editing one input row: per-row WFP.COST against native",
    value: `per-row ${ms(sheet.perRow!.editMs)}, one spilled call ${ms(sheet.spilled!.editMs)} (the whole spill reruns), native ${ms(sheet.native!.editMs)}, ${rows.toLocaleString("en-GB")} rows`,
    ratio: recalcRatio,
    target: "within 10x of native and under 50 ms",
    met: judged(sizes, recalcRatio <= 10 && sheet.perRow!.editMs < 50),
    details: { perRowMs: sheet.perRow!.editMs, spilledMs: sheet.spilled!.editMs, nativeMs: sheet.native!.editMs },
  });
  return results;
}

/** Changes one row's FTE, which HyperFormula recalculates at once. */
function edit(hf: HyperFormula, sheet: number, row: number, k: number) {
  hf.setCellContents({ sheet, row, col: 1 }, [[k % 2 ? 0.5 : 0.8]]);
}
