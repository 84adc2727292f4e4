import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateMetadataJson, projectRoot, type FunctionMetadata } from "../../engine/metadata.ts";
import { catalogue } from "../../functions/catalogue.ts";
import { registerWithExcel } from "../../functions/register.ts";

describe("functions.json and the implementations agree", async () => {
  const metadata = (JSON.parse(await generateMetadataJson()) as { functions: FunctionMetadata[] }).functions;

  it("every function in functions.json has an implementation, and every implementation is in functions.json", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual(Object.keys(catalogue).sort());
  });

  it("reads the families in the order functions/families.ts lists them, and registers them in that order", async () => {
    const { FAMILY_FILES } = await import("../../functions/families.ts");
    const byFamily = await Promise.all(
      FAMILY_FILES.map(async (file) => Object.keys(((await import(`../../functions/${file}`)) as { entries: object }).entries)),
    );
    expect(byFamily.flat()).toEqual(metadata.map((f) => f.id));
    expect(Object.keys(catalogue)).toEqual(metadata.map((f) => f.id));
    // Every file of functions/ that declares a custom function is a family on the list.
    const declaring = readdirSync(join(projectRoot, "functions")).filter((f) =>
      readFileSync(join(projectRoot, "functions", f), "utf8").includes("@customfunction"),
    );
    expect(declaring.sort()).toEqual([...FAMILY_FILES].sort());
  });

  it("keeps the catalogue's names and argument order (a contract with users' workbooks)", () => {
    const signature = Object.fromEntries(
      metadata.map((f) => [f.id, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")]),
    );
    expect(signature).toEqual({
      FTE: "hours, [standard_hours]",
      HEADCOUNT: "fte, [fte_per_head]",
      PAY: "band, [point], [year], [pay_table]",
      HCAS: "salary, area, [year]",
      ONCOSTS: "annual_pay, [year], [component]",
      COST: "band, fte, [point], [year], [area], [pay_table]",
      UPLIFT: "percentages, [method]",
      ACTIVITY_FTE: "activity, minutes_per_unit, [productive_hours_per_fte_year], [uplift]",
      WISN_AWT: "working_days, public_holidays, annual_leave, sick_leave, other_leave, hours_per_day",
      WISN: "workloads, unit_minutes, awt_hours, [cas_percent], [ias_hours]",
      WISN_RATIO: "actual_staff, required_staff",
      CHPPD: "care_hours, patient_days",
      NURSING_FTE: "chppd, beds, occupancy, [uplift]",
      SKILLMIX: "fte, groups, group",
      MIXCOST: "bands, ftes, [year], [area]",
      SUPPLY: "start_fte, leaver_rate, starters_per_year, years, [other_joiners_per_year]",
      VACANCY_RATE: "establishment, in_post",
      TURNOVER: "leavers, average_headcount",
    });
  });

  it("describes every function and parameter for Excel's formula help", () => {
    for (const fn of metadata) {
      expect(fn.description, fn.id).toBeTruthy();
      for (const p of fn.parameters) expect(p.description, `${fn.id}.${p.name}`).toBeTruthy();
    }
  });

  it("registers each implementation with CustomFunctions.associate under its id", () => {
    const associated: string[] = [];
    const errors: unknown[] = [];
    class ExcelError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {
        errors.push(this);
      }
    }
    Object.assign(globalThis, {
      CustomFunctions: {
        associate: (id: string, fn: (...a: unknown[]) => unknown) => {
          associated.push(id);
          if (id === "PAY") expect(fn([[10]])).toEqual([[expect.any(ExcelError)]]);
        },
        Error: ExcelError,
        ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", notAvailable: "#N/A" },
      },
    });
    try {
      registerWithExcel();
    } finally {
      delete (globalThis as Record<string, unknown>).CustomFunctions;
    }
    expect(associated.sort()).toEqual(metadata.map((f) => f.id).sort());
    expect(errors).toEqual([
      { code: "#VALUE!", message: expect.stringContaining("band 10 is not an Agenda for Change band: use 2-9, 8a-8d") },
    ]);
  });
});

describe("the wrappers stay thin", () => {
  const dir = join(projectRoot, "functions");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  it.each(files)("%s imports only src/calculations.ts, zod and its neighbours", (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    for (const path of imports) {
      expect(path === "zod" || path === "../src/calculations.ts" || /^\.\/[a-zA-Z]+\.ts$/.test(path), `${file} imports ${path}`).toBe(true);
    }
  });
});
