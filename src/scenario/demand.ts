import type { FinancialYear } from "../reference/index.ts";
import { activityFte } from "../workforce/demand.ts";
import { cumulativeFactors } from "./factors.ts";
import type { Scenario } from "./schema.ts";

/*
 * The demand stage of a scenario's run: the activity of each service line in
 * each year (grown by its own growth, or the scenario's), and the FTE of each
 * staff group it needs, after headroom and productivity (a line's own, or the
 * scenario's).
 */

/** What each service line asks of each staff group in each year. */
export interface ServiceLineDemand {
  year: FinancialYear;
  serviceLine: string;
  staffGroup: string;
  activity: number;
  requiredFte: number;
}

export function activityDemand(
  scenario: Scenario,
  years: readonly FinancialYear[],
  /** The scenario's productivity factors by plan year, for lines without their own. */
  productivity: readonly number[],
): { demand: ServiceLineDemand[]; required: Map<string, number[]> } {
  const { horizonYears: horizon, inputs, drivers, options } = scenario;
  const demand: ServiceLineDemand[] = [];
  const required = new Map<string, number[]>(scenario.staffGroups.map((g) => [g.name, new Array<number>(horizon).fill(0)]));
  for (const line of scenario.serviceLines) {
    const growth = cumulativeFactors(line.growth ?? drivers.activityGrowth, horizon, inputs, `serviceLines "${line.name}" growth`);
    // A line's own productivity change replaces the scenario's for it.
    const lineProductivity =
      line.productivity === undefined
        ? productivity
        : cumulativeFactors(line.productivity, horizon, inputs, `serviceLines "${line.name}" productivity`);
    for (let y = 0; y < horizon; y++) {
      const activity = line.activity * growth[y]!;
      for (const staffing of line.staffing) {
        const fte = activityFte(activity, staffing.minutesPerUnit, options.productiveHoursPerFte, options.headroom) / lineProductivity[y]!;
        required.get(staffing.staffGroup)![y]! += fte;
        demand.push({ year: years[y]!, serviceLine: line.name, staffGroup: staffing.staffGroup, activity, requiredFte: fte });
      }
    }
  }

  return { demand, required };
}
