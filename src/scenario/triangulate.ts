import { formatFte, formatPercent, formatPounds } from "../format.ts";
import type { FinancialYear } from "../reference/index.ts";
import type { ScenarioResult, ScenarioRow } from "./run.ts";

/*
 * Triangulation, as NHS operational planning asks for it: can the workforce
 * deliver the activity plan, does it cost what the financial plan says, and
 * does the budget fund the establishment? Every failure names the year,
 * staff group and service lines, and by how much.
 */

export type CheckId = "capacity" | "finance" | "establishment";

export interface CheckFailure {
  check: CheckId;
  year: FinancialYear;
  staffGroup: string;
  /** FTE short (capacity), pounds over budget (finance), or the establishment's cost less the budget (establishment). */
  amount: number;
  /** The service lines whose activity needs this staff group, largest first. */
  serviceLines: { name: string; requiredFte: number }[];
  message: string;
}

export interface Check {
  id: CheckId;
  title: string;
  passed: boolean;
  failures: CheckFailure[];
}

export interface Triangulation {
  passed: boolean;
  checks: Check[];
}

function serviceLinesFor(result: ScenarioResult, row: ScenarioRow) {
  return result.demand
    .filter((d) => d.year === row.year && d.staffGroup === row.staffGroup && d.requiredFte > 0)
    .map((d) => ({ name: d.serviceLine, requiredFte: d.requiredFte }))
    .sort((a, b) => b.requiredFte - a.requiredFte);
}

function capacityFailure(result: ScenarioResult, row: ScenarioRow): CheckFailure {
  const lines = serviceLinesFor(result, row);
  const drivers = lines.length ? `; the need comes from ${lines.map((l) => `${l.name} (${formatFte(l.requiredFte)})`).join(", ")}` : "";
  return {
    check: "capacity",
    year: row.year,
    staffGroup: row.staffGroup,
    amount: row.unmetFte,
    serviceLines: lines,
    message:
      `${row.year} ${row.staffGroup}: ${formatFte(row.unmetFte)} (${formatPercent(row.unmetFte / row.requiredFte)}) of the ` +
      `${formatFte(row.requiredFte)} the activity plan needs is not staffed: ${formatFte(row.supplyFte)} substantive, ` +
      `${formatFte(row.bankFte)} bank and ${formatFte(row.agencyFte)} agency${drivers}`,
  };
}

function financeFailure(result: ScenarioResult, row: ScenarioRow): CheckFailure {
  const over = row.totalCost - row.budget;
  const share = row.budget > 0 ? ` (${formatPercent(over / row.budget)})` : "";
  return {
    check: "finance",
    year: row.year,
    staffGroup: row.staffGroup,
    amount: over,
    serviceLines: serviceLinesFor(result, row),
    message:
      `${row.year} ${row.staffGroup}: pay cost ${formatPounds(row.totalCost)} is ${formatPounds(over)}${share} over the ` +
      `${formatPounds(row.budget)} budget (substantive ${formatPounds(row.substantiveCost)}, bank ${formatPounds(row.bankCost)}, ` +
      `agency ${formatPounds(row.agencyCost)})`,
  };
}

function establishmentFailure(result: ScenarioResult, row: ScenarioRow): CheckFailure {
  const gap = row.establishmentCost - row.budget;
  const share = row.budget > 0 ? ` (${formatPercent(Math.abs(gap) / row.budget)})` : "";
  return {
    check: "establishment",
    year: row.year,
    staffGroup: row.staffGroup,
    amount: gap,
    serviceLines: serviceLinesFor(result, row),
    message:
      `${row.year} ${row.staffGroup}: the establishment of ${formatFte(row.establishmentFte)} costs ${formatPounds(row.establishmentCost)} ` +
      `at substantive rates, ${formatPounds(Math.abs(gap))}${share} ${gap > 0 ? "more" : "less"} than the ${formatPounds(row.budget)} budget`,
  };
}

export function triangulate(result: ScenarioResult): Triangulation {
  const { capacityTolerance, budgetTolerance, establishmentTolerance } = result.scenario.options;
  const capacity = result.rows
    .filter((row) => row.requiredFte > 0 && row.unmetFte > capacityTolerance * row.requiredFte + 1e-9)
    .map((row) => capacityFailure(result, row));
  const finance = result.rows
    .filter((row) => row.budgeted && row.totalCost > row.budget * (1 + budgetTolerance) + 0.005)
    .map((row) => financeFailure(result, row));
  // Only where the plan gives both an establishment and a budget; either way by more than the tolerance.
  const establishment = result.rows
    .filter(
      (row) =>
        row.budgeted &&
        row.establishmentFte > 0 &&
        Math.abs(row.establishmentCost - row.budget) > row.budget * establishmentTolerance + 0.005,
    )
    .map((row) => establishmentFailure(result, row));
  const checks: Check[] = [
    { id: "capacity", title: "The workforce can deliver the activity plan", passed: capacity.length === 0, failures: capacity },
    { id: "finance", title: "The pay cost is within the financial plan", passed: finance.length === 0, failures: finance },
    {
      id: "establishment",
      title: "The budget funds the establishment",
      passed: establishment.length === 0,
      failures: establishment,
    },
  ];
  return { passed: checks.every((c) => c.passed), checks };
}
