import type { FinancialYear } from "../reference/index.ts";
import type { ScenarioResult, ScenarioRow } from "./run.ts";
import { triangulate } from "./triangulate.ts";

/** One scenario's year, summed over its staff groups, for boards comparing scenarios side by side. */
export interface ComparisonRow {
  scenario: string;
  year: FinancialYear;
  requiredFte: number;
  supplyFte: number;
  gapFte: number;
  unmetFte: number;
  totalCost: number;
  /** What the workforce the activity needs would cost (unmet FTE at the substantive rate). */
  neededCost: number;
  budget: number;
  variance: number;
  /** Places (staff groups) where that year fails a triangulation check. */
  failedChecks: number;
}

/** Totals by scenario and year, in the order the scenarios are given. */
export function compareScenarios(results: readonly ScenarioResult[]): ComparisonRow[] {
  return results.flatMap((result) => {
    const failures = triangulate(result).checks.flatMap((c) => c.failures);
    return result.years.map((year) => {
      const rows = result.rows.filter((r) => r.year === year);
      const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
      return {
        scenario: result.scenario.name,
        year,
        requiredFte: sum((r) => r.requiredFte),
        supplyFte: sum((r) => r.supplyFte),
        gapFte: sum((r) => r.gapFte),
        unmetFte: sum((r) => r.unmetFte),
        totalCost: sum((r) => r.totalCost),
        neededCost: sum((r) => r.neededCost),
        budget: sum((r) => r.budget),
        variance: sum((r) => r.variance),
        failedChecks: failures.filter((f) => f.year === year).length,
      };
    });
  });
}

/** A scenario's rows summed over its staff groups, year by year: the results sheet's totals. */
export function totalsByYear(result: ScenarioResult): ScenarioRow[] {
  return result.years.map((year, i) => {
    const rows = result.rows.filter((r) => r.year === year);
    const total: ScenarioRow = {
      ...rows[0]!,
      year,
      yearIndex: i + 1,
      staffGroup: "All staff groups",
      budgeted: rows.some((r) => r.budgeted),
    };
    for (const key of Object.keys(total) as (keyof ScenarioRow)[]) {
      if (typeof total[key] === "number" && key !== "yearIndex")
        (total[key] as number) = rows.reduce((sum, r) => sum + (r[key] as number), 0);
    }
    return total;
  });
}
