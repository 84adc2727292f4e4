import type { FinancialYear } from "../reference/index.ts";
import type { ServiceLineDemand } from "../scenario/demand.ts";
import type { Scenario } from "../scenario/schema.ts";

/*
 * The FTE the activity needs in each month. A service line whose activity
 * plan gives its months (April to March) is needed as its months are (winter
 * is not August): each month's FTE is the year's FTE scaled by that month's
 * activity over the year's average month. A line without months is needed
 * evenly. Every year takes the shape of the months given for the first.
 */

/** Where a service line's months come from. */
export interface DemandMonths {
  serviceLine: string;
  basis: "activity plan" | "even";
}

export function demandByMonth(
  scenario: Scenario,
  years: readonly FinancialYear[],
  demand: readonly ServiceLineDemand[],
): { requiredByMonth: Map<string, number[][]>; demandMonths: DemandMonths[] } {
  const horizon = scenario.horizonYears;
  const requiredByMonth = new Map(
    scenario.staffGroups.map((g) => [g.name, Array.from({ length: horizon }, () => new Array<number>(12).fill(0))]),
  );
  const shapes = new Map<string, number[]>();
  const demandMonths: DemandMonths[] = [];
  for (const line of scenario.serviceLines) {
    const total = line.months?.reduce((a, b) => a + b, 0) ?? 0;
    const shape = line.months && total > 0 ? line.months.map((m) => (m * 12) / total) : new Array<number>(12).fill(1);
    shapes.set(line.name, shape);
    demandMonths.push({ serviceLine: line.name, basis: line.months && total > 0 ? "activity plan" : "even" });
  }
  const yearIndex = new Map(years.map((year, y) => [year, y]));
  for (const item of demand) {
    const y = yearIndex.get(item.year)!;
    const shape = shapes.get(item.serviceLine)!;
    const months = requiredByMonth.get(item.staffGroup)![y]!;
    for (let m = 0; m < 12; m++) months[m]! += item.requiredFte * shape[m]!;
  }
  return { requiredByMonth, demandMonths };
}

/** What a sheet says of the demand's months: which lines follow the activity plan's, and which are even. */
export function demandMonthsText(demand: readonly DemandMonths[]): string {
  const from = demand.filter((d) => d.basis === "activity plan").map((d) => d.serviceLine);
  const even = demand.filter((d) => d.basis === "even").map((d) => d.serviceLine);
  const parts = [
    from.length ? `${from.join(", ")} by the activity plan's own months` : "",
    even.length
      ? `${even.join(", ")} evenly, a twelfth a month (the linked activity has no months for ${even.length === 1 ? "it" : "them"})`
      : "",
  ].filter(Boolean);
  return parts.join("; ") || "no service lines";
}
