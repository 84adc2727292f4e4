import { fail } from "../errors.ts";
import { loadPayTable, nextYear, payScale, type FinancialYear, type PayTable } from "../reference/index.ts";
import { demandByMonth, type DemandMonths } from "../months/demandByMonth.ts";
import { payInYear } from "../months/payInYear.ts";
import type { MonthRow } from "../months/phase.ts";
import { activityDemand, type ServiceLineDemand } from "./demand.ts";
import { driverValue } from "./drivers.ts";
import { checkFraction, cumulativeFactors } from "./factors.ts";
import { PostCosts, type Post } from "./postCosts.ts";
import { groupRows } from "./supplyStage.ts";
import { parseScenario, type Scenario } from "./schema.ts";

/** One staff group in one plan year. FTE are year-end (31 March) positions; money is pounds a year. */
export interface ScenarioRow {
  year: FinancialYear;
  /** 1 for the first plan year. */
  yearIndex: number;
  staffGroup: string;
  /** Substantive staff in post at the start of the year, and the year's flows in and out (the months add up to them). */
  openingFte: number;
  startersFte: number;
  internationalFte: number;
  conversionsFte: number;
  newRoleFte: number;
  vacancyFilledFte: number;
  leaversFte: number;
  retirementsFte: number;
  /** FTE the activity plan needs, after productivity and headroom. */
  requiredFte: number;
  establishmentFte: number;
  /** Substantive staff in post at year end. */
  supplyFte: number;
  /** requiredFte - supplyFte: positive is a shortfall. */
  gapFte: number;
  bankFte: number;
  agencyFte: number;
  /** Shortfall left after bank and agency cover. */
  unmetFte: number;
  substantiveCost: number;
  bankCost: number;
  agencyCost: number;
  /** Agency cover filled by a collaborative bank instead (drivers.collaborativeBank), and what it costs there. */
  collaborativeBankFte: number;
  collaborativeBankCost: number;
  /** The agency spend the collaborative bank's FTE would have cost: the saving is this less collaborativeBankCost. */
  agencyCostAvoided: number;
  /** What the workforce in post and its bank and agency cover cost: substantive + bank + agency + collaborative bank. */
  totalCost: number;
  /** The unmet FTE costed at the group's substantive rate, as if recruited. */
  unmetCost: number;
  /** What the workforce the activity needs would cost: totalCost + unmetCost (a surplus in post is still paid). */
  neededCost: number;
  /** The funded establishment costed at substantive rates, each grade at its own: what the budget should fund. */
  establishmentCost: number;
  budget: number;
  /** Whether the finance plan gives this staff group a budget at all. */
  budgeted: boolean;
  /** budget - totalCost: negative is an overspend. */
  variance: number;
}

export type { DemandMonths, MonthRow, ServiceLineDemand };

export interface ScenarioResult {
  scenario: Scenario;
  years: FinancialYear[];
  rows: ScenarioRow[];
  demand: ServiceLineDemand[];
  /** The first plan year (or every year: options.monthsFor) month by month, by staff group. */
  months: MonthRow[];
  /** Where each service line's months come from: the activity plan's own, or an even twelfth. */
  demandMonths: DemandMonths[];
}

/**
 * Runs a scenario over its horizon: for each year and staff group, the FTE the
 * activity needs, the substantive supply (stocks and flows), the gap and how
 * much of it bank then agency cover, what that costs, and the budget variance.
 * Pure and deterministic: the same input always gives the same result.
 */
export function runScenario(input: unknown): ScenarioResult {
  const scenario = parseScenario(input);
  const { horizonYears: horizon, inputs, drivers } = scenario;
  const years = Array.from({ length: horizon }, (_, i) => nextYear(scenario.startYear, i));

  const { payFactors, payByMonth } = payInYear(
    cumulativeFactors(drivers.payAward, horizon, inputs, "drivers.payAward"),
    drivers.payAwardMonth,
  );
  const productivity = cumulativeFactors(drivers.productivityChange, horizon, inputs, "drivers.productivityChange");
  // The share of the linked table's agency (the year before's use) kept by the end of each plan year, the first included:
  // the operational plan's year is where the national rules ask agency spend to fall.
  const agencyKept: number[] = [];
  for (let year = 1; year <= horizon; year++) {
    const reduction = checkFraction(
      driverValue(drivers.agencyReduction, year, inputs, "drivers.agencyReduction"),
      "drivers.agencyReduction",
      year,
    );
    agencyKept.push((agencyKept[year - 2] ?? 1) * (1 - reduction));
  }

  const { demand, required } = activityDemand(scenario, years, productivity);
  const { requiredByMonth, demandMonths } = demandByMonth(scenario, years, demand);

  // What one WTE of each post costs in each year, each worked out once.
  const payTable = scenario.payTable ? loadPayTable(scenario.payTable.rows.map(payTableRowInput), scenario.payTable.name) : undefined;
  const posts = new Map<string, Post>();
  for (const group of scenario.staffGroups) for (const line of group.grades) posts.set(line.key, line);
  for (const role of drivers.newRoles) {
    posts.set(role.key, role);
    if (role.replaces && !posts.has(role.replaces.key)) posts.set(role.replaces.key, role.replaces);
  }
  payScaleHeldForStart(scenario, posts, payTable);
  const costs = new PostCosts(scenario, posts, payFactors, payTable);

  const rows: ScenarioRow[] = [];
  const months: MonthRow[] = [];
  const context = { scenario, years, payFactors, payByMonth, agencyKept, required, requiredByMonth, posts, costs };
  scenario.staffGroups.forEach((group, groupIndex) => {
    const group_ = groupRows(context, group, groupIndex);
    rows.push(...group_.rows);
    months.push(...group_.months);
  });
  for (const row of rows) allFinite(row, `${row.year} ${row.staffGroup}`);
  for (const row of months) allFinite(row, `${row.year} ${row.monthName} ${row.staffGroup}`);
  return { scenario, years, rows, demand, months, demandMonths };
}

/** Fails where a figure of a row is not a number a cell can hold. */
function allFinite(row: ScenarioRow | MonthRow, where: string): void {
  for (const [field, value] of Object.entries(row)) {
    if (typeof value === "number" && !Number.isFinite(value))
      fail("num", `${where}: ${field} is ${value}, not a number a cell can hold: check the drivers`, field);
  }
}

/** Every grade's pay for the first year, before anything is costed: one error lists each grade not held. */
function payScaleHeldForStart(scenario: Scenario, posts: Map<string, Post>, payTable: PayTable | undefined): void {
  const problems: string[] = [];
  for (const grade of new Set([...posts.values()].map((post) => post.grade))) {
    try {
      payScale(grade, scenario.startYear, payTable);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) {
    fail(
      "value",
      `${problems.join("; ")}. Start the scenario in a year held for every grade, or link a pay table with rows for ${scenario.startYear}`,
      "startYear",
    );
  }
}

function payTableRowInput(row: NonNullable<Scenario["payTable"]>["rows"][number], index: number) {
  return { ...row, point: row.point, place: row.place ?? `pay table row ${index + 1}` };
}
