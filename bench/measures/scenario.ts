import { readFileSync } from "node:fs";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import {
  detectPlanTables,
  loadDriverExpressions,
  runScenario,
  scenarioFromTables,
  triangulate,
  type TableData,
  type TableRole,
} from "../../src/index.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { queueTableReads } from "../../taskpane/adapter/planTables.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { cpu, judged, mb, median, ms, type Result, type Sizes } from "../measure.ts";

/*
 * 3. A scenario built and run from the pane's own tables (the sample's, read
 *    through the Excel API) at 1x, 10x and 100x the sample's staff, and at
 *    50,000 staff rows.
 * 4. Syncs and the largest payload of the pane's full path (open, read, run,
 *    write, save) on the sample at 1x and 10x its staff.
 */

export const CHOICES = { name: "Bench", startYear: "2025/26", horizonYears: 5, activityGrowth: 0.03, payAward: 0.03, headroom: 0.22 };

export async function sampleTables(): Promise<Partial<Record<TableRole, TableData>>> {
  installExcelGlobals(await readXlsx(readFileSync(SAMPLE_FILE)));
  const view = await openWorkbook();
  const roles = detectPlanTables(view.tables);
  const chosen = Object.entries(roles).filter(([, name]) => name) as [TableRole, string][];
  const read = await Excel.run(async (context) => {
    const queued = queueTableReads(
      context,
      chosen.map(([, name]) => view.tables.find((t) => t.name === name)!),
    );
    await context.sync();
    return queued.read();
  });
  return Object.fromEntries(chosen.map(([role], i) => [role, read[i]!]));
}

/** The staff table `factor` times over (whole copies, then part of one). */
export function scaled(tables: Partial<Record<TableRole, TableData>>, rows: number): Partial<Record<TableRole, TableData>> {
  const staff = tables.staff!;
  return { ...tables, staff: { ...staff, rows: Array.from({ length: rows }, (_, i) => staff.rows[i % staff.rows.length]!) } };
}

export async function scenarioScale(sizes: Sizes): Promise<Result[]> {
  const tables = await sampleTables();
  await loadDriverExpressions();
  const sample = tables.staff!.rows.length;
  const steps = sizes.smoke ? [1, 2] : [1, 10, 50_000 / sample, 100];
  const timed = steps.map((factor) => {
    const input = scaled(tables, Math.round(sample * factor));
    const runs = Array.from({ length: sizes.runs }, () => cpu(() => triangulate(runScenario(scenarioFromTables(input, CHOICES)))).ms);
    return { factor, rows: input.staff!.rows.length, ms: median(runs) };
  });
  const at50k = timed.find((t) => t.rows === 50_000);
  const first = timed[0]!;
  const last = timed.at(-1)!;
  // Linear: the time per staff row at 100x is no more than twice the time per row at 1x.
  const growth = last.ms / last.rows / (first.ms / first.rows);
  return [
    {
      measure: "A 5-year scenario from the pane's tables at 1x, 10x and 100x the sample's staff",
      value: timed.map((t) => `${t.rows.toLocaleString("en-GB")} rows ${ms(t.ms)}`).join(", "),
      ratio: growth,
      target: "linear (time a row at 100x ≤ 2x that at 1x); under 200 ms at 50,000 staff rows",
      met: judged(sizes, growth <= 2 && (at50k?.ms ?? Infinity) < 200),
      details: Object.fromEntries(timed.map((t) => [`rows${t.rows}Ms`, t.ms])),
    },
  ];
}

export async function paneSyncs(sizes: Sizes): Promise<Result[]> {
  const factors = sizes.smoke ? [1] : [1, 10];
  const runs = [];
  for (const factor of factors) {
    const model = await readXlsx(readFileSync(SAMPLE_FILE));
    if (factor > 1) {
      const staff = model.table("tblStaff");
      const rows = model.values(staff.sheet, { ...staff.range, top: staff.range.top + 1 });
      const copy = rows.map((row) => row.map((cell) => (typeof cell === "string" ? `'${cell}` : (cell as number))));
      for (let i = 1; i < factor; i++) model.addTableRows("tblStaff", copy);
    }
    const excel = installExcelGlobals(model);
    const start = process.cpuUsage();
    const view = await openWorkbook();
    await runPlan(detectPlanTables(view.tables), CHOICES, { view });
    const used = process.cpuUsage(start);
    const { syncs, emptySyncs, largestRequestBytes, largestResponseBytes } = excel.stats;
    runs.push({
      factor,
      syncs,
      emptySyncs,
      largest: Math.max(largestRequestBytes, largestResponseBytes),
      ms: (used.user + used.system) / 1000,
    });
  }
  const worst = Math.max(...runs.map((r) => r.syncs));
  const largest = Math.max(...runs.map((r) => r.largest));
  return [
    {
      measure: "Syncs and largest payload of the pane's full path (open, read, run, write the results and the months, save)",
      value: runs
        .map((r) => `${r.factor}x: ${r.syncs} syncs (${r.emptySyncs} empty, not sent), largest ${mb(r.largest)}, ${ms(r.ms)}`)
        .join("; "),
      target: "≤ 6 syncs at 1x and at 10x; no payload over 4 MB",
      met: judged(sizes, worst <= 6 && largest <= 4_000_000),
      details: Object.fromEntries(
        runs.flatMap((r) => [
          [`syncs${r.factor}x`, r.syncs],
          [`largestBytes${r.factor}x`, r.largest],
        ]),
      ),
    },
  ];
}
