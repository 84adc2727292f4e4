import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../functions/helpers.ts";

const run = runCli;

describe("wfplan eval at its edges", () => {
  it("reads Excel's literals: a capital exponent and TRUE and FALSE", async () => {
    expect((await run("eval", "=1E+308*1")).stdout).toBe("1e+308\n");
    expect((await run("eval", "=WFP.FTE(7.5E+1)")).stdout).toBe("2\n");
    expect((await run("eval", '=IF(TRUE,"yes","no")&FALSE')).stdout).toBe("yesFALSE\n");
  });
  it("prints numbers down to Excel's smallest, not NaN", async () => {
    expect((await run("eval", "=1e-300*1")).stdout).toBe("1e-300\n");
    expect((await run("eval", "--json", "=WFP.FTE(3.75e-300)")).stdout).toBe("1e-301\n");
  });
  it("gives #NUM! for a result too large for a cell", async () => {
    expect(await run("eval", '=WFP.FTE(1e308,"50%")')).toEqual({
      code: 0,
      stdout: "#NUM!\n",
      stderr: "#NUM! WFP.FTE: hours or standard_hours is negative; or a result too large for a cell\n",
    });
  });
  it("exits 1 with the message when the formula cannot be read", async () => {
    const result = await run("eval", "=WFP.FTE(");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^#ERROR! Parsing error/);
  });
  it("never puts the formula in a cell it reads: A1 alone, and a workbook with data in its last row", async () => {
    expect((await run("eval", "=A1+1")).stdout).toBe("1\n");
    const file = join(mkdtempSync(join(tmpdir(), "wfplan-cli-")), "last-row.xlsx");
    const workbook = new ExcelJS.Workbook();
    const plan = workbook.addWorksheet("Plan");
    plan.getCell("A1").value = 2;
    plan.getCell("A1048576").value = 40;
    await workbook.xlsx.writeFile(file);
    expect(await run("eval", "--workbook", file, "=A1048576*A1+1")).toEqual({ code: 0, stdout: "81\n", stderr: "" });
  });
});
