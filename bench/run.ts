/*
 * npm run bench: speed and memory targets, measured side by side in one run
 * and printed as ratios. Not a test: timings depend on the machine.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { registerWfpFunctions } from "../engine/hyperformula.ts";
import { loadMetadata, projectRoot } from "../engine/metadata.ts";
import { Workbook } from "../engine/workbook.ts";
import { cost as costFunction } from "../functions/functions.ts";
import { aggregateStaff, runScenario, triangulate, type ScenarioInput, type StaffRecord } from "../src/index.ts";
import { createExcel } from "../workbench/excel/index.ts";

function time<T>(run: () => T, repeat = 1): { result: T; ms: number } {
  let result!: T;
  const start = performance.now();
  for (let i = 0; i < repeat; i++) result = run();
  return { result, ms: (performance.now() - start) / repeat };
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const line = (label: string, value: string) => console.log(`${label.padEnd(64)} ${value}`);

// A deterministic pseudo-random source, so every run measures the same data.
let seed = 42;
const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

const GROUPS = ["Nursing", "HCAs", "AHPs", "Scientific", "Admin", "Estates", "Pharmacy", "Midwifery", "Psychology", "Managers"];
const BANDS = ["2", "3", "4", "5", "6", "7", "8a", "8b"];
const CENTRES = Array.from({ length: 300 }, (_, i) => `CC${String(i).padStart(3, "0")}`);

console.log("\nwfplan benchmarks\n");

// 1. A 5-year scenario over 50,000 staff records and 300 cost centres (target: well under a second).
const records: StaffRecord[] = Array.from({ length: 50_000 }, () => ({
  staffGroup: GROUPS[Math.floor(next() * GROUPS.length)]!,
  band: `Band ${BANDS[Math.floor(next() * BANDS.length)]}`,
  contractedHours: next() < 0.7 ? 37.5 : 22.5,
  costCentre: CENTRES[Math.floor(next() * CENTRES.length)]!,
  assignmentType: next() < 0.05 ? "bank" : next() < 0.02 ? "agency" : "substantive",
}));
const whole = time(() => {
  const groups = aggregateStaff(records).map((g) => ({
    name: g.name,
    grades: g.grades.map((line) => ({ ...line, establishmentFte: line.inPostFte * 1.08 })),
    leaverRate: 0.1,
    starters: 40,
  }));
  const scenario: ScenarioInput = {
    name: "Bench",
    startYear: "2025/26",
    horizonYears: 5,
    staffGroups: groups,
    serviceLines: Array.from({ length: 40 }, (_, i) => ({
      name: `Line ${i}`,
      activity: 20_000 + i * 500,
      staffing: GROUPS.slice(0, 4).map((g) => ({ staffGroup: g, minutesPerUnit: 30 + i })),
    })),
    payBudget: CENTRES.flatMap((centre) => GROUPS.map((g) => ({ staffGroup: g, costCentre: centre, amount: 50_000 + next() * 200_000 }))),
    drivers: { activityGrowth: "0.02 + 0.005 * t", payAward: 0.03, agencyReduction: 0.2, vacancyFill: 0.3 },
  };
  return triangulate(runScenario(scenario));
}, 5);
line("5-year scenario, 50,000 staff records, 300 cost centres", `${ms(whole.ms)} (${(whole.ms / 1000).toFixed(3)} of the 1 s budget)`);

// 2. WFP.COST over 100,000 rows: one call over the range, as the functions take it, against 100,000 single calls.
const bands = Array.from({ length: 100_000 }, () => [`Band ${BANDS[Math.floor(next() * BANDS.length)]}`]);
const ftes = Array.from({ length: 100_000 }, () => [next() < 0.7 ? 1 : 0.6]);
const oneCall = time(() => costFunction(bands, ftes));
const perCell = time(() => bands.map((b, i) => costFunction([b], [ftes[i]!])));
line("WFP.COST, 100,000 rows as one range call", ms(oneCall.ms));
line("WFP.COST, 100,000 single-cell calls", `${ms(perCell.ms)} (range call is ${(perCell.ms / oneCall.ms).toFixed(1)}x faster)`);

// 3. Writing 20,000 rows through the workbench's Excel API: one sync against one sync per row.
registerWfpFunctions(await loadMetadata());
const rows = Array.from({ length: 20_000 }, (_, i) => [`A${i}`, 37.5, `=WFP.FTE(B${i + 1})`]);
async function writeRows(syncPerRow: boolean) {
  const model = new Workbook("Plan");
  const excel = createExcel(model);
  const start = performance.now();
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Plan");
    if (syncPerRow) {
      for (let i = 0; i < rows.length; i += 1) {
        sheet.getRangeByIndexes(i, 0, 1, 3).formulas = [rows[i]!];
        await context.sync();
      }
    } else sheet.getRangeByIndexes(0, 0, rows.length, 3).formulas = rows;
  });
  return { ms: performance.now() - start, syncs: excel.stats.syncs, bytes: excel.stats.requestBytes };
}
const batched = await writeRows(false);
const chatty = await writeRows(true);
line("20,000 rows written in one sync", `${ms(batched.ms)}, ${batched.syncs} syncs, ${(batched.bytes / 1024).toFixed(0)} KB sent`);
line("20,000 rows written with a sync per row", `${ms(chatty.ms)}, ${chatty.syncs} syncs (${(chatty.ms / batched.ms).toFixed(1)}x slower)`);

// 4. HyperFormula heap per formula cell, for sizing the workbench.
global.gc?.();
const before = process.memoryUsage().heapUsed;
const big = new Workbook("Plan");
big.batch(() =>
  big.setContents(
    "Plan",
    0,
    0,
    Array.from({ length: 20_000 }, (_, i) => [37.5, `=WFP.FTE(A${i + 1})`]),
  ),
);
global.gc?.();
const perFormula = (process.memoryUsage().heapUsed - before) / 20_000;
line(
  "Heap per WFP formula cell in the workbench (20,000 cells)",
  `${(perFormula / 1024).toFixed(1)} KB${global.gc ? "" : " (run with --expose-gc for a steadier figure)"}`,
);

// 5. What Excel loads: the custom functions' bundle against the task pane's.
const dist = join(projectRoot, "dist");
if (existsSync(join(dist, "functions.js"))) {
  const functions = statSync(join(dist, "functions.js")).size;
  line("dist/functions.js (entry; shares dist/assets/cost-*.js with the pane)", `${(functions / 1024).toFixed(1)} KB`);
} else line("dist/functions.js", "not built (npm run build first)");
console.log("");
