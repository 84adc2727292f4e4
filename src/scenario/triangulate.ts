import { formatFte, formatPercent, formatPounds } from "../format.ts";
import type { FinancialYear } from "../reference/index.ts";
import type { ScenarioResult, ScenarioRow } from "./run.ts";
import { temporaryStaffingCheck } from "./temporaryStaffingCheck.ts";

/*
 * Triangulation, as NHS operational planning asks for it: can the workforce
 * deliver the activity plan, does it cost what the financial plan says, and
 * does the budget fund the establishment? Every failure names the year,
 * staff group and service lines, and by how much.
 */

export type CheckId = "capacity" | "finance" | "establishment" | "temporaryStaffing";

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
  /** Checked and nothing failed; a check with nothing to check has not passed: it says why in `notChecked`. */
  passed: boolean;
  failures: CheckFailure[];
  /** Why there was nothing to check (no budget linked, no figure for the year before). */
  notChecked?: string;
  /** What a check that ran could not check of its parts ("not checked: no bank spend …"). */
  notes?: string[];
}

export interface Triangulation {
  /** No check failed: each passed, or had nothing to check. */
  passed: boolean;
  checks: Check[];
}

/** A check as its verdict reads: "yes", "no, in 3 place(s)", or "not checked: why". */
export function checkVerdict(check: Check): string {
  if (check.notChecked) return `not checked: ${check.notChecked}`;
  return check.passed ? "yes" : `no, in ${check.failures.length} place(s)`;
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
  // A check with nothing to check says so, never "yes".
  const check = (id: CheckId, title: string, failures: CheckFailure[], nothing: string | false): Check =>
    nothing ? { id, title, passed: false, failures, notChecked: nothing } : { id, title, passed: failures.length === 0, failures };
  const checks: Check[] = [
    check(
      "capacity",
      "The workforce can deliver the activity plan",
      capacity,
      !result.rows.some((row) => row.requiredFte > 0) && "the activity plan and staffing standards give no staff group any need",
    ),
    check(
      "finance",
      "The pay cost is within the financial plan",
      finance,
      !result.rows.some((row) => row.budgeted) && "no staff group has a pay budget: link the pay budget",
    ),
    check(
      "establishment",
      "The budget funds the establishment",
      establishment,
      !result.rows.some((row) => row.budgeted && row.establishmentFte > 0) &&
        "no staff group has both an establishment and a pay budget: link both",
    ),
    temporaryStaffingCheck(result),
  ];
  return { passed: checks.every((c) => c.passed || c.notChecked !== undefined), checks };
}
