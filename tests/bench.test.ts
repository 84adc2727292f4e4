import { describe, expect, it } from "vitest";
import { SMOKE } from "../bench/measure.ts";
import { runBench } from "../bench/run.ts";

/*
 * Every bench of `npm run bench` at tiny sizes, so none can rot: no timing is
 * judged here (timings live in the bench, measured side by side), but what
 * each measure checks as it goes (WFP.COST to the penny against the plain
 * loop, each HyperFormula form's value) and what it counts must hold.
 */
describe("npm run bench, at smoke sizes", () => {
  it("runs every measure, with its target, and judges none", async () => {
    const printed: string[] = [];
    const results = await runBench(SMOKE, (line) => printed.push(line));
    expect(results.map((r) => r.measure)).toEqual([
      "WFP.COST implementation against a plain typed-array loop",
      "Costing every row in HyperFormula: the better WFP form against per-row native formulas",
      "Recalculation after editing one input row: per-row WFP.COST against native",
      "A 5-year scenario from the pane's tables at 1x, 10x and 100x the sample's staff",
      "Syncs and largest payload of the pane's full path (open, read, run, write the results and the months, save)",
      "A 5-year scenario with its first year by month, from the pane's tables at 50,000 staff rows",
      "wfplan run on the sample (a base case: results and months written into a copy), cold",
      "Bundle sizes, gzip: custom functions and task pane",
      "Task pane, navigation to its first usable control, headless Chromium",
      "Workbench cold, navigation to the sample's grid and the pane ready, headless Chromium",
      "wfplan eval '=WFP.FTE(30)' cold, against node -e 0",
      "wfplan eval --workbook on a 6 KB file with values in A1 and XFD1048576, cold",
      "wfplan consolidate: 3 trust workbooks of 56 staff records (168 in all)",
      "wfplan consolidate: 4 trust workbooks of 56 staff records (224 in all)",
      "Workbench: open an extract of 2,000 rows (.xlsx)",
      "Workbench: an edit in that workbook, Enter to the new value on screen",
    ]);
    for (const result of results) {
      expect(result.met).toBeNull();
      expect(result.target).not.toBe("");
    }
    expect(printed.join("\n")).toContain("(smoke: not judged)");
    // Counts, not timings: the pane's whole path on the sample takes five syncs, none empty sent.
    const details = (start: string) => results.find((r) => r.measure.startsWith(start))!.details!;
    expect(details("Syncs and largest payload")).toMatchObject({ syncs1x: 5 });
    expect(details("Syncs and largest payload").largestBytes1x).toBeLessThan(4_000_000);
    expect(details("Bundle sizes").functionsGzipBytes).toBeLessThan(80 * 1024);
    expect(details("Bundle sizes").paneGzipBytes).toBeLessThan(350 * 1024);
  }, 180_000);
});
