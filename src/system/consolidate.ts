import type { ScenarioResult } from "../scenario/run.ts";

/*
 * An integrated care system's view of its trusts' plans: each trust's chosen
 * scenario, run as the trust ran it, added up by staff group and financial
 * year. Nothing is re-estimated: a system figure is the sum of the trusts'
 * own figures, so it agrees with each trust's results sheet to the penny.
 * Rates are spend over FTE (pounds a year for one FTE), blank with no FTE.
 */

/** One trust's plan: its name as the system view shows it, the scenario chosen, and the scenario's result. */
export interface TrustPlan {
  trust: string;
  scenario: string;
  /** Where it came from ("northfield.xlsx"), for messages. */
  file?: string;
  result: ScenarioResult;
}

/** The name system rows carry where a trust's name would be. */
export const SYSTEM = "System";

export interface SystemRow {
  /** The trust, or SYSTEM for the sum over trusts. */
  trust: string;
  staffGroup: string;
  year: string;
  requiredFte: number;
  supplyFte: number;
  /** Required less supply: positive is a shortfall. */
  gapFte: number;
  /** Pay cost: substantive, bank, agency and collaborative bank. */
  totalCost: number;
  budget: number;
  /** Budget less pay cost: negative is an overspend. */
  variance: number;
  bankFte: number;
  bankCost: number;
  agencyFte: number;
  agencyCost: number;
  /** Pounds a year for one FTE; undefined where there is no FTE to divide by. */
  bankRate?: number;
  agencyRate?: number;
}

const SUMMED = [
  "requiredFte",
  "supplyFte",
  "gapFte",
  "totalCost",
  "budget",
  "variance",
  "bankFte",
  "bankCost",
  "agencyFte",
  "agencyCost",
] as const;

const rate = (cost: number, fte: number) => (fte > 0 ? cost / fte : undefined);

function withRates(row: Omit<SystemRow, "bankRate" | "agencyRate">): SystemRow {
  return { ...row, bankRate: rate(row.bankCost, row.bankFte), agencyRate: rate(row.agencyCost, row.agencyFte) };
}

/** A trust's rows as the system view holds them. */
export function trustRows(plan: TrustPlan): SystemRow[] {
  return plan.result.rows.map((r) =>
    withRates({
      trust: plan.trust,
      staffGroup: r.staffGroup,
      year: r.year,
      requiredFte: r.requiredFte,
      supplyFte: r.supplyFte,
      gapFte: r.gapFte,
      totalCost: r.totalCost,
      budget: r.budget,
      variance: r.variance,
      bankFte: r.bankFte + r.collaborativeBankFte,
      bankCost: r.bankCost + r.collaborativeBankCost,
      agencyFte: r.agencyFte,
      agencyCost: r.agencyCost,
    }),
  );
}

/** Adds rows up into one row named `trust` (SYSTEM), by staff group and year, in the order first met. */
export function sumRows(rows: readonly SystemRow[], trust = SYSTEM, key = (r: SystemRow) => `${r.staffGroup}\u0000${r.year}`): SystemRow[] {
  const sums = new Map<string, Omit<SystemRow, "bankRate" | "agencyRate">>();
  for (const row of rows) {
    const k = key(row);
    let sum = sums.get(k);
    if (!sum) {
      sum = { trust, staffGroup: row.staffGroup, year: row.year, ...Object.fromEntries(SUMMED.map((f) => [f, 0])) } as Omit<
        SystemRow,
        "bankRate" | "agencyRate"
      >;
      sums.set(k, sum);
    }
    for (const field of SUMMED) sum[field] += row[field];
  }
  return [...sums.values()].map(withRates);
}

/** Every trust's rows, then the system's, each by staff group and year (years in order). */
export interface Consolidation {
  trusts: TrustPlan[];
  /** Every financial year any trust's plan covers, in order. */
  years: string[];
  staffGroups: string[];
  trustRows: SystemRow[];
  systemRows: SystemRow[];
  /** The system by year, all staff groups together. */
  systemByYear: SystemRow[];
}

export function consolidate(plans: readonly TrustPlan[]): Consolidation {
  const rows = plans.flatMap(trustRows);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const staffGroups = [...new Set(rows.map((r) => r.staffGroup))];
  const order = (a: SystemRow, b: SystemRow) =>
    staffGroups.indexOf(a.staffGroup) - staffGroups.indexOf(b.staffGroup) || a.year.localeCompare(b.year);
  const systemRows = sumRows(rows).sort(order);
  const systemByYear = sumRows(systemRows, SYSTEM, (r) => r.year)
    .map((r) => ({ ...r, staffGroup: "All staff groups" }))
    .sort((a, b) => a.year.localeCompare(b.year));
  return { trusts: [...plans], years, staffGroups, trustRows: rows, systemRows, systemByYear };
}
