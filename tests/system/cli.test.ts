import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../engine/metadata.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { runCli } from "../functions/helpers.ts";
import { icsFiles, ownResults, pence, type OwnRow } from "./trustFiles.ts";

/*
 * `wfplan consolidate` on the three example trusts' saved workbooks, with a
 * damaged file and one wfplan never ran on among them: what is written, what
 * is said, and the exit codes an analyst's script reads.
 */

let dir: string;
let files: ReturnType<typeof icsFiles>;
/** Each trust's own results from its results sheets: "Plan 2025" for all, and Northfield's "Stretch". */
let plan: OwnRow[][];
let stretch: OwnRow[];
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  files = icsFiles();
  plan = await Promise.all(files.trusts.map((t) => ownResults(t.bytes, "Plan 2025")));
  stretch = await ownResults(files.trusts[0]!.bytes, "Stretch");
  dir = mkdtempSync(join(tmpdir(), "wfplan-ics-"));
  for (const f of [...files.trusts, files.damaged, files.neverRun]) writeFileSync(path(f.name), f.bytes);
}, 120_000);

/** Pay cost by year over the three trusts' own runs of `scenario` (Northfield's may differ). */
function ownCost(year: string, northfield = "Plan 2025"): number {
  return [northfield === "Stretch" ? stretch : plan[0]!, plan[1]!, plan[2]!]
    .flat()
    .filter((r) => r.year === year)
    .reduce((s, r) => s + r.totalCost, 0);
}

describe("wfplan consolidate", () => {
  it("consolidates every file it can, reports each skipped one with why, and exits 3", async () => {
    const out = path("ics.xlsx");
    const args = [...files.trusts.map((t) => path(t.name)), path(files.damaged.name), path(files.neverRun.name)];
    const result = await runCli("consolidate", ...args, "--scenario", "Plan 2025", "--bank-share", "50%", "--bank-fee", "0.05", "-o", out);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(`Wrote ${out}: 3 trusts, 2 files skipped\n`);
    expect(result.stderr.split("\n")).toEqual([
      '1/5 Northfield Hospitals.xlsx: used "Plan 2025"',
      '2/5 Thameside University Hospitals.xlsx: used "Plan 2025"',
      '3/5 Vale Community Health.xlsx: used "Plan 2025"',
      "4/5 Copied half way.xlsx: skipped: this is not an Excel workbook (.xlsx), or it is damaged: open it in Excel and save it again as .xlsx",
      "5/5 northfield-trust-plan.xlsx: skipped: wfplan has not run on this workbook: it has no saved scenarios. Run a scenario in it first, then save it",
      "",
    ]);

    const book = await readXlsx(new Uint8Array((await import("node:fs")).readFileSync(out)));
    expect(book.values("Files", { top: 0, left: 0, bottom: 5, right: 3 })[4]).toEqual([
      "Copied half way.xlsx",
      "",
      "",
      "skipped: this is not an Excel workbook (.xlsx), or it is damaged: open it in Excel and save it again as .xlsx",
    ]);
    // The system by year, as saved, is the sum of the trusts' own runs to the penny.
    const sheet = "WFP ICS summary";
    const column = book.values(sheet, { top: 0, left: 0, bottom: 40, right: 0 }).map((r) => String(r[0]));
    const top = column.indexOf("The system by year") + 1;
    const byYear = book.values(sheet, { top: top + 1, left: 0, bottom: top + 6, right: 4 });
    expect(byYear.map((r) => r[0])).toEqual(["2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30"]);
    for (const row of byYear) expect(pence(Number(row[4]))).toBe(pence(ownCost(String(row[0]))));
    expect(column).toContain(
      "Pay-table year differs: 2025/26 (Northfield Hospitals, Vale Community Health); 2024/25 (Thameside University Hospitals). Pay costs rest on different years' pay tables, so the sum mixes pay rates.",
    );
    expect(book.charts.filter((c) => c.sheet === sheet)).toHaveLength(2);
  });

  it("takes a scenario per file where they differ, and exits 0 when every file was used", async () => {
    const out = path("stretch.xlsx");
    const [north, thames, vale] = files.trusts.map((t) => path(t.name));
    const result = await runCli("consolidate", `${north}=Stretch`, thames!, vale!, "--scenario", "Plan 2025", "-o", out);
    expect(result).toMatchObject({ code: 0, stdout: `Wrote ${out}: 3 trusts\n` });
    expect(result.stderr).toContain('1/3 Northfield Hospitals.xlsx: used "Stretch"');
    const book = await readXlsx(new Uint8Array((await import("node:fs")).readFileSync(out)));
    const column = book.values("WFP ICS summary", { top: 0, left: 0, bottom: 40, right: 0 }).map((r) => String(r[0]));
    const top = column.indexOf("The system by year") + 2;
    const row = book.values("WFP ICS summary", { top: top + 1, left: 0, bottom: top + 1, right: 4 })[0]!;
    expect(row[0]).toBe("2025/26");
    expect(pence(Number(row[4]))).toBe(pence(ownCost("2025/26", "Stretch")));
  });

  it("says which scenarios a file has when one is not given, writes nothing over a file, and exits 1 when nothing can be used", async () => {
    const north = path(files.trusts[0]!.name);
    const none = await runCli("consolidate", north, path(files.damaged.name), "-o", path("none.xlsx"));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('1/2 Northfield Hospitals.xlsx: skipped: it has 2 scenarios ("Plan 2025", "Stretch"): choose one');
    expect(none.stderr).toContain("no workbook could be used, so nothing was written");
    expect(existsSync(path("none.xlsx"))).toBe(false);

    const taken = await runCli("consolidate", north, "--scenario", "Plan 2025", "-o", path(files.trusts[1]!.name));
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/Thameside University Hospitals\.xlsx exists: give another name, or --force/);
    expect((await runCli("consolidate", "-o", path("x.xlsx"))).stderr).toMatch(/no workbooks given/);
    expect((await runCli("consolidate", north, "--bank-share", "140%", "-o", path("x.xlsx"))).stderr).toMatch(
      /--bank-share "140%": give a share from 0 to 1/,
    );
  });

  it("draws a progress bar in place on a terminal, and still says why a file was skipped", async () => {
    const { consolidateCommand } = await import("../../cli/consolidate.ts");
    let terminal = "";
    const code = await consolidateCommand(
      [path(files.trusts[2]!.name), path(files.damaged.name), "-o", path("tty.xlsx")],
      { write: () => undefined },
      { write: (text: string) => (terminal += text), isTTY: true },
    );
    expect(code).toBe(3);
    expect(terminal).toContain(`\r[############............] 1/2 Vale Community Health.xlsx`);
    expect(terminal).toContain("\r[########################] 2/2 Copied half way.xlsx");
    expect(terminal).toContain("\n  Copied half way.xlsx: skipped: this is not an Excel workbook (.xlsx), or it is damaged");
    expect(terminal.endsWith("\n")).toBe(true);
  });

  it("runs as `npx wfplan consolidate` from the bin", async () => {
    const out = path("bin.xlsx");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(projectRoot, "bin", "wfplan.mjs"), "consolidate", path(files.trusts[2]!.name), "-o", out],
      { cwd: projectRoot },
    );
    expect(stdout).toBe(`Wrote ${out}: 1 trust\n`);
  }, 60_000);
});
