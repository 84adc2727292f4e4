import type { ScenarioResult } from "./run.ts";
import type { Scenario } from "./schema.ts";
import { SETTINGS } from "./assumptions.ts";
import { starByYear, type StarRow } from "./star.ts";

/*
 * A board's page: two to five scenarios, a headline per year (FTE gap, pay
 * cost, variance to budget, agency spend, supply over need), a line per
 * scenario saying how it differs from the first, and each one's HEE Star.
 * The sums live here, once; the pane only lays them out.
 */

export interface BoardYear {
  scenario: string;
  year: string;
  gapFte: number;
  totalCost: number;
  variance: number;
  agencyCost: number;
  /** Substantive supply over the FTE the activity needs: 0.95 is 95%. */
  supplyOverNeed: number;
}

export interface BoardSummary {
  headline: BoardYear[];
  /** One line a scenario: the first is the reference, the others say what differs from it. */
  differences: string[];
  star: { scenario: string; byYear: StarRow[] }[];
}

/** What differs from the first scenario, one line a scenario. */
export function scenarioDifferences(scenarios: readonly Scenario[]): string[] {
  const [first] = scenarios;
  if (!first) return [];
  return scenarios.map((scenario, i) => {
    if (i === 0) return `${scenario.name}: the reference the others are compared with.`;
    const changes = SETTINGS.flatMap(([label, pick, say]) => {
      const mine = pick(scenario);
      const theirs = pick(first);
      return JSON.stringify(mine) === JSON.stringify(theirs) ? [] : [`${label} ${say(mine)} (${first.name}: ${say(theirs)})`];
    });
    return changes.length
      ? `${scenario.name}: ${changes.join("; ")}.`
      : `${scenario.name}: the same settings as ${first.name}; only its tables' figures differ.`;
  });
}

/** The board's figures for the given scenarios' results and HEE Star breakdowns (in the same order). */
export function boardSummary(results: readonly ScenarioResult[], stars: readonly (readonly StarRow[])[]): BoardSummary {
  const headline = results.flatMap((result) =>
    result.years.map((year) => {
      const rows = result.rows.filter((r) => r.year === year);
      const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
      const required = sum((r) => r.requiredFte);
      return {
        scenario: result.scenario.name,
        year,
        gapFte: sum((r) => r.gapFte),
        totalCost: sum((r) => r.totalCost),
        variance: sum((r) => r.variance),
        agencyCost: sum((r) => r.agencyCost),
        supplyOverNeed: required > 0 ? sum((r) => r.supplyFte) / required : 0,
      };
    }),
  );
  return {
    headline,
    differences: scenarioDifferences(results.map((r) => r.scenario)),
    star: results.map((result, i) => ({ scenario: result.scenario.name, byYear: starByYear(stars[i] ?? []) })),
  };
}
