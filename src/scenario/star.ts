import { DRIVERS, starDriverNames, withoutDriver, type StarPoint } from "./driverTable.ts";
import { runScenario, type ScenarioRow } from "./run.ts";
import type { ScenarioInput } from "./schema.ts";

/*
 * The HEE Star made quantitative. HEE's workforce transformation model has
 * five points: supply, upskilling, new roles, new ways of working and
 * leadership (HEE, "Workforce transformation"). Every action driver of a
 * scenario belongs to one point; the rest (activity growth, the pay award,
 * the leavers and starters the trust's own tables give) is the world the
 * actions work in. The scenario is run with no action, then with each
 * point's actions added in the Star's order; what each step changes is what
 * that point closes of the FTE gap, and what it adds to the pay cost. The
 * steps add up to the scenario itself. The order matters where actions
 * interact (vacancy fill recruits to an establishment that new roles raise),
 * so it is fixed and said. Which driver is whose action is the drivers
 * table's `star` (driverTable.ts): a driver marked there is zeroed here.
 */

export type { StarPoint };

const POINTS: readonly { point: StarPoint; label: string }[] = [
  { point: "supply", label: "Supply" },
  { point: "upskilling", label: "Upskilling" },
  { point: "newRoles", label: "New roles" },
  { point: "newWaysOfWorking", label: "New ways of working" },
  { point: "leadership", label: "Leadership" },
];
/** The Star's points in the order their actions are added, each with the drivers that are its actions. */
export const STAR_POINTS: readonly { point: StarPoint; label: string; drivers: string }[] = POINTS.map((p) => ({
  ...p,
  drivers: starDriverNames(p.point),
}));

export interface StarRow {
  year: string;
  yearIndex: number;
  staffGroup: string;
  /** Required less substantive supply FTE with no action: positive is a shortfall. */
  noActionGap: number;
  /** FTE of the gap each point closes (negative: the point widens it). */
  closes: Record<StarPoint, number>;
  /** The gap with every action: noActionGap less all the closes. */
  gap: number;
  /** What each point adds to the pay cost (substantive, bank and agency). */
  costChange: Record<StarPoint, number>;
}

/** The scenario with only the given points' actions: every action driver of another point set to none. */
export function withPoints(input: ScenarioInput, kept: ReadonlySet<StarPoint>): ScenarioInput {
  return DRIVERS.reduce<ScenarioInput>(
    (scenario, entry) => ("star" in entry && !kept.has(entry.star) ? withoutDriver(scenario, entry) : scenario),
    input,
  );
}

/** Per year and staff group: the gap with no action, what each point of the Star closes, and the gap left. */
export function starBreakdown(input: ScenarioInput): StarRow[] {
  const kept = new Set<StarPoint>();
  const stages: ScenarioRow[][] = [runScenario(withPoints(input, kept)).rows];
  for (const { point } of STAR_POINTS) {
    kept.add(point);
    stages.push(runScenario(withPoints(input, kept)).rows);
  }
  return stages[0]!.map((row, i) => {
    const closes = {} as Record<StarPoint, number>;
    const costChange = {} as Record<StarPoint, number>;
    STAR_POINTS.forEach(({ point }, k) => {
      closes[point] = stages[k]![i]!.gapFte - stages[k + 1]![i]!.gapFte;
      costChange[point] = stages[k + 1]![i]!.totalCost - stages[k]![i]!.totalCost;
    });
    return {
      year: row.year,
      yearIndex: row.yearIndex,
      staffGroup: row.staffGroup,
      noActionGap: row.gapFte,
      closes,
      gap: stages.at(-1)![i]!.gapFte,
      costChange,
    };
  });
}

/** The breakdown summed over staff groups, year by year: what a board reads. */
export function starByYear(rows: readonly StarRow[]): StarRow[] {
  const years = new Map<string, StarRow>();
  for (const row of rows) {
    const sum = years.get(row.year);
    if (!sum) {
      years.set(row.year, { ...row, staffGroup: "All staff groups", closes: { ...row.closes }, costChange: { ...row.costChange } });
      continue;
    }
    sum.noActionGap += row.noActionGap;
    sum.gap += row.gap;
    for (const { point } of STAR_POINTS) {
      sum.closes[point] += row.closes[point];
      sum.costChange[point] += row.costChange[point];
    }
  }
  return [...years.values()];
}

/** A bar of the HEE Star waterfall, drawn as stacked columns on an invisible base. */
export interface WaterfallStep {
  label: string;
  /** Where the visible part starts: drawn with no fill. */
  base: number;
  /** The gap with no action, or the gap left: a bar from zero. */
  gap: number;
  /** What a point closes (a step down), or widens (a step up). */
  closes: number;
  widens: number;
}

/**
 * One year's HEE Star as a waterfall: the gap with no action, each point's
 * step down (the FTE it closes) or up (the FTE it widens the gap by), and the
 * gap left, which the steps reach. Drawn as stacked columns whose first
 * series, the base, has no fill; the part of a step below zero (more supply
 * than need) is not drawn: the table beside it gives every step whole.
 */
export function starWaterfall(year: StarRow): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: "Gap with no action", base: 0, gap: year.noActionGap, closes: 0, widens: 0 }];
  let running = year.noActionGap;
  for (const { point, label } of STAR_POINTS) {
    const change = year.closes[point];
    const next = running - change;
    const base = Math.max(0, Math.min(running, next));
    const height = Math.max(0, Math.max(running, next) - base);
    steps.push({ label, base, gap: 0, closes: change > 0 ? height : 0, widens: change < 0 ? height : 0 });
    running = next;
  }
  steps.push({ label: "Gap left", base: 0, gap: year.gap, closes: 0, widens: 0 });
  return steps;
}
