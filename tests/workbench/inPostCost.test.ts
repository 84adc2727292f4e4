import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { runScenario, scenarioFromTables } from "../../src/index.ts";
import { openSample, readLinkedTables } from "./plan.ts";

/*
 * A scenario costs the staff in post as the workbook's own WFP.COST column
 * does: each row at its own band or grade, pay point, hours and area, with
 * National Insurance per person. With nothing moving the workforce in the
 * first year (no leavers or joiners, no pay award), its substantive cost is
 * the sum of that column to the penny.
 */

let model: Workbook;
beforeAll(async () => {
  ({ model } = await openSample());
});

const choices = { name: "In post", startYear: "2025/26", horizonYears: 1, payAward: 0, activityGrowth: 0 };

function costColumnTotal(): { total: number; rows: number } {
  const staff = model.table("tblStaff");
  const headers = model.values(staff.sheet, { ...staff.range, bottom: staff.range.top })[0]!;
  const column = staff.range.left + headers.indexOf("Annual cost");
  const values = model.values(staff.sheet, { top: staff.range.top + 1, bottom: staff.range.bottom, left: column, right: column });
  return { total: values.reduce((sum, [v]) => sum + (v as number), 0), rows: values.length };
}

describe("the scenario's cost of the staff in post", () => {
  it("equals the sum of the staff table's WFP.COST column, to the penny, at 0% pay award", async () => {
    // Without the leavers and starters table, nothing moves the workforce in the first year.
    const tables = { ...(await readLinkedTables()), flows: undefined };
    const result = runScenario(scenarioFromTables(tables, choices));
    const { total, rows } = costColumnTotal();
    expect(rows).toBe(2602);
    const inPost = result.rows.reduce((sum, r) => sum + r.substantiveCost, 0);
    expect(Math.abs(inPost - total)).toBeLessThan(0.005);
    // The workbook's column prices each row at its own point: it is not every post at the top of its band.
    const allAtTop = runScenario(
      scenarioFromTables(
        { ...tables, staff: { ...tables.staff!, headers: tables.staff!.headers.map((h) => (h === "Pay point" ? "Ignored" : h)) } },
        choices,
      ),
    );
    expect(allAtTop.rows.reduce((sum, r) => sum + r.substantiveCost, 0)).toBeGreaterThan(total * 1.02);
  });

  it("costs a row at its own area and a part-time post with National Insurance on its own pay", async () => {
    const staff = {
      name: "tblTiny",
      sheet: "Tiny",
      headers: ["Staff group", "Band", "Pay point", "Contracted hours", "Area"],
      top: 0,
      left: 0,
      rows: [
        ["Nursing", "Band 5", "entry", 37.5, "inner"],
        ["Nursing", "Band 5", "", 18.75, ""],
      ],
    };
    const table = (name: string, headers: string[], rows: unknown[][]) => ({ name, sheet: "Tiny", headers, rows, top: 0, left: 0 });
    const activity = table("tblActivity", ["Service line", "Total"], [["Ward", 1000]]);
    const standards = table("tblStandards", ["Service line", "Staff group", "Minutes per unit"], [["Ward", "Nursing", 60]]);
    const result = runScenario(scenarioFromTables({ staff, activity, standards }, { ...choices, startYear: "2024/25" }));
    // By hand, 2024/25 (NI 13.8% above £9,100; pension 23.78%; levy 0.5%):
    // Band 5 entry £29,970 + inner London HCAS 20% = £5,994 (within £5,415-£8,171): pay £35,964;
    //   NI 0.138 x 26,864 = 3,707.232; pension 8,552.2392; levy 179.82: £48,403.2912.
    // Band 5 top £36,483, half time: £18,241.50; NI 0.138 x 9,141.50 = 1,261.527; pension 4,337.8287; levy 91.2075: £23,932.0632.
    expect(result.rows[0]!.substantiveCost).toBeCloseTo(48_403.2912 + 23_932.0632, 6);
  });
});
