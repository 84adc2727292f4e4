import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";
import { projectRoot } from "../../engine/metadata.ts";

const run = runCli;

describe("wfplan eval", () => {
  it("prints a number in full precision", async () => {
    expect(await run("eval", '=WFP.COST("5", 1, "top", "2025/26")')).toEqual({ code: 0, stdout: "51892.2688\n", stderr: "" });
  });
  it("prints arrays one row a line, tab-separated", async () => {
    expect((await run("eval", "=WFP.SUPPLY(100, 0.1, 8, 3)")).stdout).toBe("98\t96.2\t94.58\n");
    expect((await run("eval", "=WFP.FTE({30;15})")).stdout).toBe("0.8\n0.4\n");
  });
  it("prints an Excel error's code, its message on stderr, and exits 0", async () => {
    const result = await run("eval", "=WFP.PAY(10)");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("#VALUE!\n");
    expect(result.stderr).toMatch(/^#VALUE! band 10 is not an Agenda for Change band: use 2-9, 8a-8d/);
  });
  it("prints JSON with --json", async () => {
    expect((await run("eval", "--json", "=WFP.FTE(30)")).stdout).toBe("0.8\n");
    expect(JSON.parse((await run("eval", "--json", "=WFP.TURNOVER(1, 0)")).stdout)).toEqual({
      error: "#DIV/0!",
      message: "WFP.TURNOVER: average_headcount is 0",
    });
  });
  it("exits 2 on bad usage", async () => {
    expect((await run()).code).toBe(2);
    expect((await run("sum", "1")).code).toBe(2);
    expect((await run("eval")).stderr).toMatch(/no formula given/);
    expect((await run("eval", "--sheet", "Plan", "=1")).code).toBe(2);
  });
  it("evaluates against a workbook's cells", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wfplan-cli-"));
    const file = join(dir, "plan.xlsx");
    const workbook = new ExcelJS.Workbook();
    const plan = workbook.addWorksheet("Plan");
    plan.addRows([
      ["Band", "Hours"],
      ["Band 5", 37.5],
      ["Band 3", 30],
      ["Band 6", { formula: "B2/2" }],
    ]);
    workbook.addWorksheet("Notes").addRow(["ignore me"]);
    await workbook.xlsx.writeFile(file);
    expect((await run("eval", "--workbook", file, "--sheet", "Plan", "=SUM(WFP.FTE(B2:B4))")).stdout).toBe("2.3\n"); // 1 + 0.8 + 0.5
    expect((await run("eval", "--workbook", file, "=WFP.COST(A2, WFP.FTE(B2))")).stdout).toBe("51892.2688\n");
    const missing = await run("eval", "--workbook", file, "--sheet", "Budget", "=1");
    expect(missing).toMatchObject({ code: 2, stderr: 'wfplan: the workbook has no sheet "Budget": it has Plan, Notes\n' });
  });
  it("evaluates on a sheet with no free cell beside its used range, and spills at the answer's own size", async () => {
    // Values in A1 and XFD1048576: the formula once went to column HHH and read the whole sheet back as its spill (out of memory).
    const dir = mkdtempSync(join(tmpdir(), "wfplan-cli-"));
    const file = join(dir, "sparse.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Plan");
    sheet.getCell("A1").value = 30;
    sheet.getCell("XFD1048576").value = 15;
    await workbook.xlsx.writeFile(file);
    expect((await run("eval", "--workbook", file, "=WFP.FTE(A1) + WFP.FTE(XFD1048576)")).stdout).toBe("1.2\n"); // 30/37.5 + 15/37.5
    expect((await run("eval", "--workbook", file, "=WFP.SUPPLY(A1, 0.1, 8, 3)")).stdout).toBe("35\t39.5\t43.55\n"); // 30 x 0.9 + 8 ...
  });
  it("runs as `npx wfplan` from the bin entry, with no build", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(projectRoot, "bin", "wfplan.mjs"), "eval", "=WFP.PAY(5)"], {
      cwd: projectRoot,
    });
    expect(stdout).toBe("37796\n");
  });
});
