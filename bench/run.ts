/*
 * npm run bench: the speed and memory targets of issue 10, each measured side
 * by side with what it is compared against in this one run, printed with its
 * target and whether it is met, and written as JSON under bench/results/
 * (and a full run to docs/developers/bench.json, which the docs' table is made from).
 * `--smoke` runs every measure at tiny sizes and judges none: npm test does
 * that (tests/bench.test.ts), so the benches cannot rot.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { registerWfpFunctions } from "../engine/hyperformula.ts";
import { loadMetadata, projectRoot } from "../engine/metadata.ts";
import { BENCH_JSON } from "../scripts/functionReference.ts";
import { buildAll } from "../scripts/server.ts";
import { FULL, SMOKE, times, type Result, type Sizes } from "./measure.ts";
import { bundles } from "./measures/bundles.ts";
import { consolidation } from "./measures/consolidation.ts";
import { costing } from "./measures/costing.ts";
import { months } from "./measures/months.ts";
import { paneSyncs, scenarioScale } from "./measures/scenario.ts";
import { startup } from "./measures/startup.ts";
import { workbenchScale } from "./measures/workbenchScale.ts";

export async function runBench(sizes: Sizes, print: (line: string) => void = console.log): Promise<Result[]> {
  registerWfpFunctions(await loadMetadata());
  const results: Result[] = [];
  for (const measure of [costing, scenarioScale, paneSyncs, months, bundles, startup, consolidation, workbenchScale]) {
    for (const result of await measure(sizes)) {
      results.push(result);
      const verdict = result.met === null ? "(smoke: not judged)" : result.met ? "met" : "NOT MET";
      const ratio = result.ratio === undefined ? "" : ` [${times(result.ratio)}]`;
      print(`${result.measure}\n  ${result.value}${ratio}\n  target ${result.target}: ${verdict}\n`);
    }
  }
  return results;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const smoke = process.argv.includes("--smoke");
  const started = performance.now();
  console.log(
    `\nwfplan benchmarks${smoke ? " (smoke sizes)" : ""}: ${cpus().length} cores, Node ${process.version}${globalThis.gc ? "" : " (run with --expose-gc: npm run bench does)"}\n`,
  );
  // The page measures and the bundle sizes read dist/: built afresh, as it ships, so they never measure a stale or test build.
  if (!smoke) await buildAll("warn");
  const results = await runBench(smoke ? SMOKE : FULL);
  const seconds = (performance.now() - started) / 1000;
  const unmet = results.filter((r) => r.met === false).length;
  console.log(
    `${results.length} measures in ${seconds.toFixed(0)} s: ${smoke ? "not judged" : unmet ? `${unmet} target(s) not met` : "every target met"}`,
  );
  const dir = join(projectRoot, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}${smoke ? "-smoke" : ""}.json`);
  const json = `${JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, node: process.version, smoke, seconds, results }, null, 2)}\n`;
  writeFileSync(file, json);
  console.log(`written to ${file}`);
  // A full run is the one the docs' table is generated from (npm run docs).
  if (!smoke) {
    writeFileSync(BENCH_JSON, json);
    console.log(`and to ${BENCH_JSON}: run npm run docs to regenerate the table in docs/developers/performance.md`);
  }
  process.exit(0);
}
