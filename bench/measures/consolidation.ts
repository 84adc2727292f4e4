import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildTrustFile, ICS_TRUSTS } from "../../examples/icsTrusts.ts";
import { projectRoot } from "../../engine/metadata.ts";
import { judged, mb, ms, type Result, type Sizes } from "../measure.ts";

/*
 * 7. `wfplan consolidate` as an analyst runs it, a separate process, timed on
 *    the wall and its peak resident memory read from the process itself:
 *    10 trusts of 15,000 staff records each, and 200 trusts of 7,500 each
 *    (about 1.5 million records, the NHS in England), read one file at a time.
 *    Each trust is a Northfield workbook made at that size by the examples'
 *    generator and run by the pane's own use case, saved once and copied.
 */

const run = promisify(execFile);
/** Northfield's posts at scale 1 (examples/generate.ts). */
const NORTHFIELD_POSTS = 2600;

async function trustCopies(dir: string, records: number, copies: number): Promise<{ files: string[]; staffRecords: number }> {
  const base = ICS_TRUSTS[0]!;
  const { bytes, staffRecords } = await buildTrustFile({
    ...base,
    profile: { ...base.profile, scale: records / NORTHFIELD_POSTS },
    scenarios: [base.scenarios[0]!],
  });
  const files = Array.from({ length: copies }, (_, i) => join(dir, `Trust ${String(i + 1).padStart(3, "0")}.xlsx`));
  for (const file of files) writeFileSync(file, bytes);
  return { files, staffRecords };
}

async function consolidate(files: string[], out: string): Promise<{ wallMs: number; peakBytes: number }> {
  const start = performance.now();
  const { stderr } = await run(
    process.execPath,
    [
      join(projectRoot, "bench", "measures", "maxRss.mjs"),
      "consolidate",
      ...files,
      "--scenario",
      "Plan 2025",
      "--bank-share",
      "30%",
      "--force",
      "-o",
      out,
    ],
    { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 },
  );
  const wallMs = performance.now() - start;
  const kb = Number(/maxRSS (\d+)/.exec(stderr)?.[1]);
  return { wallMs, peakBytes: kb * 1024 };
}

export async function consolidation(sizes: Sizes): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), "wfplan-bench-ics-"));
  try {
    const results: Result[] = [];
    const cases = sizes.smoke
      ? [
          { trusts: 3, records: 60, target: 10_000 },
          { trusts: 4, records: 60, target: Infinity },
        ]
      : [
          { trusts: 10, records: 15_000, target: 10_000 },
          { trusts: 200, records: 7_500, target: Infinity },
        ];
    for (const { trusts, records, target } of cases) {
      const { files, staffRecords } = await trustCopies(dir, records, trusts);
      // The first run warms the CLI's bundle cache; the second is measured.
      await consolidate(files.slice(0, 1), join(dir, "warm.xlsx"));
      const { wallMs, peakBytes } = await consolidate(files, join(dir, `ics-${trusts}.xlsx`));
      const all = staffRecords * trusts;
      results.push({
        measure: `wfplan consolidate: ${trusts} trust workbooks of ${staffRecords.toLocaleString("en-GB")} staff records (${all.toLocaleString("en-GB")} in all)`,
        value: `${ms(wallMs)} (${ms(wallMs / trusts)} a trust), peak memory ${mb(peakBytes)}`,
        target: Number.isFinite(target) ? "< 10 s, < 1.5 GB" : "one file at a time: < 1.5 GB",
        met: judged(sizes, wallMs < target && peakBytes < 1.5e9),
        details: { trusts, staffRecords: all, wallMs, msPerTrust: wallMs / trusts, peakBytes },
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
