import { formatFte, formatPercent, formatPounds } from "../format.ts";
import type { ScenarioResult } from "../scenario/run.ts";
import { monthName, type MonthName } from "./calendar.ts";
import type { MonthRow } from "./phase.ts";

/*
 * The first plan year's months against the actuals ESR and finance give
 * each month: the variance in WTE and pounds, the pay variance year to date,
 * a red, amber or green status against the planner's tolerance, and a
 * forecast outturn: the actual months as they were, then the plan's months
 * carried on from the last actual month's substantive staff (each staff
 * group's plan moves from where it really stands), costed at the plan's cost
 * a WTE that month. Totals over the staff groups.
 */

export type Status = "green" | "amber" | "red";

/** WTE at the month's end and pay in the month, summed over the staff groups. */
export interface MonthFigures {
  substantiveFte: number;
  bankFte: number;
  agencyFte: number;
  totalFte: number;
  /** Pay in the month; for an actual month, undefined where the actuals give no pay spend. */
  pay?: number;
}

export interface MonthAgainstActual {
  month: number;
  monthName: MonthName;
  plan: MonthFigures & { pay: number };
  actual?: MonthFigures;
  /** Actual less plan. */
  varianceFte?: number;
  variancePay?: number;
  /** The pay variance of the months with actual pay so far. */
  ytdVariancePay?: number;
  status?: Status;
  /** What the month is forecast to be: its actuals, or the plan carried on from the last actual month. */
  forecast: MonthFigures & { pay: number };
}

export interface PlanAgainstActual {
  months: MonthAgainstActual[];
  /** The last month with actuals; undefined where there are none. */
  lastActual?: number;
  tolerance: number;
  /** The year as planned, and as forecast. */
  planPay: number;
  forecastPay: number;
  planClosingFte: number;
  forecastClosingFte: number;
}

const sumOf = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((sum, row) => sum + pick(row), 0);

/** Green within the tolerance of the plan, amber within twice it, red beyond; the worse of WTE and pay where both are given. */
export function statusOf(shares: readonly number[], tolerance: number): Status {
  const worst = Math.max(...shares.map(Math.abs));
  // A whisker over, from the sums' rounding, is still within.
  if (worst <= tolerance + 1e-12) return "green";
  return worst <= 2 * tolerance + 1e-12 ? "amber" : "red";
}

function planFigures(rows: readonly MonthRow[]): MonthFigures & { pay: number } {
  const substantiveFte = sumOf(rows, (r) => r.closingFte);
  const bankFte = sumOf(rows, (r) => r.bankFte + r.collaborativeBankFte);
  const agencyFte = sumOf(rows, (r) => r.agencyFte);
  return { substantiveFte, bankFte, agencyFte, totalFte: substantiveFte + bankFte + agencyFte, pay: sumOf(rows, (r) => r.totalCost) };
}

/** The first plan year against its actuals; undefined where the scenario has none. */
export function planAgainstActual(result: ScenarioResult): PlanAgainstActual | undefined {
  const actuals = result.scenario.actuals ?? [];
  if (!actuals.length) return undefined;
  const tolerance = result.scenario.options.actualsTolerance;
  const yearOne = result.months.filter((m) => m.yearIndex === 1);
  const groups = [...new Set(yearOne.map((m) => m.staffGroup))];
  const lastActual = Math.max(...actuals.map((a) => a.month));
  const actualOf = (group: string, month: number) => actuals.find((a) => a.staffGroup === group && a.month === month);
  const planOf = (group: string, month: number) => yearOne.find((m) => m.staffGroup === group && m.month === month)!;

  let ytd: number | undefined;
  const months = Array.from({ length: 12 }, (_, i): MonthAgainstActual => {
    const month = i + 1;
    const rows = yearOne.filter((m) => m.month === month);
    const plan = planFigures(rows);
    const given = actuals.filter((a) => a.month === month);
    // Each group's forecast: its actual month; after the last, its plan moved by where it really stood then.
    const forecastByGroup = groups.map((group) => {
      const planned = planOf(group, month);
      const bank = planned.bankFte + planned.collaborativeBankFte;
      const seen = month <= lastActual ? actualOf(group, month) : undefined;
      if (seen) {
        const fte = seen.substantiveFte + seen.bankFte + seen.agencyFte;
        const plannedFte = planned.closingFte + bank + planned.agencyFte;
        // Pay not given: the plan's cost a WTE that month.
        const pay = seen.paySpend ?? (plannedFte > 0 ? (planned.totalCost * fte) / plannedFte : planned.totalCost);
        return { substantiveFte: seen.substantiveFte, bankFte: seen.bankFte, agencyFte: seen.agencyFte, pay };
      }
      const last = actualOf(group, lastActual);
      const substantiveFte = last
        ? Math.max(0, planned.closingFte - planOf(group, lastActual).closingFte + last.substantiveFte)
        : planned.closingFte;
      const plannedFte = planned.closingFte + bank + planned.agencyFte;
      const fte = substantiveFte + bank + planned.agencyFte;
      return {
        substantiveFte,
        bankFte: bank,
        agencyFte: planned.agencyFte,
        pay: plannedFte > 0 ? (planned.totalCost * fte) / plannedFte : planned.totalCost,
      };
    });
    const forecastSubstantive = sumOf(forecastByGroup, (f) => f.substantiveFte);
    const forecastBank = sumOf(forecastByGroup, (f) => f.bankFte);
    const forecastAgency = sumOf(forecastByGroup, (f) => f.agencyFte);
    const forecast = {
      substantiveFte: forecastSubstantive,
      bankFte: forecastBank,
      agencyFte: forecastAgency,
      totalFte: forecastSubstantive + forecastBank + forecastAgency,
      pay: sumOf(forecastByGroup, (f) => f.pay),
    };
    if (!given.length) return { month, monthName: monthName(month), plan, forecast };

    const substantiveFte = sumOf(given, (a) => a.substantiveFte);
    const bankFte = sumOf(given, (a) => a.bankFte);
    const agencyFte = sumOf(given, (a) => a.agencyFte);
    const paid = given.every((a) => a.paySpend !== undefined) ? sumOf(given, (a) => a.paySpend!) : undefined;
    const actual = { substantiveFte, bankFte, agencyFte, totalFte: substantiveFte + bankFte + agencyFte, pay: paid };
    const varianceFte = actual.totalFte - plan.totalFte;
    const variancePay = paid === undefined ? undefined : paid - plan.pay;
    if (variancePay !== undefined) ytd = (ytd ?? 0) + variancePay;
    const shares = [
      plan.totalFte > 0 ? varianceFte / plan.totalFte : 0,
      ...(variancePay !== undefined && plan.pay > 0 ? [variancePay / plan.pay] : []),
    ];
    return {
      month,
      monthName: monthName(month),
      plan,
      actual,
      varianceFte,
      ...(variancePay !== undefined ? { variancePay, ytdVariancePay: ytd } : {}),
      status: statusOf(shares, tolerance),
      forecast,
    };
  });
  return {
    months,
    lastActual,
    tolerance,
    planPay: sumOf(months, (m) => m.plan.pay),
    forecastPay: sumOf(months, (m) => m.forecast.pay),
    planClosingFte: months[11]!.plan.substantiveFte,
    forecastClosingFte: months[11]!.forecast.substantiveFte,
  };
}

const signed = (value: number, say: (x: number) => string) => `${value >= 0 ? "+" : "-"}${say(Math.abs(value))}`;

/** What the sheet and the pane say of the plan against its actuals: the latest month, and where the year will land. */
export function againstActualNotes(result: ScenarioResult): string[] {
  const compared = planAgainstActual(result);
  if (!compared) return [];
  const seen = compared.months.filter((m) => m.actual);
  const last = compared.months[compared.lastActual! - 1]!;
  const first = seen[0]!.monthName;
  const span = first === last.monthName ? first : `${first} to ${last.monthName}`;
  const share = last.plan.totalFte > 0 ? last.varianceFte! / last.plan.totalFte : 0;
  const payShare =
    last.variancePay !== undefined && last.plan.pay > 0 ? `, ${signed(last.variancePay / last.plan.pay, formatPercent)} in pay` : "";
  const pay =
    last.ytdVariancePay === undefined ? "no pay spend given" : `pay ${signed(last.ytdVariancePay, formatPounds)} against the plan to date`;
  const over = compared.forecastPay - compared.planPay;
  return [
    `Actuals for ${span} (${seen.length} month${seen.length > 1 ? "s" : ""}): in ${last.monthName}, ${formatFte(last.actual!.totalFte)} against ${formatFte(last.plan.totalFte)} planned ` +
      `(${signed(share, formatPercent)} in WTE${payShare}: ${last.status} against a ${formatPercent(compared.tolerance)} tolerance); ${pay}.`,
    `Forecast outturn: pay ${formatPounds(compared.forecastPay)} against the plan's ${formatPounds(compared.planPay)} (${signed(over, formatPounds)}); ` +
      `substantive staff at March ${formatFte(compared.forecastClosingFte)} against ${formatFte(compared.planClosingFte)} planned. The months after ${last.monthName} carry the plan on from ${last.monthName}'s actual staff; the months with actuals are as ESR and finance gave them, compared with this run's plan.`,
  ];
}

type Actual = NonNullable<ScenarioResult["scenario"]["actuals"]>[number];

/**
 * The actuals a run uses: the linked table's, and every month of the saved
 * version's that the table no longer has, kept rather than re-planned (a
 * month once reported stays reported). Gives the months kept.
 */
export function keepActuals(
  fromTable: readonly Actual[] | undefined,
  saved: readonly Actual[] | undefined,
): { actuals: Actual[] | undefined; kept: number[] } {
  const table = fromTable ?? [];
  const months = new Set(table.map((a) => a.month));
  const carried = (saved ?? []).filter((a) => !months.has(a.month));
  const kept = [...new Set(carried.map((a) => a.month))].sort((a, b) => a - b);
  const actuals = [...table, ...carried].sort((a, b) => a.month - b.month || a.staffGroup.localeCompare(b.staffGroup));
  return { actuals: actuals.length ? actuals : undefined, kept };
}
