import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { projectRoot } from "../../engine/metadata.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { loadDriverExpressions, monthlySubmission, runScenario, scenarioFromTables, triangulate } from "../../src/index.ts";
import { cpu, judged, median, ms, type Result, type Sizes } from "../measure.ts";
import { CHOICES, sampleTables, scaled } from "./scenario.ts";

/*
 * 8. The plan year by month: a 5-year scenario from the pane's tables at
 *    50,000 staff rows, built and run with its first year by month (and,
 *    beside it, every year by month) and its submission worked out; and
 *    `wfplan run` on the sample from a cold start, wall time, as a schedule
 *    would run it each month.
 */

const run = promisify(execFile);

export async function months(sizes: Sizes): Promise<Result[]> {
  const tables = await sampleTables();
  await loadDriverExpressions();
  const rows = sizes.smoke ? tables.staff!.rows.length : 50_000;
  const input = scaled(tables, rows);
  const timed = (monthsFor: "first" | "every") =>
    median(
      Array.from(
        { length: sizes.runs },
        () =>
          cpu(() => {
            const result = runScenario(scenarioFromTables(input, { ...CHOICES, monthsFor }));
            triangulate(result);
            return monthlySubmission(result);
          }).ms,
      ),
    );
  const first = timed("first");
  const every = timed("every");

  const bin = join(projectRoot, "bin", "wfplan.mjs");
  const dir = mkdtempSync(join(tmpdir(), "wfplan-bench-run-"));
  const sample = join(dir, "sample.xlsx");
  copyFileSync(SAMPLE_FILE, sample);
  const wall = async () => {
    const start = performance.now();
    await run(process.execPath, [bin, "run", sample, "-o", join(dir, "out.xlsx"), "--force"], { cwd: projectRoot });
    return performance.now() - start;
  };
  await wall(); // builds the CLI's bundle if a source changed
  const runs: number[] = [];
  for (let i = 0; i < Math.max(sizes.runs, 1); i++) runs.push(await wall());
  const cli = median(runs);
  return [
    {
      measure: "A 5-year scenario with its first year by month, from the pane's tables at 50,000 staff rows",
      value: `${ms(first)} (every year by month: ${ms(every)})`,
      target: "< 250 ms to build, run and lay out the months",
      met: judged(sizes, first < 250),
      details: { firstYearMs: first, everyYearMs: every },
    },
    {
      measure: "wfplan run on the sample (a base case: results and months written into a copy), cold",
      value: ms(cli),
      target: "< 3 s wall time",
      met: judged(sizes, cli < 3000),
      details: { runMs: cli },
    },
  ];
}
